// REQUIRES: cpprest
// RUN: %check_leak_tidy -check-suffix=DEFAULT %s leak-unawaited-future %t -- -- -std=c++17
// RUN: %check_leak_tidy -check-suffixes=DEFAULT,STRICT %s leak-unawaited-future %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unawaited-future.StrictMode, value: true}]}" -- -std=c++17

// A task dropped in a function that then blocks on another task (the shape
// of a test that answers from a mock server and waits for the client's
// response) runs to completion before the function goes on: reported only
// in StrictMode. A wait before the drop, or inside a lambda, does not count,
// and a discarded std::async future blocks at once: always reported.

#include <cpprest/http_client.h>

#include <future>

using web::http::http_response;
using web::http::methods;
using web::http::client::http_client;

pplx::task<int> nextRequest();
void answer(int Request);
int compute(int);

void answersThenWaits(http_client &Client) {
  nextRequest().then([](int Request) { answer(Request); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
  http_response Response = Client.request(methods::GET).get();
  (void)Response;
}

void waitsFirst(http_client &Client) {
  Client.request(methods::GET).wait();
  nextRequest().then([](int Request) { answer(Request); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
}

void waitsInLambda(http_client &Client) {
  nextRequest().then([](int Request) { answer(Request); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
  auto Later = [&Client] { Client.request(methods::GET).wait(); };
  (void)Later;
}

void asyncThenWaits(http_client &Client) {
  std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded
  Client.request(methods::GET).wait();
}

// A task kept in a local that is never awaited, then a wait on an event.
void setsEventThenWaits(pplx::extensibility::event_t &Done) {
  pplx::task<void> Signal([&Done] { Done.set(); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: 'pplx::task<void>' stored in 'Signal' is never awaited
  Done.wait();
}

// Functions of this file that only hand back a task reporting completion
// (a reply, an already completed task): dropping theirs loses nothing.
pplx::task<void> stopAll() { return pplx::task_from_result(); }
pplx::task<void> stopEither(bool Fast) {
  if (Fast)
    return stopAll();
  return pplx::task_from_result();
}
pplx::task<void> stopLater() {
  return pplx::create_task([] { answer(0); });
}

void shutdown() {
  stopEither(true);
  stopLater();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'stopLater' is discarded
}
