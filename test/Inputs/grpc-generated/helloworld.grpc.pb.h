// Test header shaped like grpc_cpp_plugin's output for helloworld.proto
// (gRPC 1.51), trimmed to what services and clients use:
//   service Greeter {
//     rpc SayHello (HelloRequest) returns (HelloReply);
//     rpc LotsOfGreetings (stream HelloRequest) returns (HelloReply);
//     rpc BidiHello (stream HelloRequest) returns (stream HelloReply);
//   }
// Out-of-line members live in the generated .grpc.pb.cc and are only declared.
#pragma once
#include "helloworld.pb.h"

#include <grpcpp/impl/codegen/async_stream.h>
#include <grpcpp/impl/codegen/async_unary_call.h>
#include <grpcpp/impl/codegen/client_context.h>
#include <grpcpp/impl/codegen/completion_queue.h>
#include <grpcpp/impl/codegen/rpc_method.h>
#include <grpcpp/impl/codegen/server_callback.h>
#include <grpcpp/impl/codegen/server_context.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/impl/codegen/status.h>
#include <grpcpp/impl/codegen/stub_options.h>
#include <grpcpp/impl/codegen/sync_stream.h>

#include <memory>

namespace helloworld {

class Greeter final {
public:
  static constexpr char const *service_full_name() { return "helloworld.Greeter"; }

  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status SayHello(::grpc::ClientContext *context,
                                    const ::helloworld::HelloRequest &request,
                                    ::helloworld::HelloReply *response) = 0;
  };

  class Stub final : public StubInterface {
  public:
    Stub(const std::shared_ptr< ::grpc::ChannelInterface> &channel,
         const ::grpc::StubOptions &options = ::grpc::StubOptions());
    ::grpc::Status SayHello(::grpc::ClientContext *context,
                            const ::helloworld::HelloRequest &request,
                            ::helloworld::HelloReply *response) override;

  private:
    std::shared_ptr< ::grpc::ChannelInterface> channel_;
  };

  static std::unique_ptr<Stub>
  NewStub(const std::shared_ptr< ::grpc::ChannelInterface> &channel,
          const ::grpc::StubOptions &options = ::grpc::StubOptions());

  class Service : public ::grpc::Service {
  public:
    Service();
    virtual ~Service();
    virtual ::grpc::Status SayHello(::grpc::ServerContext *context,
                                    const ::helloworld::HelloRequest *request,
                                    ::helloworld::HelloReply *response);
    virtual ::grpc::Status
    LotsOfGreetings(::grpc::ServerContext *context,
                    ::grpc::ServerReader< ::helloworld::HelloRequest> *reader,
                    ::helloworld::HelloReply *response);
    virtual ::grpc::Status BidiHello(
        ::grpc::ServerContext *context,
        ::grpc::ServerReaderWriter< ::helloworld::HelloReply, ::helloworld::HelloRequest>
            *stream);
  };

  template <class BaseClass> class WithAsyncMethod_SayHello : public BaseClass {
  private:
    void BaseClassMustBeDerivedFromService(const Service * /*service*/) {}

  public:
    WithAsyncMethod_SayHello() { ::grpc::Service::MarkMethodAsync(0); }
    ~WithAsyncMethod_SayHello() override { BaseClassMustBeDerivedFromService(this); }
    // disable synchronous version of this method
    ::grpc::Status SayHello(::grpc::ServerContext * /*context*/,
                            const ::helloworld::HelloRequest * /*request*/,
                            ::helloworld::HelloReply * /*response*/) override {
      return ::grpc::Status(::grpc::StatusCode::UNIMPLEMENTED, "");
    }
    void RequestSayHello(
        ::grpc::ServerContext *context, ::helloworld::HelloRequest *request,
        ::grpc::ServerAsyncResponseWriter< ::helloworld::HelloReply> *response,
        ::grpc::CompletionQueue *new_call_cq,
        ::grpc::ServerCompletionQueue *notification_cq, void *tag) {
      ::grpc::Service::RequestAsyncUnary(0, context, request, response, new_call_cq,
                                         notification_cq, tag);
    }
  };
  typedef WithAsyncMethod_SayHello<Service> AsyncService;

  template <class BaseClass> class WithCallbackMethod_SayHello : public BaseClass {
  private:
    void BaseClassMustBeDerivedFromService(const Service * /*service*/) {}

  public:
    WithCallbackMethod_SayHello();
    ~WithCallbackMethod_SayHello() override { BaseClassMustBeDerivedFromService(this); }
    // disable synchronous version of this method
    ::grpc::Status SayHello(::grpc::ServerContext * /*context*/,
                            const ::helloworld::HelloRequest * /*request*/,
                            ::helloworld::HelloReply * /*response*/) override {
      return ::grpc::Status(::grpc::StatusCode::UNIMPLEMENTED, "");
    }
    virtual ::grpc::ServerUnaryReactor *
    SayHello(::grpc::CallbackServerContext * /*context*/,
             const ::helloworld::HelloRequest * /*request*/,
             ::helloworld::HelloReply * /*response*/) {
      return nullptr;
    }
  };
  typedef WithCallbackMethod_SayHello<Service> CallbackService;
};

} // namespace helloworld
