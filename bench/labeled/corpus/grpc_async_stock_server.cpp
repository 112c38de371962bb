// Asynchronous front of the inventory service (gRPC completion-queue API):
// one CallData object per call, driven by the server's polling thread.

#include "inventory.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <pqxx/pqxx>

#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace inv = shop::inventory::v1;

namespace inventory {

const std::string &databaseUrl();
const std::string &pricingTarget();
void auditLookup(const std::string &sku);

class CallData {
public:
  CallData(inv::Inventory::AsyncService *service, grpc::ServerCompletionQueue *queue)
      : service_(service), queue_(queue), responder_(&context_) {
    proceed();
  }

  void proceed() {
    if (state_ == State::Create) {
      state_ = State::Process;
      service_->RequestGetStock(&context_, &request_, &responder_, queue_, queue_, this);
    } else if (state_ == State::Process) {
      new CallData(service_, queue_);
      pqxx::connection conn{databaseUrl()}; // FINDING: leak-per-request-client
      pqxx::work txn{conn};
      auto row = txn.exec_params1("SELECT quantity FROM stock WHERE sku = $1", request_.sku());
      reply_.set_sku(request_.sku());
      reply_.set_quantity(row[0].as<long>());
      std::async(std::launch::async, auditLookup, request_.sku()); // FINDING: leak-unawaited-future
      state_ = State::Finish;
      responder_.Finish(reply_, grpc::Status::OK, this);
    } else {
      delete this;
    }
  }

private:
  enum class State { Create, Process, Finish };
  inv::Inventory::AsyncService *service_;
  grpc::ServerCompletionQueue *queue_;
  grpc::ServerContext context_;
  inv::GetStockRequest request_;
  inv::StockLevel reply_;
  grpc::ServerAsyncResponseWriter<inv::StockLevel> responder_;
  State state_ = State::Create;
};

// The per-call object of the price check keeps its own channel, built in
// its constructor, once per call.
class PriceCallData {
public:
  PriceCallData(inv::Inventory::AsyncService *service, grpc::ServerCompletionQueue *queue)
      : service_(service), queue_(queue), responder_(&context_),
        pricing_(grpc::CreateChannel(pricingTarget(), grpc::InsecureChannelCredentials())) {} // FINDING: leak-per-request-client

  void proceed() {
    reply_.set_sku(request_.sku());
    responder_.Finish(reply_, grpc::Status::OK, this);
  }

private:
  inv::Inventory::AsyncService *service_;
  grpc::ServerCompletionQueue *queue_;
  grpc::ServerContext context_;
  inv::GetStockRequest request_;
  inv::StockLevel reply_;
  grpc::ServerAsyncResponseWriter<inv::StockLevel> responder_;
  std::shared_ptr<grpc::Channel> pricing_;
};

class StockServer {
public:
  ~StockServer() {
    server_->Shutdown();
    queue_->Shutdown();
    if (poller_.joinable())
      poller_.join();
  }

  void run(const std::string &address) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials());
    builder.RegisterService(&service_);
    queue_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
    new CallData(&service_, queue_.get());
    poller_ = std::thread([this] { poll(); }); // NO-FINDING: leak-detached-task
  }

  // Per-shard connections for the consistency check, kept in the server.
  void connectShards(const std::vector<std::string> &shardUrls) {
    for (const auto &url : shardUrls)
      shards_.push_back(std::make_unique<pqxx::connection>(url)); // NO-FINDING: leak-per-request-client
  }

private:
  void poll() {
    void *tag = nullptr;
    bool ok = false;
    while (queue_->Next(&tag, &ok)) {
      if (ok)
        static_cast<CallData *>(tag)->proceed();
    }
  }

  inv::Inventory::AsyncService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> queue_;
  std::unique_ptr<grpc::Server> server_;
  std::thread poller_;
  std::vector<std::unique_ptr<pqxx::connection>> shards_;
};

} // namespace inventory
