// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-unawaited-future %t
// RUN: %check_leak_tidy -check-suffixes=STRICT %s leak-unawaited-future %t-strict -- \
// RUN:   -config="{CheckOptions: [{key: leak-unawaited-future.IgnoredResultFunctions, value: '::web::http::client::http_client::request'}]}"

// http_request::reply() sends the response whether or not its task is kept,
// so its dropped task is not reported by default. With another
// IgnoredResultFunctions list it is reported like any task, and the listed
// function is not.

#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>

using web::http::http_request;
using web::http::status_codes;
using web::http::client::http_client;

void replied(http_request Request) {
  Request.reply(status_codes::OK);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'web::http::http_request::reply' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]
}

void forwarded(http_client &Audit, http_request Request) {
  Audit.request(web::http::methods::POST, U("/audit"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pplx::task<web::http::http_response>' returned by 'web::http::client::http_client::request' is discarded
  Request.reply(status_codes::Accepted);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: 'pplx::task<void>' returned by 'web::http::http_request::reply' is discarded
}
