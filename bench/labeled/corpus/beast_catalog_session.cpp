// HTTP front of the catalog service (Boost.Beast). Each session reads
// requests and answers from DynamoDB; a synchronous admin port is served by
// a blocking loop.

#include <utility> // Boost 1.74's Asio headers use std::exchange unincluded.

#include <aws/core/client/ClientConfiguration.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/GetItemRequest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace catalog {

const Aws::Client::ClientConfiguration &dynamoConfig();
void countHit(const std::string &target);

// Traffic statistics of the /stats page, shared by every session.
std::mutex statsMutex;
std::unordered_map<std::string, long> hitsByTarget;
std::map<unsigned, long> responsesByStatus;

// The admin port's recent requests, for its /history page.
std::deque<std::string> adminHistory;
constexpr std::size_t kAdminHistory = 500;

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
  Session(tcp::socket &&socket, boost::asio::steady_timer &drain)
      : stream_(std::move(socket)), idle_(stream_.get_executor()), drain_(drain) {}

  // A client that sends nothing within ten seconds of connecting is dropped;
  // the pending wait keeps the session alive until it fires.
  void run() {
    idle_.expires_after(std::chrono::seconds(10));
    idle_.async_wait([this, self = shared_from_this()](beast::error_code error) {
      if (!error && !served_)
        stream_.socket().close(error); // NO-FINDING: leak-captured-stream
    });
    closeOnDrain();
    read();
  }

private:
  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&Session::onRead, shared_from_this()));
  }

  void onRead(beast::error_code error, std::size_t) {
    if (error)
      return;
    served_ = true;
    std::string target(request_.target());
    std::async(std::launch::async, countHit, target); // FINDING: leak-unawaited-future
    {
      std::lock_guard<std::mutex> lock(statsMutex);
      hitsByTarget[target] += 1; // FINDING: leak-unbounded-shared-container
    }
    response_ = {http::status::ok, request_.version()};
    if (target.rfind("/fresh/", 0) == 0) {
      Aws::DynamoDB::DynamoDBClient client(dynamoConfig()); // FINDING: leak-per-request-client
      response_.body() = lookup(client, target.substr(7));
    } else {
      response_.body() = lookup(sharedClient(), target.substr(1));
    }
    response_.prepare_payload();
    {
      std::lock_guard<std::mutex> lock(statsMutex);
      responsesByStatus[response_.result_int()] += 1; // KNOWN-FP: leak-unbounded-shared-container
    }
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::onWrite, shared_from_this()));
  }

  void onWrite(beast::error_code error, std::size_t) {
    if (!error)
      read();
  }

  // The server expires the drain timer when it shuts down: every open
  // connection is then closed.
  void closeOnDrain() {
    drain_.async_wait([this](beast::error_code) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored); // FINDING: leak-captured-stream
    });
  }

  beast::tcp_stream stream_;
  boost::asio::steady_timer idle_;
  boost::asio::steady_timer &drain_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  bool served_ = false;
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
    if (adminHistory.size() >= kAdminHistory)
      adminHistory.pop_front();
    adminHistory.emplace_back(request.target()); // NO-FINDING: leak-unbounded-shared-container
    response.prepare_payload();
    http::write(socket, response, error);
    if (error)
      break;
  }
}

} // namespace catalog
