// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}" \
// RUN:   -- -I %S/../Inputs/aws-sdk

// The second finding: a loop that only the server can end. It is reported
// whether or not the loop keeps its pages.

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>
#include <aws/sqs/SQSClient.h>

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

using Aws::DynamoDB::DynamoDBClient;
using Aws::DynamoDB::Model::ScanRequest;
using Item = Aws::Map<Aws::String, Aws::DynamoDB::Model::AttributeValue>;

void print(const Aws::String &Url);

// ---- Positives ----------------------------------------------------------

// Pages are printed and dropped; the token alone ends the loop.
void printQueues(const Aws::SQS::SQSClient &Sqs) {
  Aws::SQS::Model::ListQueuesRequest Req;
  Req.SetMaxResults(100);
  Aws::String Token;
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetNextToken()' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
    Req.SetNextToken(Token);
    auto Outcome = Sqs.ListQueues(Req);
    if (!Outcome.IsSuccess())
      return;
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      print(Url);
    Token = Outcome.GetResult().GetNextToken();
  } while (!Token.empty());
}

// IsTruncated decides; failures leave through an exception.
std::size_t countObjects(const Aws::S3::S3Client &S3) {
  Aws::S3::Model::ListObjectsV2Request Req;
  Req.SetMaxKeys(1000);
  std::size_t Count = 0;
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'GetNextContinuationToken()'
    auto Outcome = S3.ListObjectsV2(Req);
    if (!Outcome.IsSuccess())
      throw Outcome.GetError().GetExceptionName();
    Count += Outcome.GetResult().GetContents().size();
    if (!Outcome.GetResult().GetIsTruncated())
      break;
    Req.SetContinuationToken(Outcome.GetResult().GetNextContinuationToken());
  }
  return Count;
}

// A short page ends the loop too, but a server repeating a full page does not.
std::size_t countShortPage(const DynamoDBClient &Client) {
  constexpr std::size_t kPage = 100;
  ScanRequest Req;
  Req.SetLimit(kPage);
  std::size_t Count = 0;
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token
    auto Outcome = Client.Scan(Req);
    const auto &Result = Outcome.GetResult();
    Count += Result.GetItems().size();
    if (Result.GetItems().size() < kPage || Result.GetLastEvaluatedKey().empty())
      break;
    Req.SetExclusiveStartKey(Result.GetLastEvaluatedKey());
  }
  return Count;
}

// ---- Look-alike negatives -----------------------------------------------

// The new token is compared with the previous one.
void comparesTokens(const Aws::SQS::SQSClient &Sqs) {
  Aws::SQS::Model::ListQueuesRequest Req;
  Aws::String Token;
  do {
    Req.SetNextToken(Token);
    auto Outcome = Sqs.ListQueues(Req);
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      print(Url);
    const Aws::String &Next = Outcome.GetResult().GetNextToken();
    if (Next == Token)
      break;
    Token = Next;
  } while (!Token.empty());
}

// A page counter bounds the loop.
void pageCap(const Aws::SQS::SQSClient &Sqs, int MaxPages) {
  Aws::SQS::Model::ListQueuesRequest Req;
  for (int Page = 0; Page < MaxPages; ++Page) {
    auto Outcome = Sqs.ListQueues(Req);
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      print(Url);
    if (Outcome.GetResult().GetNextToken().empty())
      break;
    Req.SetNextToken(Outcome.GetResult().GetNextToken());
  }
}

// A deadline bounds the loop.
void deadline(const Aws::SQS::SQSClient &Sqs, std::chrono::steady_clock::time_point Until) {
  Aws::SQS::Model::ListQueuesRequest Req;
  do {
    auto Outcome = Sqs.ListQueues(Req);
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      print(Url);
    if (std::chrono::steady_clock::now() > Until)
      break;
    Req.SetNextToken(Outcome.GetResult().GetNextToken());
  } while (!Req.GetNextToken().empty());
}

// A stop flag owned by the caller can end the loop.
void stoppable(const Aws::SQS::SQSClient &Sqs, const bool &Stop) {
  Aws::SQS::Model::ListQueuesRequest Req;
  do {
    auto Outcome = Sqs.ListQueues(Req);
    for (const Aws::String &Url : Outcome.GetResult().GetQueueUrls())
      print(Url);
    Req.SetNextToken(Outcome.GetResult().GetNextToken());
  } while (!Stop && !Req.GetNextToken().empty());
}

// Not a token: a numeric position cannot repeat the same way.
std::size_t numericPosition(const DynamoDBClient &Client, long (*Offset)(const Item &)) {
  std::size_t Count = 0;
  ScanRequest Req;
  Req.SetLimit(10);
  long Position = 0;
  while (true) {
    Req.SetSegment(static_cast<int>(Position));
    auto Outcome = Client.Scan(Req);
    if (Outcome.GetResult().GetItems().empty())
      break;
    Count += Outcome.GetResult().GetItems().size();
    Position = Offset(Outcome.GetResult().GetItems().back());
  }
  return Count;
}
