// The inventory service (gRPC, synchronous API). It answers stock queries,
// and aggregates stock from the regional warehouses' own inventory services.

#include "inventory.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <cstddef>
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

// Every level of a warehouse, page by page, into one vector.
std::vector<inv::StockLevel> allLevels(inv::Inventory::StubInterface &stub,
                                       const std::string &warehouse) {
  std::vector<inv::StockLevel> levels;
  inv::ListStockRequest request;
  request.set_warehouse(warehouse);
  request.set_page_size(200);
  std::string token;
  do { // FINDING: leak-unbounded-pagination
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
    return stub->GetStock(&downstream, *request, response);
  }

  grpc::Status ListStock(grpc::ServerContext *, const inv::ListStockRequest *request,
                         inv::ListStockResponse *response) override {
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
    }
    for (auto &write : writes)
      write.get();
    summary->set_events(events);
    return grpc::Status::OK;
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
    cache_[warehouse] = levels.size();
  }

  std::unique_ptr<inv::Inventory::Stub> upstream_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> cache_;
  std::vector<std::future<void>> pending_;
};

} // namespace inventory
