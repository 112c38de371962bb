// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-unawaited-future %t

#include <cpprest/http_client.h>

using web::http::client::http_client;
using web::http::http_response;
using web::http::methods;

// An HTTP request whose task is dropped: the response, and any error, are
// never looked at.
void notifyWebhook(http_client &Client) {
  Client.request(methods::POST, U("/hooks/order"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<web::http::http_response>' returned by 'web::http::client::http_client::request' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]
}

void chainedButDropped(http_client &Client) {
  Client.request(methods::GET).then([](http_response Response) { return Response.status_code(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<unsigned short>' returned by 'pplx::task::then' is discarded
}

pplx::task<http_response> returned(http_client &Client) {
  return Client.request(methods::GET);
}

// A handler replies and drops the reply's task, as cpprestsdk's own samples
// do: the response is sent either way.
void replied(web::http::http_request Request) {
  Request.reply(web::http::status_codes::OK);
}

unsigned short waited(http_client &Client) {
  auto Pending = Client.request(methods::GET);
  return Pending.get().status_code();
}

void storedNeverAwaited(http_client &Client) {
  pplx::task<http_response> Pending = Client.request(methods::GET);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'pplx::task<web::http::http_response>' stored in 'Pending' is never awaited
  if (Pending.is_done())
    return;
}

// A task started with create_task and dropped: reported here as a discarded
// task, unless leak-detached-task runs too (it owns dropped spawns).
void startRefresh() {
  pplx::create_task([] { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<int>' returned by 'pplx::create_task' is discarded
}

// Operations on a stream buffer run in order on that buffer, and an
// in-memory one completes them at once: dropping their tasks loses nothing
// (IgnoredResultFunctions). A continuation chained to one is work of its
// own and is reported when dropped.
#include <cpprest/containerstream.h>
#include <cpprest/producerconsumerstream.h>

void fillBuffers() {
  concurrency::streams::producer_consumer_buffer<char> Pipe;
  Pipe.putc('a');
  Pipe.putn_nocopy("bc", 2);
  Pipe.close(std::ios_base::out);
  concurrency::streams::container_buffer<std::string> Text;
  auto Out = Text.create_ostream();
  Out.write('x');
  Out.close();
  Pipe.putc('d').then([](int Written) { return Written + 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<int>' returned by 'pplx::task::then' is discarded
}
