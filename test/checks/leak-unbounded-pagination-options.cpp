// RUN: %check_leak_tidy -check-suffixes=CUSTOM %s leak-unbounded-pagination %t-custom -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.TokenGetters, value: 'NextOffset'}, \
// RUN:     {key: leak-unbounded-pagination.TokenSetters, value: 'SetResumeKey'}, \
// RUN:     {key: leak-unbounded-pagination.PageSizeSetters, value: 'SetBatchSize'}, \
// RUN:     {key: leak-unbounded-pagination.RequestFunctions, value: '::db::query'}, \
// RUN:     {key: leak-unbounded-pagination.CursorTypes, value: '::db::Cursor'}, \
// RUN:     {key: leak-unbounded-pagination.MaxItems, value: '500'}, \
// RUN:     {key: leak-unbounded-pagination.PageSize, value: '25'}, \
// RUN:     {key: leak-unbounded-pagination.CheckRepeatedToken, value: 'false'}]}" --
// RUN: %check_leak_tidy -check-suffixes=DEFAULT %s leak-unbounded-pagination %t-default

// The same code with the options of a project (CUSTOM) and with the defaults
// (DEFAULT): each option makes a shape count, or changes an edit.

#include <cstddef>
#include <string>
#include <vector>

namespace api {
struct Row {
  long Id = 0;
};
struct Page {
  std::vector<Row> Rows;
  long NextOffset() const;
  std::string ResumeKey() const;
  bool More() const;
};
struct Request {
  void SetOffset(long Offset);
  void SetResumeKey(const std::string &Key);
  void SetBatchSize(int Size);
};
class Client {
public:
  Page fetch(const Request &Req);
  Page fetchAt(long Offset);
};
} // namespace api

namespace db {
using Rows = std::vector<api::Row>;
Rows query(const std::string &Sql, long Offset);
class Cursor {
public:
  bool next(Rows &Out);
};
} // namespace db

// A numeric token read with a getter that only the option names.
std::vector<api::Row> numericToken(api::Client &Client) {
  std::vector<api::Row> All;
  long Offset = 0;
  while (true) {
    api::Page Page = Client.fetchAt(Offset);
    if (Page.Rows.empty())
      break;
    All.insert(All.end(), Page.Rows.begin(), Page.Rows.end());
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:5: warning: 'All' accumulates every page of this pagination loop with no cap
    Offset = Page.NextOffset();
  }
  return All;
}
// CHECK-FIXES-CUSTOM: {{^}}  constexpr std::size_t kMaxItems = 500;{{$}}
// CHECK-FIXES-CUSTOM-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES-CUSTOM: {{^}}    if (All.size() >= kMaxItems) break;{{$}}

// A request class whose page size setter only the option names; the loop
// ends only on the server's word, which CheckRepeatedToken=false accepts.
std::vector<api::Row> batchSize(api::Client &Client) {
  std::vector<api::Row> All;
  api::Request Req;
  bool More = true;
  while (More) {
  // Only the server can end this loop; by default (CheckRepeatedToken: false)
  // that is not reported.
    api::Page Page = Client.fetch(Req);
    for (const api::Row &Row : Page.Rows)
      All.push_back(Row);
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:7: warning: 'All' accumulates every page of this pagination loop with no cap
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: 'All' accumulates every page of this pagination loop with no cap
    More = Page.More();
    Req.SetResumeKey(Page.ResumeKey());
  }
  return All;
}
// CHECK-FIXES-CUSTOM: {{^}}  bool More = true;{{$}}
// CHECK-FIXES-CUSTOM-NEXT: {{^}}  constexpr std::size_t kMaxItems = 500;{{$}}
// CHECK-FIXES-CUSTOM-NEXT: {{^}}  Req.SetBatchSize(25);{{$}}
// CHECK-FIXES-CUSTOM-NEXT: {{^}}  while (More) {{{$}}
// CHECK-FIXES-DEFAULT: {{^}}  bool More = true;{{$}}
// CHECK-FIXES-DEFAULT-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-DEFAULT-NEXT: {{^}}  while (More) {{{$}}

// An SQL helper of the project, paged by offset.
std::vector<api::Row> sqlHelper() {
  std::vector<api::Row> All;
  for (long Offset = 0;; Offset += 100) {
    db::Rows Rows = db::query("SELECT id FROM items ORDER BY id LIMIT 100 OFFSET $1", Offset);
    if (Rows.empty())
      break;
    All.insert(All.end(), Rows.begin(), Rows.end());
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:5: warning: 'All' accumulates every page of this pagination loop with no cap
  }
  return All;
}

// A cursor class of the project.
std::vector<api::Row> cursor(db::Cursor &Cursor) {
  std::vector<api::Row> All;
  db::Rows Block;
  while (Cursor.next(Block)) {
    All.insert(All.end(), Block.begin(), Block.end());
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:5: warning: 'All' accumulates every page of this pagination loop with no cap
  }
  return All;
}
