// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-unawaited-future %t -- -- -std=c++17

// A dropped pplx chain whose last continuation is task-based (takes the
// task itself) and observes it, calling get() or wait() inside a try block
// directly or through a helper of this file, sees every outcome: not
// reported. A chain ending in a value-based continuation, or in a
// task-based one that does not observe its task, is.

#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>

#include <functional>

using web::http::http_request;
using web::http::http_response;
using web::http::methods;
using web::http::status_codes;
using web::http::client::http_client;

void recordFailure();
void recordStatus(unsigned short);
void auditOutcome(pplx::task<void> &Done); // Defined in another file.

// Helpers of this file and what they do with the task they are given.
void swallowFailure(pplx::task<void> &Done) {
  try {
    Done.wait();
  } catch (...) {
    recordFailure();
  }
}

void forwardOutcome(pplx::task<void> Done) { swallowFailure(Done); }

void peekOutcome(pplx::task<void> &Done) {
  if (Done.is_done())
    recordStatus(0);
}

void rethrowOutcome(pplx::task<void> &Done) { Done.get(); }

// ---- Observed: not reported ---------------------------------------------

void observedChains(http_client &Client, http_request Request) {
  Client.request(methods::GET)
      .then([](http_response Response) { recordStatus(Response.status_code()); })
      .then([](pplx::task<void> Done) {
        try {
          Done.get();
        } catch (const std::exception &) {
          recordFailure();
        }
      });

  Client.request(methods::HEAD).then([](pplx::task<http_response> Sent) {
    try {
      Sent.wait();
    } catch (...) {
      recordFailure();
    }
  });

  Request.reply(status_codes::OK).then([](pplx::task<void> Done) { swallowFailure(Done); });
  Request.reply(status_codes::OK).then([](pplx::task<void> Done) { forwardOutcome(Done); });
  Request.reply(status_codes::OK).then([](pplx::task<void> Done) { auditOutcome(Done); });

  auto Observe = [](pplx::task<void> Done) { swallowFailure(Done); };
  Request.reply(status_codes::Accepted).then(Observe);

  // Stored and never awaited, but the continuation sees every outcome.
  auto Logged = Request.reply(status_codes::OK).then(Observe);
}

// A continuation handed in as a std::function taking the task: task-based,
// and its body belongs to the code that supplied it.
void chainTo(pplx::task<void> Previous,
             const std::function<void(pplx::task<void>)> &Next) {
  Previous.then(Next);
}

// ---- Not observed: reported ---------------------------------------------

// A std::function taking the value is value-based: skipped on failure.
void chainValueTo(pplx::task<int> Previous, const std::function<void(int)> &Next) {
  Previous.then(Next);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
}

void unobservedChains(http_client &Client, http_request Request) {
  // The last continuation is value-based: it does not run on failure.
  Client.request(methods::GET)
      .then([](pplx::task<http_response> Sent) {
        try {
          Sent.get();
        } catch (...) {
        }
      })
      .then([] { recordStatus(1); });
  // CHECK-MESSAGES: :[[@LINE-8]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]

  // Task-based, but the task is never looked at.
  Client.request(methods::GET).then([](pplx::task<http_response>) { recordStatus(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded

  // get() outside a try block: the exception goes into the dropped task.
  Client.request(methods::GET).then([](pplx::task<http_response> Sent) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
    recordStatus(Sent.get().status_code());
  });

  // A helper of this file that only peeks, or that rethrows.
  Request.reply(status_codes::OK).then([](pplx::task<void> Done) { peekOutcome(Done); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
  Request.reply(status_codes::OK).then([](pplx::task<void> Done) { rethrowOutcome(Done); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded

  // The get() in a try runs in a lambda that nobody calls.
  Request.reply(status_codes::OK).then([](pplx::task<void> Done) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'pplx::task::then' is discarded
    auto Later = [Done] {
      try {
        Done.get();
      } catch (...) {
      }
    };
  });

  // Stored and never awaited; the continuation ignores the task.
  auto Unlogged = Request.reply(status_codes::OK).then([](pplx::task<void>) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'pplx::task<void>' stored in 'Unlogged' is never awaited
}
