// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}" \
// RUN:   -- -I %S/../Inputs/aws-sdk

// Every note of both findings, in the order clang-tidy prints them (each
// warning followed by its notes, the FIX-IT notes of the edits included).

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>

#include <string>
#include <vector>

using Aws::DynamoDB::DynamoDBClient;
using Aws::DynamoDB::Model::ScanRequest;
using Item = Aws::Map<Aws::String, Aws::DynamoDB::Model::AttributeValue>;

std::vector<Item> scanAll(const DynamoDBClient &Client) {
  std::vector<Item> Items;
  std::vector<std::string> Ids;
  ScanRequest Req;
  do {
    auto Outcome = Client.Scan(Req);
    for (const auto &Row : Outcome.GetResult().GetItems()) {
      Items.push_back(Row);
      Ids.push_back(Row.at("id").GetS());
    }
    Req.SetExclusiveStartKey(Outcome.GetResult().GetLastEvaluatedKey());
  } while (!Req.GetExclusiveStartKey().empty());
  return Items;
}
// CHECK-NOTES: :[[@LINE-10]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetLastEvaluatedKey()' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
// CHECK-NOTES: :[[@LINE-5]]:5: note: token fed back into the next request here
// CHECK-NOTES: :[[@LINE-5]]:12: note: this is the only test that ends the loop
// CHECK-NOTES: :[[@LINE-10]]:7: warning: 'Items' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
// CHECK-NOTES: :[[@LINE-14]]:3: note: FIX-IT applied suggested code changes
// CHECK-NOTES: :[[@LINE-14]]:5: note: FIX-IT applied suggested code changes
// CHECK-NOTES: :[[@LINE-10]]:5: note: token fed back into the next request here
// CHECK-NOTES: :[[@LINE-13]]:7: note: 'Ids' also grows here
// CHECK-NOTES: :[[@LINE-17]]:20: note: the request sets no page size either, so each page is as large as the server allows; set one with 'SetLimit'
// CHECK-FIXES: {{^}}  ScanRequest Req;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Req.SetLimit(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Items.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Ids.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = Client.Scan(Req);{{$}}

// A request built in the loop gets its page size where it is sent.
std::vector<std::string> listKeys(const Aws::S3::S3Client &S3, const Aws::String &Bucket) {
  std::vector<std::string> Keys;
  Aws::String Token;
  while (true) {
    Aws::S3::Model::ListObjectsV2Request Req;
    Req.SetBucket(Bucket);
    Req.SetContinuationToken(Token);
    auto Outcome = S3.ListObjectsV2(Req);
    for (const auto &Object : Outcome.GetResult().GetContents())
      Keys.push_back(Object.GetKey());
    const Aws::String &Next = Outcome.GetResult().GetNextContinuationToken();
    if (!Outcome.GetResult().GetIsTruncated() || Next == Token)
      break;
    Token = Next;
  }
  return Keys;
}
// CHECK-NOTES: :[[@LINE-8]]:7: warning: 'Keys' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
// CHECK-NOTES: :[[@LINE-15]]:3: note: FIX-IT applied suggested code changes
// CHECK-NOTES: :[[@LINE-15]]:5: note: FIX-IT applied suggested code changes
// CHECK-NOTES: :[[@LINE-13]]:5: note: FIX-IT applied suggested code changes
// CHECK-NOTES: :[[@LINE-8]]:5: note: token fed back into the next request here
// CHECK-NOTES: :[[@LINE-15]]:20: note: the request sets no page size either, so each page is as large as the server allows; set one with 'SetMaxKeys'
// CHECK-FIXES: {{^}}  Aws::String Token;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (Keys.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    Aws::S3::Model::ListObjectsV2Request Req;{{$}}
// CHECK-FIXES: {{^}}    Req.SetContinuationToken(Token);{{$}}
// CHECK-FIXES-NEXT: {{^}}    Req.SetMaxKeys(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}    auto Outcome = S3.ListObjectsV2(Req);{{$}}
