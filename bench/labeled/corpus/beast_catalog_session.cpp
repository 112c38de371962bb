// HTTP front of the catalog service (Boost.Beast). Each session reads
// requests and answers from DynamoDB; a synchronous admin port is served by
// a blocking loop.

#include <utility> // Boost 1.74's Asio headers use std::exchange unincluded.

#include <aws/core/client/ClientConfiguration.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/GetItemRequest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <future>
#include <memory>
#include <string>

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace catalog {

const Aws::Client::ClientConfiguration &dynamoConfig();
void countHit(const std::string &target);

// Shared by every session: built once, on first use.
const Aws::DynamoDB::DynamoDBClient &sharedClient() {
  static const Aws::DynamoDB::DynamoDBClient client(dynamoConfig()); // NO-FINDING: leak-per-request-client
  return client;
}

std::string lookup(const Aws::DynamoDB::DynamoDBClient &client, const std::string &sku) {
  Aws::DynamoDB::Model::GetItemRequest request;
  request.SetTableName("catalog");
  Aws::Map<Aws::String, Aws::DynamoDB::Model::AttributeValue> key;
  key["sku"].SetS(sku);
  request.SetKey(key);
  auto outcome = client.GetItem(request);
  if (!outcome.IsSuccess())
    return "{}";
  auto it = outcome.GetResult().GetItem().find("json");
  return it == outcome.GetResult().GetItem().end() ? "{}" : it->second.GetS();
}

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket &&socket) : stream_(std::move(socket)) {}

  void run() { read(); }

private:
  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&Session::onRead, shared_from_this()));
  }

  void onRead(beast::error_code error, std::size_t) {
    if (error)
      return;
    std::string target(request_.target());
    std::async(std::launch::async, countHit, target); // FINDING: leak-unawaited-future
    response_ = {http::status::ok, request_.version()};
    if (target.rfind("/fresh/", 0) == 0) {
      Aws::DynamoDB::DynamoDBClient client(dynamoConfig()); // FINDING: leak-per-request-client
      response_.body() = lookup(client, target.substr(7));
    } else {
      response_.body() = lookup(sharedClient(), target.substr(1));
    }
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::onWrite, shared_from_this()));
  }

  void onWrite(beast::error_code error, std::size_t) {
    if (!error)
      read();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

// Admin port: one request per iteration of the blocking loop.
void serveAdmin(tcp::socket &socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    beast::error_code error;
    http::read(socket, buffer, request, error);
    if (error)
      break;
    auto client = std::make_unique<Aws::DynamoDB::DynamoDBClient>(dynamoConfig()); // FINDING: leak-per-request-client
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.body() = lookup(*client, std::string(request.target()));
    response.prepare_payload();
    http::write(socket, response, error);
    if (error)
      break;
  }
}

// Same loop with the shared client.
void serveAdminShared(tcp::socket &socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    beast::error_code error;
    http::read(socket, buffer, request, error);
    if (error)
      break;
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.body() = lookup(sharedClient(), std::string(request.target())); // NO-FINDING: leak-per-request-client
    response.prepare_payload();
    http::write(socket, response, error);
    if (error)
      break;
  }
}

} // namespace catalog
