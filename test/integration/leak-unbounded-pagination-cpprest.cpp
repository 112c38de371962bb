// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}"

// An OData-style REST API ('value' array, 'nextLink') followed with the C++
// REST SDK.

#include <cpprest/http_client.h>
#include <cpprest/json.h>

#include <vector>

using web::http::client::http_client;

// ---- Positive -----------------------------------------------------------

std::vector<web::json::value> allItems(http_client &Client) {
  std::vector<web::json::value> Items;
  utility::string_t Next = U("/items");
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'Next' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
    web::http::http_response Response = Client.request(web::http::methods::GET, Next).get();
    const web::json::value Body = Response.extract_json().get();
    for (const web::json::value &Item : Body.at(U("value")).as_array())
      Items.push_back(Item);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Items' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    Next = Body.has_field(U("nextLink")) ? Body.at(U("nextLink")).as_string() : utility::string_t();
  } while (!Next.empty());
  return Items;
}
// CHECK-FIXES: {{^}}  utility::string_t Next = U("/items");{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES: {{^}}    if (Items.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    web::http::http_response Response = Client.request(web::http::methods::GET, Next).get();{{$}}

// ---- Look-alike negatives -----------------------------------------------

// Capped by the number of items kept.
std::vector<web::json::value> firstItems(http_client &Client) {
  std::vector<web::json::value> Items;
  utility::string_t Next = U("/items");
  while (!Next.empty() && Items.size() < 1000) {
    web::http::http_response Response = Client.request(web::http::methods::GET, Next).get();
    const web::json::value Body = Response.extract_json().get();
    for (const web::json::value &Item : Body.at(U("value")).as_array())
      Items.push_back(Item);
    Next = Body.has_field(U("nextLink")) ? Body.at(U("nextLink")).as_string() : utility::string_t();
  }
  return Items;
}

// One request per known id.
std::vector<web::json::value> each(http_client &Client, const std::vector<utility::string_t> &Ids) {
  std::vector<web::json::value> Items;
  for (std::size_t I = 0; I < Ids.size(); ++I)
    Items.push_back(Client.request(web::http::methods::GET, U("/items/") + Ids[I]).get().extract_json().get());
  return Items;
}
