// REQUIRES: boost-beast
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/aws-sdk

// Boost.Beast servers: a request handler called from a session's read
// completion handler, and a synchronous session that reads one request per
// iteration.

#include <aws/dynamodb/DynamoDBClient.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <string>

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

static const Aws::Client::ClientConfiguration kConfig;

// Builds the response for one request.
template <class Body>
http::response<http::string_body> handleRequest(http::request<Body> &&Request) {
  Aws::DynamoDB::DynamoDBClient Orders(kConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Aws::DynamoDB::DynamoDBClient' is created for every request
  // CHECK-FIXES: {{^}}  static Aws::DynamoDB::DynamoDBClient Orders(kConfig);{{$}}
  http::response<http::string_body> Response{http::status::ok, Request.version()};
  Response.body() = "[]";
  Response.prepare_payload();
  return Response;
}

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket &&Socket) : Stream_(std::move(Socket)) {}

  void run() { doRead(); }

private:
  void doRead() {
    Request_ = {};
    http::async_read(Stream_, Buffer_, Request_,
                     beast::bind_front_handler(&Session::onRead, shared_from_this()));
  }

  void onRead(beast::error_code Error, std::size_t) {
    if (Error)
      return;
    Response_ = handleRequest(std::move(Request_));
    http::async_write(Stream_, Response_,
                      beast::bind_front_handler(&Session::onWrite, shared_from_this()));
  }

  void onWrite(beast::error_code Error, std::size_t) {
    if (!Error)
      doRead();
  }

  beast::tcp_stream Stream_;
  beast::flat_buffer Buffer_;
  http::request<http::string_body> Request_;
  http::response<http::string_body> Response_;
};

// The synchronous server: one iteration per request read.
void doSession(tcp::socket &Socket) {
  beast::flat_buffer Buffer;
  beast::error_code Error;
  for (;;) {
    http::request<http::string_body> Request;
    http::read(Socket, Buffer, Request, Error);
    if (Error)
      break;
    Aws::DynamoDB::DynamoDBClient Audit(kConfig);
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Aws::DynamoDB::DynamoDBClient' is created for every message a loop reads
    // CHECK-FIXES: {{^}}    static Aws::DynamoDB::DynamoDBClient Audit(kConfig);{{$}}
    http::write(Socket, http::response<http::string_body>{http::status::ok, Request.version()},
                Error);
  }
}

// ---- Look-alike negatives -------------------------------------------------

class Listener {
public:
  Listener(boost::asio::io_context &Io, tcp::endpoint Endpoint)
      : Acceptor_(Io, Endpoint), Orders_(kConfig) {}

private:
  tcp::acceptor Acceptor_;
  Aws::DynamoDB::DynamoDBClient Orders_; // One client for the whole server.
};

// Polls on a timer: the loop does not read requests.
void refreshEvery(boost::asio::io_context &Io) {
  for (;;) {
    Aws::DynamoDB::DynamoDBClient Refresher(kConfig);
    Io.run_one();
  }
}
