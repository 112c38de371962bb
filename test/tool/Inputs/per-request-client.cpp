#include <aws/dynamodb/DynamoDBClient.h>
#include <crow.h>

void routes(crow::SimpleApp &App) {
  CROW_ROUTE(App, "/items")([](const crow::request &) {
    Aws::DynamoDB::DynamoDBClient Client;
    return crow::response("ok");
  });
}
