// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// C++ REST SDK: responses, body streams and buffers captured into task
// continuations that nobody waits for, next to the same chains waited for.

#include <cpprest/containerstream.h>
#include <cpprest/http_client.h>

#include <string>

using web::http::http_response;
using web::http::methods;
using web::http::client::http_client;

void log(const std::string &Text);

// ---- Positives --------------------------------------------------------------

void fetchIntoBuffer(http_client &Client) {
  concurrency::streams::container_buffer<std::string> Buffer;
  Client.request(methods::GET).then([&Buffer](http_response Response) {
    return Response.body().read_to_end(Buffer);
  });
  // CHECK-MESSAGES: :[[@LINE-3]]:39: warning: stream 'Buffer' ('concurrency::streams::container_buffer<std::string>') is captured by reference in a lambda that is handed to 'task::then' and never waited for: the reference dangles once 'fetchIntoBuffer' returns; finish with the stream inside 'fetchIntoBuffer' or keep the lambda from outliving it [leak-captured-stream]
}

class Mirror {
public:
  void start(http_response Response) {
    concurrency::streams::istream Body = Response.body();
    Pending = pplx::create_task([&Body] { return Body.streambuf().in_avail(); })
                  .then([](size_t Size) { log(std::to_string(Size)); });
    // CHECK-MESSAGES: :[[@LINE-2]]:35: warning: stream 'Body' ('concurrency::streams::istream') is captured by reference in a lambda that runs as a task of 'pplx::create_task' that is stored in member 'Pending'
  }

private:
  pplx::task<void> Pending;
};

void logLater(http_response Response) {
  pplx::create_task([&Response] { log(Response.reason_phrase()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: stream 'Response' ('http_response') is captured by reference in a lambda that is handed to 'pplx::create_task' and never waited for
}

// ---- Look-alike negatives ---------------------------------------------------

std::string fetchAndWait(http_client &Client) {
  concurrency::streams::container_buffer<std::string> Buffer;
  Client.request(methods::GET)
      .then([&Buffer](http_response Response) { return Response.body().read_to_end(Buffer); })
      .wait();
  return Buffer.collection();
}

void joinLater(http_response Response) {
  auto Logged = pplx::create_task([&Response] { log(Response.reason_phrase()); });
  log("started");
  Logged.get();
}

void byValue(http_client &Client) {
  // The continuation owns its copy of the response.
  Client.request(methods::GET).then([](http_response Response) { log(Response.reason_phrase()); });
}
