// The inventory service (gRPC, synchronous API). It answers stock queries,
// and aggregates stock from the regional warehouses' own inventory services.

#include "inventory.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace inv = shop::inventory::v1;

namespace inventory {

const std::string &warehouseTarget();
void recordSale(const std::string &sku, long quantity);
void auditAccess(const std::string &peer, const std::string &resource);
void warmSku(const std::string &sku);

// The service's background job queue; its workers are started with the
// server (jobs.cpp).
class JobQueue {
public:
  void submit(std::function<void()> job);
};

constexpr std::size_t kRecentSales = 1000;

// Every level of a warehouse, page by page, into one vector.
std::vector<inv::StockLevel> allLevels(inv::Inventory::StubInterface &stub,
                                       const std::string &warehouse) {
  std::vector<inv::StockLevel> levels;
  inv::ListStockRequest request;
  request.set_warehouse(warehouse);
  request.set_page_size(200);
  std::string token;
  do { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    grpc::ClientContext context;
    inv::ListStockResponse response;
    request.set_page_token(token);
    if (!stub.ListStock(&context, request, &response).ok())
      break;
    for (const auto &level : response.levels())
      levels.push_back(level); // FINDING: leak-unbounded-pagination
    token = response.next_page_token();
  } while (!token.empty());
  return levels;
}

// Sums the quantities of a warehouse: only a number survives each page, and
// the loop stops if the server repeats a token.
long totalUnits(inv::Inventory::StubInterface &stub, const std::string &warehouse) {
  long units = 0;
  inv::ListStockRequest request;
  request.set_warehouse(warehouse);
  request.set_page_size(500);
  for (;;) {
    grpc::ClientContext context;
    inv::ListStockResponse response;
    if (!stub.ListStock(&context, request, &response).ok())
      break;
    for (const auto &level : response.levels()) // NO-FINDING: leak-unbounded-pagination
      units += level.quantity();
    if (response.next_page_token().empty() ||
        response.next_page_token() == request.page_token())
      break;
    request.set_page_token(response.next_page_token());
  }
  return units;
}

class InventoryServiceImpl final : public inv::Inventory::Service {
public:
  explicit InventoryServiceImpl(std::shared_ptr<grpc::Channel> upstream)
      : upstream_(inv::Inventory::NewStub(upstream)) {}

  grpc::Status GetStock(grpc::ServerContext *context, const inv::GetStockRequest *request,
                        inv::StockLevel *response) override {
    auto channel = grpc::CreateChannel(warehouseTarget(), // FINDING: leak-per-request-client
                                       grpc::InsecureChannelCredentials());
    auto stub = inv::Inventory::NewStub(channel);
    grpc::ClientContext downstream;
    downstream.set_deadline(context->deadline());
    asio::post(auditPool_, [peer = context->peer(), sku = request->sku()] { // NO-FINDING: leak-captured-stream
      auditAccess(peer, sku);
    });
    // Warms the warehouse cache for this SKU in the background, unless the
    // caller has given up by then.
    jobs_.submit([context, sku = request->sku()] { // MISSED: leak-captured-stream
      if (!context->IsCancelled())
        warmSku(sku);
    });
    return stub->GetStock(&downstream, *request, response);
  }

  grpc::Status ListStock(grpc::ServerContext *context, const inv::ListStockRequest *request,
                         inv::ListStockResponse *response) override {
    {
      // Per-client request counts, for the rate-limit dashboard.
      std::lock_guard<std::mutex> lock(mutex_);
      listedBy_[context->peer()] += 1; // FINDING: leak-unbounded-shared-container
    }
    // Access audit, off the request path.
    asio::post(auditPool_, [context, warehouse = request->warehouse()] { // FINDING: leak-captured-stream
      auditAccess(context->peer(), warehouse);
    });
    // The upstream stub is a member: built once with the service.
    grpc::ClientContext downstream;
    return upstream_->ListStock(&downstream, *request, response); // NO-FINDING: leak-per-request-client
  }

  grpc::Status ReportSales(grpc::ServerContext *, grpc::ServerReader<inv::SaleEvent> *reader,
                           inv::SalesSummary *summary) override {
    inv::SaleEvent event;
    long events = 0;
    std::vector<std::future<void>> writes;
    while (reader->Read(&event)) {
      writes.push_back(std::async(std::launch::async, recordSale, event.sku(), // NO-FINDING: leak-unawaited-future
                                  static_cast<long>(event.quantity())));
      ++events;
      std::lock_guard<std::mutex> lock(mutex_);
      // The journal feeds the end-of-day reconciliation; the last sales
      // are shown on the live dashboard.
      salesJournal_.push_back(event); // FINDING: leak-unbounded-shared-container
      if (recentSales_.size() == kRecentSales)
        recentSales_.pop_front();
      recentSales_.push_back(event.sku()); // NO-FINDING: leak-unbounded-shared-container
    }
    for (auto &write : writes)
      write.get();
    summary->set_events(events);
    return grpc::Status::OK;
  }

  // Units of a SKU over the regional replicas, asked in parallel; each call
  // inherits the caller's deadline and is waited for.
  long unitsAcrossRegions(grpc::ServerContext *context, const inv::GetStockRequest &request) {
    std::vector<std::future<long>> parts;
    for (const auto &stub : regional_)
      parts.push_back(std::async(std::launch::async, [context, &stub, &request] { // NO-FINDING: leak-captured-stream, leak-unawaited-future
        grpc::ClientContext downstream;
        downstream.set_deadline(context->deadline());
        inv::StockLevel level;
        return stub->GetStock(&downstream, request, &level).ok() ? static_cast<long>(level.quantity())
                                                                 : 0L;
      }));
    long total = 0;
    for (auto &part : parts)
      total += part.get();
    return total;
  }

  // Fan-out to every regional warehouse; the channels are shared.
  long regionalUnits(const std::vector<std::string> &warehouses) {
    static auto channel = grpc::CreateChannel(warehouseTarget(), // NO-FINDING: leak-per-request-client
                                              grpc::InsecureChannelCredentials());
    static auto stub = inv::Inventory::NewStub(channel);
    std::vector<std::future<long>> parts;
    for (const auto &warehouse : warehouses)
      parts.push_back(std::async(std::launch::async, [&, warehouse] { // NO-FINDING: leak-unawaited-future
        return totalUnits(*stub, warehouse);
      }));
    long total = 0;
    for (auto &part : parts)
      total += part.get();
    return total;
  }

  // Refreshes the cache of every warehouse, and forgets about it.
  void refreshAll(const std::vector<std::string> &warehouses) {
    for (const auto &warehouse : warehouses)
      std::async(std::launch::async, [this, warehouse] { refresh(warehouse); }); // FINDING: leak-unawaited-future
  }

  // Prefetches; the futures are kept but nobody waits for them.
  void prefetch(const std::vector<std::string> &warehouses) {
    for (const auto &warehouse : warehouses)
      pending_.push_back(std::async(std::launch::async, [this, warehouse] { refresh(warehouse); })); // FINDING: leak-unawaited-future
  }

private:
  void refresh(const std::string &warehouse) {
    auto levels = allLevels(*upstream_, warehouse);
    std::lock_guard<std::mutex> lock(mutex_);
    cache_[warehouse] = levels.size(); // NO-FINDING: leak-unbounded-shared-container
  }

  std::unique_ptr<inv::Inventory::Stub> upstream_;
  std::vector<std::unique_ptr<inv::Inventory::Stub>> regional_;
  asio::thread_pool auditPool_{2};
  JobQueue jobs_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> cache_;
  std::map<std::string, long> listedBy_;
  std::vector<inv::SaleEvent> salesJournal_;
  std::deque<std::string> recentSales_;
  std::vector<std::future<void>> pending_;
};

} // namespace inventory
