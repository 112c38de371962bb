// REQUIRES: httplib
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}"

// A REST API followed link by link with cpp-httplib.

#include <httplib.h>

#include <string>
#include <vector>

// The application's JSON decoding of one page.
struct CustomerPage {
  std::vector<std::string> Names;
  std::string NextLink;
};
CustomerPage parseCustomers(const std::string &Body);

// ---- Positives ----------------------------------------------------------

std::vector<std::string> allCustomers(httplib::Client &Api) {
  std::vector<std::string> Names;
  std::string Path = "/v1/customers?limit=100";
  while (!Path.empty()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'NextLink' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
    httplib::Result Res = Api.Get(Path);
    if (!Res || Res->status != 200)
      break;
    const CustomerPage Page = parseCustomers(Res->body);
    Names.insert(Names.end(), Page.Names.begin(), Page.Names.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Names' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    Path = Page.NextLink;
  }
  return Names;
}
// CHECK-FIXES: {{^}}  std::string Path = "/v1/customers?limit=100";{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (!Path.empty()) {{{$}}
// CHECK-FIXES: {{^}}    if (Names.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    httplib::Result Res = Api.Get(Path);{{$}}

// Page numbers in the query string; the body of each page is kept whole.
std::vector<std::string> allPages(httplib::Client &Api) {
  std::vector<std::string> Bodies;
  for (int Page = 1;; ++Page) {
    auto Res = Api.Get("/v1/orders?page=" + std::to_string(Page));
    if (!Res || Res->body == "[]")
      break;
    Bodies.push_back(Res->body);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Bodies' accumulates every page of this pagination loop with no cap
  }
  return Bodies;
}

// ---- Look-alike negatives -----------------------------------------------

// Capped by a page counter and the next link compared with the current one.
std::vector<std::string> someCustomers(httplib::Client &Api) {
  std::vector<std::string> Names;
  std::string Path = "/v1/customers?limit=100";
  for (int Pages = 0; Pages < 10 && !Path.empty(); ++Pages) {
    auto Res = Api.Get(Path);
    if (!Res)
      break;
    const CustomerPage Page = parseCustomers(Res->body);
    Names.insert(Names.end(), Page.Names.begin(), Page.Names.end());
    if (Page.NextLink == Path)
      break;
    Path = Page.NextLink;
  }
  return Names;
}

// Each page is handed on and dropped.
void forwardAll(httplib::Client &Api, void (*Send)(const std::string &)) {
  std::string Path = "/v1/customers";
  while (!Path.empty()) {
    auto Res = Api.Get(Path);
    if (!Res)
      return;
    Send(Res->body);
    const std::string Next = parseCustomers(Res->body).NextLink;
    if (Next == Path)
      return;
    Path = Next;
  }
}
