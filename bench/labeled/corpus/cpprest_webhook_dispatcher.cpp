// Webhook dispatcher of the notifications service (C++ REST SDK). Partners
// register callback URLs; events received on the listener are forwarded.

#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/json.h>
#include <pplx/pplxtasks.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using web::http::http_request;
using web::http::http_response;
using web::http::methods;
using web::http::status_codes;
using web::http::client::http_client;
using web::http::experimental::listener::http_listener;

namespace notify {

utility::string_t auditUrl();
std::vector<utility::string_t> partnerUrls();
void logFailure(const std::string &what);
void rotateLogs();

class Dispatcher {
public:
  explicit Dispatcher(http_listener &listener)
      : audit_(auditUrl()) { // NO-FINDING: leak-per-request-client
    // Every handler drops the task http_request::reply() returns, as the
    // SDK's samples do: the reply is sent whether or not the task is kept.
    listener.support(methods::POST, [this](http_request request) {
      http_client audit(auditUrl()); // FINDING: leak-per-request-client
      audit.request(methods::POST, U("/events")); // FINDING: leak-unawaited-future
      request.reply(status_codes::Accepted); // NO-FINDING: leak-unawaited-future
    });

    listener.support(methods::PUT, [this](http_request request) {
      auto sent = audit_.request(methods::PUT, U("/events")); // FINDING: leak-unawaited-future
      request.reply(status_codes::Accepted); // NO-FINDING: leak-unawaited-future
    });

    // The continuation observes the request's outcome, and the task that
    // then() returns is dropped.
    listener.support(methods::PATCH, [this](http_request request) {
      audit_.request(methods::PATCH, U("/events")) // NO-FINDING: leak-unawaited-future
          .then([](pplx::task<http_response> done) {
            try {
              done.get();
            } catch (const std::exception &e) {
              logFailure(e.what());
            }
          });
      request.reply(status_codes::Accepted); // NO-FINDING: leak-unawaited-future
    });

    listener.support(methods::DEL, [this](http_request request) {
      auto reply = audit_.request(methods::DEL, U("/events")).get(); // NO-FINDING: leak-unawaited-future
      request.reply(reply.status_code()); // NO-FINDING: leak-unawaited-future
    });
  }

  // Fan-out to every partner; the tasks are joined with when_all.
  void broadcast(const web::json::value &event) {
    std::vector<pplx::task<http_response>> sends;
    for (const auto &url : partnerUrls()) {
      http_client partner(url); // NO-FINDING: leak-per-request-client
      sends.push_back(partner.request(methods::POST, U("/hook"), event)); // NO-FINDING: leak-unawaited-future
    }
    pplx::when_all(sends.begin(), sends.end()).wait();
  }

  // Fire-and-forget: the task is dropped, its errors are lost.
  void ping(const utility::string_t &url) {
    pplx::create_task([url] { // MISSED: leak-detached-task
      http_client partner(url);
      partner.request(methods::HEAD).wait();
    });
  }

  // A log rotator dropped while it loops forever.
  void startRotator() {
    pplx::create_task([] { // FINDING: leak-detached-task
      for (;;) {
        rotateLogs();
        std::this_thread::sleep_for(std::chrono::hours(1));
      }
    });
  }

  // The same rotator, cancellable and kept.
  void startCancellableRotator() {
    rotator_ = pplx::create_task( // NO-FINDING: leak-detached-task
        [token = cancel_.get_token()] {
          while (!token.is_canceled()) {
            rotateLogs();
            std::this_thread::sleep_for(std::chrono::hours(1));
          }
        },
        cancel_.get_token());
  }

  void stop() {
    cancel_.cancel();
    rotator_.wait();
  }

  // Retries are parked in a member nobody drains.
  void retryLater(const std::vector<web::json::value> &events) {
    for (const auto &event : events)
      retries_.push_back(audit_.request(methods::POST, U("/events"), event)); // FINDING: leak-unawaited-future
  }

  // Deliveries are parked, and drained by flush().
  void deliverLater(const std::vector<web::json::value> &events) {
    for (const auto &event : events)
      deliveries_.push_back(audit_.request(methods::POST, U("/deliveries"), event)); // NO-FINDING: leak-unawaited-future
  }

  void flush() {
    for (auto &delivery : deliveries_)
      delivery.wait();
    deliveries_.clear();
  }

private:
  http_client audit_;
  pplx::cancellation_token_source cancel_;
  pplx::task<void> rotator_;
  std::vector<pplx::task<http_response>> retries_;
  std::vector<pplx::task<http_response>> deliveries_;
};

} // namespace notify
