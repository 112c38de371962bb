// Shaped like grpc_cpp_plugin's and protoc's output (gRPC 1.51, protobuf
// 3.21) for the inventory service the corpus implements and calls:
//   service Inventory {
//     rpc GetStock (GetStockRequest) returns (StockLevel);
//     rpc ListStock (ListStockRequest) returns (ListStockResponse);
//     rpc ReportSales (stream SaleEvent) returns (SalesSummary);
//   }
// Out-of-line members live in the generated .pb.cc / .grpc.pb.cc and are
// only declared here. Real generated messages derive from
// google::protobuf::Message; these plain classes declare gRPC's serialization
// hook for them instead.
#pragma once

#include <google/protobuf/repeated_field.h>
#include <grpcpp/impl/codegen/async_unary_call.h>
#include <grpcpp/impl/codegen/client_context.h>
#include <grpcpp/impl/codegen/completion_queue.h>
#include <grpcpp/impl/codegen/server_context.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/impl/codegen/status.h>
#include <grpcpp/impl/codegen/stub_options.h>
#include <grpcpp/impl/codegen/sync_stream.h>
#include <grpcpp/impl/serialization_traits.h>
#include <grpcpp/support/byte_buffer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace shop {
namespace inventory {
namespace v1 {

class GetStockRequest {
public:
  const std::string &sku() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_sku(ArgT0 &&arg0, ArgT... args);
};

class StockLevel {
public:
  const std::string &sku() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_sku(ArgT0 &&arg0, ArgT... args);
  int64_t quantity() const;
  void set_quantity(int64_t value);
  const std::string &warehouse() const;
};

class ListStockRequest {
public:
  const std::string &warehouse() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_warehouse(ArgT0 &&arg0, ArgT... args);
  int32_t page_size() const;
  void set_page_size(int32_t value);
  const std::string &page_token() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_page_token(ArgT0 &&arg0, ArgT... args);
  std::string *mutable_page_token();
};

class ListStockResponse {
public:
  int levels_size() const;
  const ::google::protobuf::RepeatedPtrField<StockLevel> &levels() const;
  StockLevel *add_levels();
  const std::string &next_page_token() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_next_page_token(ArgT0 &&arg0, ArgT... args);
};

class SaleEvent {
public:
  const std::string &sku() const;
  int64_t quantity() const;
};

class SalesSummary {
public:
  int64_t events() const;
  void set_events(int64_t value);
};

} // namespace v1
} // namespace inventory
} // namespace shop

namespace grpc {
template <> class SerializationTraits<::shop::inventory::v1::GetStockRequest, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::GetStockRequest &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::GetStockRequest *msg);
};
template <> class SerializationTraits<::shop::inventory::v1::StockLevel, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::StockLevel &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::StockLevel *msg);
};
template <> class SerializationTraits<::shop::inventory::v1::ListStockRequest, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::ListStockRequest &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::ListStockRequest *msg);
};
template <> class SerializationTraits<::shop::inventory::v1::ListStockResponse, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::ListStockResponse &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::ListStockResponse *msg);
};
template <> class SerializationTraits<::shop::inventory::v1::SaleEvent, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::SaleEvent &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::SaleEvent *msg);
};
template <> class SerializationTraits<::shop::inventory::v1::SalesSummary, void> {
public:
  static Status Serialize(const ::shop::inventory::v1::SalesSummary &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::shop::inventory::v1::SalesSummary *msg);
};
} // namespace grpc

namespace shop {
namespace inventory {
namespace v1 {

class Inventory final {
public:
  static constexpr char const *service_full_name() { return "shop.inventory.v1.Inventory"; }

  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status GetStock(::grpc::ClientContext *context, const GetStockRequest &request,
                                    StockLevel *response) = 0;
    virtual ::grpc::Status ListStock(::grpc::ClientContext *context,
                                     const ListStockRequest &request,
                                     ListStockResponse *response) = 0;
  };

  class Stub final : public StubInterface {
  public:
    Stub(const std::shared_ptr< ::grpc::ChannelInterface> &channel,
         const ::grpc::StubOptions &options = ::grpc::StubOptions());
    ::grpc::Status GetStock(::grpc::ClientContext *context, const GetStockRequest &request,
                            StockLevel *response) override;
    ::grpc::Status ListStock(::grpc::ClientContext *context, const ListStockRequest &request,
                             ListStockResponse *response) override;

  private:
    std::shared_ptr< ::grpc::ChannelInterface> channel_;
  };

  static std::unique_ptr<Stub> NewStub(const std::shared_ptr< ::grpc::ChannelInterface> &channel,
                                       const ::grpc::StubOptions &options = ::grpc::StubOptions());

  class Service : public ::grpc::Service {
  public:
    Service();
    virtual ~Service();
    virtual ::grpc::Status GetStock(::grpc::ServerContext *context,
                                    const GetStockRequest *request, StockLevel *response);
    virtual ::grpc::Status ListStock(::grpc::ServerContext *context,
                                     const ListStockRequest *request,
                                     ListStockResponse *response);
    virtual ::grpc::Status ReportSales(::grpc::ServerContext *context,
                                       ::grpc::ServerReader<SaleEvent> *reader,
                                       SalesSummary *response);
  };

  template <class BaseClass> class WithAsyncMethod_GetStock : public BaseClass {
  private:
    void BaseClassMustBeDerivedFromService(const Service * /*service*/) {}

  public:
    WithAsyncMethod_GetStock() { ::grpc::Service::MarkMethodAsync(0); }
    ~WithAsyncMethod_GetStock() override { BaseClassMustBeDerivedFromService(this); }
    // disable synchronous version of this method
    ::grpc::Status GetStock(::grpc::ServerContext * /*context*/,
                            const GetStockRequest * /*request*/,
                            StockLevel * /*response*/) override {
      return ::grpc::Status(::grpc::StatusCode::UNIMPLEMENTED, "");
    }
    void RequestGetStock(::grpc::ServerContext *context, GetStockRequest *request,
                         ::grpc::ServerAsyncResponseWriter<StockLevel> *response,
                         ::grpc::CompletionQueue *new_call_cq,
                         ::grpc::ServerCompletionQueue *notification_cq, void *tag) {
      ::grpc::Service::RequestAsyncUnary(0, context, request, response, new_call_cq,
                                         notification_cq, tag);
    }
  };
  typedef WithAsyncMethod_GetStock<Service> AsyncService;
};

} // namespace v1
} // namespace inventory
} // namespace shop
