// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- -- -I %S/../Inputs/aws-sdk

// Pages handed to a function of the same file that appends them to a
// container it is given: the container outlives the loop all the same.

#include <aws/dynamodb/DynamoDBClient.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <string>
#include <vector>

using Aws::DynamoDB::DynamoDBClient;
using Aws::DynamoDB::Model::AttributeValue;
using Aws::DynamoDB::Model::ScanRequest;
using Aws::DynamoDB::Model::ScanResult;
using Item = Aws::Map<Aws::String, AttributeValue>;

static void appendPage(std::vector<Item> &Rows, const ScanResult &Page) {
  for (const Item &Row : Page.GetItems())
    Rows.push_back(Row);
}

// Two functions deep, through an inserting iterator.
static void copyItems(const ScanResult &Page, std::vector<Item> *Out) {
  std::copy(Page.GetItems().begin(), Page.GetItems().end(), std::back_inserter(*Out));
}
static void keepPage(const ScanResult &Page, std::vector<Item> *Out) { copyItems(Page, Out); }

class Index {
public:
  void add(std::map<std::string, Item> &ById, const ScanResult &Page) const {
    for (const Item &Row : Page.GetItems())
      ById[Row.at("id").GetS()] = Row;
  }
};

std::vector<Item> dumpAll(const DynamoDBClient &Client) {
  std::vector<Item> Rows;
  ScanRequest Req;
  Req.SetTableName("orders");
  Req.SetLimit(100);
  while (true) {
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    appendPage(Rows, Outcome.GetResult());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Rows' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    const Item &Next = Outcome.GetResult().GetLastEvaluatedKey();
    if (Next.empty())
      break;
    Req.SetExclusiveStartKey(Next);
  }
  return Rows;
}
// CHECK-FIXES: {{^}}  Req.SetLimit(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Rows.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(Req);{{$}}

std::vector<Item> dumpThroughPointer(const DynamoDBClient &Client) {
  std::vector<Item> Rows;
  ScanRequest Req;
  Req.SetTableName("orders");
  Req.SetLimit(100);
  while (true) {
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    keepPage(Outcome.GetResult(), &Rows);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Rows' accumulates every page of this pagination loop with no cap
    const Item &Next = Outcome.GetResult().GetLastEvaluatedKey();
    if (Next.empty())
      break;
    Req.SetExclusiveStartKey(Next);
  }
  return Rows;
}

std::map<std::string, Item> indexAll(const DynamoDBClient &Client, const Index &Helper) {
  std::map<std::string, Item> ById;
  ScanRequest Req;
  Req.SetTableName("orders");
  Req.SetLimit(100);
  while (true) {
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    Helper.add(ById, Outcome.GetResult());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ById' accumulates every page of this pagination loop with no cap
    const Item &Next = Outcome.GetResult().GetLastEvaluatedKey();
    if (Next.empty())
      break;
    Req.SetExclusiveStartKey(Next);
  }
  return ById;
}

// Look-alikes: a helper that only reads the page, one that keeps the page in
// a container of its own, one whose body is not in this file.
static std::size_t countItems(const std::vector<Item> &Seen, const ScanResult &Page) {
  return Seen.size() + Page.GetItems().size();
}
static std::size_t largest(std::vector<Item> Copy, const ScanResult &Page) {
  for (const Item &Row : Page.GetItems())
    Copy.push_back(Row);
  return Copy.size();
}
void exportPage(std::vector<Item> &Sink, const ScanResult &Page);

std::size_t countAll(const DynamoDBClient &Client, std::vector<Item> &Sink) {
  std::vector<Item> Seen;
  std::size_t Count = 0;
  ScanRequest Req;
  Req.SetTableName("orders");
  Req.SetLimit(100);
  while (true) {
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    Count += countItems(Seen, Outcome.GetResult());
    Count += largest(Seen, Outcome.GetResult());
    exportPage(Sink, Outcome.GetResult());
    const Item &Next = Outcome.GetResult().GetLastEvaluatedKey();
    if (Next.empty())
      break;
    Req.SetExclusiveStartKey(Next);
  }
  return Count;
}
