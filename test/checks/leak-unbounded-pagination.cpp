// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}" \
// RUN:   -- -I %S/../Inputs/aws-sdk

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>
#include <aws/sqs/SQSClient.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

using Aws::DynamoDB::DynamoDBClient;
using Aws::DynamoDB::Model::AttributeValue;
using Aws::DynamoDB::Model::QueryRequest;
using Aws::DynamoDB::Model::ScanRequest;
using Item = Aws::Map<Aws::String, AttributeValue>;

// ---- Positives ----------------------------------------------------------

// The seed articles' loop: a Scan followed page after page with
// ExclusiveStartKey, every item kept.
Aws::Vector<Item> scanDoWhile(const DynamoDBClient &Client) {
  Aws::Vector<Item> Items;
  ScanRequest Req;
  Req.SetTableName("orders");
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetLastEvaluatedKey()' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    const auto &Result = Outcome.GetResult();
    Items.insert(Items.end(), Result.GetItems().begin(), Result.GetItems().end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Items' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    Req.SetExclusiveStartKey(Result.GetLastEvaluatedKey());
  } while (!Req.GetExclusiveStartKey().empty());
  return Items;
}
// CHECK-FIXES: {{^}}  Req.SetTableName("orders");{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Req.SetLimit(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES: {{^}}    if (Items.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(Req);{{$}}

// while (true) + break, the token in a local, a Query with its page size set.
std::vector<Item> queryWhileTrue(const DynamoDBClient &Client, const Aws::String &Customer) {
  std::vector<Item> Orders;
  QueryRequest Req;
  Req.SetTableName("orders");
  Req.SetKeyConditionExpression("customer = :c");
  Req.SetLimit(200);
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetLastEvaluatedKey()' keeps it running forever
    auto Outcome = Client.Query(Req);
    if (!Outcome.IsSuccess())
      break;
    for (const auto &Order : Outcome.GetResult().GetItems())
      Orders.push_back(Order);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Orders' accumulates every page of this pagination loop with no cap
    const Item &Key = Outcome.GetResult().GetLastEvaluatedKey();
    if (Key.empty())
      break;
    Req.SetExclusiveStartKey(Key);
  }
  return Orders;
}
// CHECK-FIXES: {{^}}  Req.SetLimit(200);{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES: {{^}}    if (Orders.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Query(Req);{{$}}

// for (;;), the token kept in a member, items appended to an out parameter.
class OrderArchive {
public:
  void loadAll(std::vector<Item> &Out);

private:
  DynamoDBClient Client;
  Item LastKey;
};

void OrderArchive::loadAll(std::vector<Item> &Out) {
  QueryRequest Req;
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetLastEvaluatedKey()'
    if (!LastKey.empty())
      Req.SetExclusiveStartKey(LastKey);
    auto Outcome = Client.Query(Req);
    if (!Outcome.IsSuccess())
      return;
    for (const auto &Row : Outcome.GetResult().GetItems())
      Out.push_back(Row);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Out' accumulates every page of this pagination loop with no cap
    LastKey = Outcome.GetResult().GetLastEvaluatedKey();
    if (LastKey.empty())
      break;
  }
}
// CHECK-FIXES: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Req.SetLimit(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  for (;;) {{{$}}
// CHECK-FIXES: {{^}}    if (Out.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (!LastKey.empty()){{$}}

// Items kept through a helper lambda called in the loop; SQS's NextToken.
std::vector<std::string> queueUrls(const Aws::SQS::SQSClient &Sqs) {
  std::vector<std::string> Urls;
  auto Keep = [&Urls](const Aws::String &Url) { Urls.push_back(Url); };
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'Urls' accumulates every page of this pagination loop with no cap
  Aws::SQS::Model::ListQueuesRequest Req;
  Req.SetMaxResults(1000);
  Aws::String Token;
  do {
    Req.SetNextToken(Token);
    auto Outcome = Sqs.ListQueues(Req);
    if (!Outcome.IsSuccess())
      break;
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      Keep(Url);
    const Aws::String Next = Outcome.GetResult().GetNextToken();
    if (Next == Token)
      break; // A repeated token ends the loop.
    Token = Next;
  } while (!Token.empty());
  return Urls;
}
// CHECK-FIXES: {{^}}  Aws::String Token;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Urls.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    Req.SetNextToken(Token);{{$}}

// S3 ListObjectsV2: IsTruncated decides, the continuation token feeds the
// next request; the cap reuses the constant the function already has.
std::vector<std::string> objectKeys(const Aws::S3::S3Client &S3, const Aws::String &Bucket) {
  constexpr std::size_t kMaxItems = 5000;
  Aws::S3::Model::ListObjectsV2Request Req;
  Req.SetBucket(Bucket);
  std::vector<std::string> Keys;
  bool More = true;
  while (More) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetNextContinuationToken()'
    auto Outcome = S3.ListObjectsV2(Req);
    if (!Outcome.IsSuccess())
      return Keys;
    for (const auto &Object : Outcome.GetResult().GetContents())
      Keys.emplace_back(Object.GetKey());
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Keys' accumulates every page of this pagination loop with no cap
    More = Outcome.GetResult().GetIsTruncated();
    Req.SetContinuationToken(Outcome.GetResult().GetNextContinuationToken());
  }
  return Keys;
}
// CHECK-FIXES: {{^}}  bool More = true;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Req.SetMaxKeys(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (More) {{{$}}
// CHECK-FIXES: {{^}}    if (Keys.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = S3.ListObjectsV2(Req);{{$}}

// std::copy into a back_inserter, a map filled with operator[], a string
// grown with +=: all of them keep every page.
void otherAccumulations(const DynamoDBClient &Client, std::vector<Item> &Copied,
                        std::map<std::string, Item> &ById, std::string &Log) {
  ScanRequest Req;
  Req.SetLimit(100);
  Item Last;
  do {
    auto Outcome = Client.Scan(Req);
    const auto &Page = Outcome.GetResult().GetItems();
    std::copy(Page.begin(), Page.end(), std::back_inserter(Copied));
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'Copied' accumulates every page of this pagination loop with no cap
    for (const Item &Row : Page) {
      ById[Row.at("id").GetS()] = Row;
      Log += Row.at("id").GetS();
    }
    if (Outcome.GetResult().GetLastEvaluatedKey() == Last)
      break;
    Last = Outcome.GetResult().GetLastEvaluatedKey();
    Req.SetExclusiveStartKey(Last);
  } while (!Last.empty());
}
// CHECK-FIXES: {{^}}  Item Last;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Copied.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (ById.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Log.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(Req);{{$}}

// No library name at all: the request object is set from the response and
// passed to the next call, and the response decides when to stop.
namespace inventory {
struct Sku { std::string Code; };
struct Cursor { std::string Position; };
struct ListRequest {
  void setCursor(const Cursor &C) { At = C; }
  void setBatch(int N) { Batch = N; }
  Cursor At;
  int Batch = 0;
};
struct ListResponse {
  std::vector<Sku> Skus;
  bool HasMore = false;
  const Cursor &cursor() const { return Next; }
  Cursor Next;
};
class Warehouse {
public:
  ListResponse list(const ListRequest &Req);
};
} // namespace inventory

std::vector<inventory::Sku> allSkus(inventory::Warehouse &Store) {
  std::vector<inventory::Sku> Skus;
  inventory::ListRequest Req;
  for (bool More = true; More;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'cursor()'
    inventory::ListResponse Page = Store.list(Req);
    Skus.insert(Skus.end(), Page.Skus.begin(), Page.Skus.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Skus' accumulates every page of this pagination loop with no cap
    More = Page.HasMore;
    Req.setCursor(Page.cursor());
  }
  return Skus;
}
// CHECK-FIXES: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  for (bool More = true; More;) {{{$}}
// CHECK-FIXES: {{^}}    if (Skus.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    inventory::ListResponse Page = Store.list(Req);{{$}}

// Two loops in one block: the second one declares its own constant in its
// body rather than a second one before it.
void twoScans(const DynamoDBClient &Client, std::vector<Item> &A, std::vector<Item> &B) {
  ScanRequest First;
  First.SetLimit(50);
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token
    auto Outcome = Client.Scan(First);
    for (const auto &Row : Outcome.GetResult().GetItems())
      A.push_back(Row);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'A' accumulates every page of this pagination loop with no cap
    First.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  } while (!First.GetExclusiveStartKey().empty());
  ScanRequest Second;
  Second.SetLimit(50);
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token
    auto Outcome = Client.Scan(Second);
    for (const auto &Row : Outcome.GetResult().GetItems())
      B.push_back(Row);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'B' accumulates every page of this pagination loop with no cap
    Second.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  } while (!Second.GetExclusiveStartKey().empty());
}
// CHECK-FIXES: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES: {{^}}    if (A.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(First);{{$}}
// CHECK-FIXES: {{^}}  Second.SetLimit(50);{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES: {{^}}    constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (B.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(Second);{{$}}

// An unbraced loop body leaves no place for a cap: warning, no fix-it.
void unbraced(const DynamoDBClient &Client, std::vector<std::string> &Names) {
  ScanRequest Req;
  Req.SetLimit(10);
  Item Previous;
  for (auto Outcome = Client.Scan(Req); Outcome.IsSuccess() && !Outcome.GetResult().GetLastEvaluatedKey().empty() && Outcome.GetResult().GetLastEvaluatedKey() != Previous; Outcome = Client.Scan(Req))
    for (const auto &Row : Outcome.GetResult().GetItems())
      Names.push_back(Row.at("name").GetS()), Previous = Outcome.GetResult().GetLastEvaluatedKey(), Req.SetExclusiveStartKey(Previous);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Names' accumulates every page of this pagination loop with no cap
}
// CHECK-FIXES: {{^}}      Names.push_back(Row.at("name").GetS()), Previous = Outcome.GetResult().GetLastEvaluatedKey(), Req.SetExclusiveStartKey(Previous);{{$}}

// A container captured under another name cannot be capped where it grows:
// the page size is still set.
std::vector<std::string> renamedCapture(const Aws::SQS::SQSClient &Sqs) {
  std::vector<std::string> Urls;
  auto Keep = [&Out = Urls](const Aws::String &Url) { Out.push_back(Url); };
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'Out' accumulates every page of this pagination loop with no cap
  Aws::SQS::Model::ListQueuesRequest Req;
  Aws::String Token;
  do {
    auto Outcome = Sqs.ListQueues(Req);
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      Keep(Url);
    if (Outcome.GetResult().GetNextToken() == Token)
      break;
    Token = Outcome.GetResult().GetNextToken();
    Req.SetNextToken(Token);
  } while (!Token.empty());
  return Urls;
}
// CHECK-FIXES: {{^}}  Aws::String Token;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Req.SetMaxResults(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Sqs.ListQueues(Req);{{$}}

// ---- Look-alike negatives -----------------------------------------------

// Each page is counted and dropped.
std::size_t countItems(const DynamoDBClient &Client) {
  std::size_t Count = 0;
  ScanRequest Req;
  Req.SetLimit(100);
  Item Previous;
  do {
    auto Outcome = Client.Scan(Req);
    if (!Outcome.IsSuccess())
      break;
    Count += Outcome.GetResult().GetItems().size();
    if (Outcome.GetResult().GetLastEvaluatedKey() == Previous)
      break;
    Previous = Outcome.GetResult().GetLastEvaluatedKey();
    Req.SetExclusiveStartKey(Previous);
  } while (!Previous.empty());
  return Count;
}

// Each page is written to a stream and dropped.
void exportItems(const DynamoDBClient &Client, std::ostream &Out) {
  ScanRequest Req;
  Req.SetLimit(100);
  Item Previous;
  do {
    auto Outcome = Client.Scan(Req);
    for (const auto &Row : Outcome.GetResult().GetItems())
      Out << Row.at("id").GetS() << '\n';
    if (Outcome.GetResult().GetLastEvaluatedKey() == Previous)
      break;
    Previous = Outcome.GetResult().GetLastEvaluatedKey();
    Req.SetExclusiveStartKey(Previous);
  } while (!Previous.empty());
}

// Capped by the container's size.
Aws::Vector<Item> cappedBySize(const DynamoDBClient &Client) {
  Aws::Vector<Item> Items;
  ScanRequest Req;
  do {
    auto Outcome = Client.Scan(Req);
    for (const auto &Row : Outcome.GetResult().GetItems()) {
      if (Items.size() >= 5000)
        return Items;
      Items.push_back(Row);
    }
    Req.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  } while (!Req.GetExclusiveStartKey().empty());
  return Items;
}

// Capped by a page counter in the loop condition.
Aws::Vector<Item> cappedByPages(const DynamoDBClient &Client, int MaxPages) {
  Aws::Vector<Item> Items;
  ScanRequest Req;
  for (int Page = 0; Page < MaxPages; ++Page) {
    auto Outcome = Client.Scan(Req);
    const auto &Result = Outcome.GetResult();
    Items.insert(Items.end(), Result.GetItems().begin(), Result.GetItems().end());
    if (Result.GetLastEvaluatedKey().empty())
      break;
    Req.SetExclusiveStartKey(Result.GetLastEvaluatedKey());
  }
  return Items;
}

// Capped by a per-item counter that breaks.
Aws::Vector<Item> cappedByCounter(const DynamoDBClient &Client) {
  Aws::Vector<Item> Items;
  QueryRequest Req;
  std::size_t Seen = 0;
  while (true) {
    auto Outcome = Client.Query(Req);
    for (const auto &Row : Outcome.GetResult().GetItems()) {
      Items.push_back(Row);
      ++Seen;
    }
    if (Seen > 20000 || Outcome.GetResult().GetLastEvaluatedKey().empty())
      break;
    Req.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  }
  return Items;
}

// The batch is cleared (or swapped away) every iteration.
void flushEachPage(const DynamoDBClient &Client, void (*Flush)(const std::vector<Item> &)) {
  std::vector<Item> Batch;
  std::vector<Item> Sent;
  ScanRequest Req;
  Req.SetLimit(100);
  Item Previous;
  do {
    auto Outcome = Client.Scan(Req);
    Batch.insert(Batch.end(), Outcome.GetResult().GetItems().begin(), Outcome.GetResult().GetItems().end());
    Flush(Batch);
    Batch.clear();
    Sent.insert(Sent.end(), Outcome.GetResult().GetItems().begin(), Outcome.GetResult().GetItems().end());
    std::vector<Item>().swap(Sent);
    if (Outcome.GetResult().GetLastEvaluatedKey() == Previous)
      break;
    Previous = Outcome.GetResult().GetLastEvaluatedKey();
    Req.SetExclusiveStartKey(Previous);
  } while (!Previous.empty());
}

// A single Query with a page size: no loop.
Aws::Vector<Item> firstPage(const DynamoDBClient &Client) {
  QueryRequest Req;
  Req.SetLimit(25);
  auto Outcome = Client.Query(Req);
  Aws::Vector<Item> Items;
  for (const auto &Row : Outcome.GetResult().GetItems())
    Items.push_back(Row);
  return Items;
}

// The container lives in the loop: each page is dropped with it.
void perPageContainer(const DynamoDBClient &Client, void (*Handle)(const std::vector<Item> &)) {
  ScanRequest Req;
  Req.SetLimit(100);
  Item Previous;
  do {
    auto Outcome = Client.Scan(Req);
    std::vector<Item> Page;
    for (const auto &Row : Outcome.GetResult().GetItems())
      Page.push_back(Row);
    Handle(Page);
    if (Outcome.GetResult().GetLastEvaluatedKey() == Previous)
      break;
    Previous = Outcome.GetResult().GetLastEvaluatedKey();
    Req.SetExclusiveStartKey(Previous);
  } while (!Previous.empty());
}

// Loops over in-memory data: a map walked key to key, a string split at
// commas, one request per known id.
std::vector<std::string> chain(const std::map<std::string, std::string> &Next, std::string Key) {
  std::vector<std::string> Chain;
  while (!Key.empty()) {
    auto It = Next.find(Key);
    if (It == Next.end())
      break;
    Chain.push_back(It->first);
    Key = It->second;
  }
  return Chain;
}

std::vector<std::string> split(const std::string &Text) {
  std::vector<std::string> Parts;
  std::size_t Pos = 0;
  while (Pos != std::string::npos) {
    const std::size_t Comma = Text.find(',', Pos);
    Parts.push_back(Text.substr(Pos, Comma - Pos));
    Pos = Comma == std::string::npos ? Comma : Comma + 1;
  }
  return Parts;
}

std::vector<Item> lookupEach(const DynamoDBClient &Client, const std::vector<std::string> &Ids) {
  std::vector<Item> Found;
  for (std::size_t I = 0; I < Ids.size(); ++I) {
    Aws::DynamoDB::Model::GetItemRequest Req;
    Req.AddKey("id", AttributeValue(Ids[I]));
    auto Outcome = Client.GetItem(Req);
    Found.push_back(Outcome.GetResult().GetItem());
  }
  return Found;
}

// A walk along single records (a parent link), not pages of items.
namespace tree {
struct Node {
  std::string Name;
  std::string Parent;
};
struct Store {
  Node lookup(const std::string &Key) const;
};
} // namespace tree

std::vector<std::string> pathToRoot(const tree::Store &Store, std::string Key) {
  std::vector<std::string> Path;
  while (!Key.empty()) {
    tree::Node Node = Store.lookup(Key);
    Path.push_back(Node.Name);
    Key = Node.Parent;
  }
  return Path;
}

// A walk up a tree through a list of parents: the next lookup takes the
// first element of the returned list, which is a node, not a page token.
namespace ast {
struct Node;
struct NodeRef {
  const Node *get() const;
};
struct ParentList {
  const NodeRef *begin() const;
  const NodeRef *end() const;
  std::size_t size() const;
  bool empty() const;
  const NodeRef &operator[](std::size_t Index) const;
  const NodeRef &front() const;
  using value_type = NodeRef;
};
struct Context {
  ParentList getParents(const Node &N) const;
};
} // namespace ast

const ast::Node *outermost(const ast::Context &Ctx, const ast::Node *Current) {
  ast::ParentList Parents = Ctx.getParents(*Current);
  while (!Parents.empty() && Parents[0].get()) {
    Current = Parents[0].get();
    Parents = Ctx.getParents(*Current);
  }
  return Current;
}

const ast::Node *outermostByFront(const ast::Context &Ctx,
                                  const ast::Node *Current) {
  ast::ParentList Parents = Ctx.getParents(*Current);
  while (!Parents.empty()) {
    Current = Parents.front().get();
    Parents = Ctx.getParents(*Current);
  }
  return Current;
}

// A breadth-first walk: the queue feeds the next call and is tested by the
// loop, but what it carries are elements of the returned lists.
namespace graph {
struct NodeList {
  const std::string *begin() const;
  const std::string *end() const;
  std::size_t size() const;
  using value_type = std::string;
};
struct Graph {
  NodeList children(const std::string &Node) const;
};
struct Queue {
  void push(const std::string &Node);
  std::string pop();
  bool empty() const;
};
} // namespace graph

std::vector<std::string> reachable(const graph::Graph &G, graph::Queue &Pending) {
  std::vector<std::string> Seen;
  while (!Pending.empty()) {
    const std::string Node = Pending.pop();
    for (const std::string &Child : G.children(Node)) {
      Pending.push(Child);
      Seen.push_back(Child);
    }
  }
  return Seen;
}

// The loop runs once: its only way out is unconditional.
std::vector<Item> once(const DynamoDBClient &Client) {
  std::vector<Item> Items;
  ScanRequest Req;
  while (true) {
    auto Outcome = Client.Scan(Req);
    for (const auto &Row : Outcome.GetResult().GetItems())
      Items.push_back(Row);
    Req.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
    break;
  }
  return Items;
}

// A set of seen tokens guards against a repeating server; it grows too, but
// an exit tests it, which reads as a bound: the check stays quiet.
std::vector<Item> seenTokens(const DynamoDBClient &Client) {
  std::vector<Item> Items;
  ScanRequest Req;
  std::set<std::string> Seen;
  do {
    auto Outcome = Client.Scan(Req);
    Items.insert(Items.end(), Outcome.GetResult().GetItems().begin(), Outcome.GetResult().GetItems().end());
    const Item &Key = Outcome.GetResult().GetLastEvaluatedKey();
    if (Key.empty() || !Seen.insert(Key.begin()->second.GetS()).second)
      break;
    Req.SetExclusiveStartKey(Key);
  } while (true);
  return Items;
}

// Code in a template is checked where types are known; a dependent client
// says nothing.
template <typename ClientT> std::vector<Item> dependent(const ClientT &Client) {
  std::vector<Item> Items;
  ScanRequest Req;
  do {
    auto Outcome = Client.Scan(Req);
    for (const auto &Row : Outcome.GetResult().GetItems())
      Items.push_back(Row);
    Req.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  } while (!Req.GetExclusiveStartKey().empty());
  return Items;
}
template std::vector<Item> dependent(const DynamoDBClient &);

// Code written in a macro's body is not the user's to change here.
#define SCAN_ALL(CLIENT, REQ, OUT)                                             \
  do {                                                                         \
    auto Outcome = (CLIENT).Scan(REQ);                                         \
    for (const auto &Row : Outcome.GetResult().GetItems())                     \
      (OUT).push_back(Row);                                                    \
    (REQ).SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());     \
  } while (!(REQ).GetExclusiveStartKey().empty())

void inMacro(const DynamoDBClient &Client, std::vector<Item> &Out) {
  ScanRequest Req;
  SCAN_ALL(Client, Req, Out);
}
