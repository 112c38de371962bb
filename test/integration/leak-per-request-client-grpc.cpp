// REQUIRES: grpc
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I %S/../Inputs/grpc-generated

// gRPC channels opened in the methods of services: a hand-written service
// deriving from grpc::Service, and services derived from generated code
// (sync, callback, async CallData, reactors).

#include "helloworld.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

using helloworld::Greeter;
using helloworld::HelloReply;
using helloworld::HelloRequest;

static const char *const kBackend = "backend.internal:50051";

// ---- Sync services --------------------------------------------------------

class GreeterImpl final : public Greeter::Service {
  grpc::Status SayHello(grpc::ServerContext *Context, const HelloRequest *Request,
                        HelloReply *Reply) override {
    auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'grpc::CreateChannel' is called for every request: each call opens its own HTTP/2 connection, with name resolution, TLS handshake and load-balancing state; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
    // CHECK-FIXES: {{^}}    static auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());{{$}}
    auto Stub = Greeter::NewStub(Channel);
    grpc::ClientContext Downstream;
    return Stub->SayHello(&Downstream, *Request, Reply);
  }

  grpc::Status LotsOfGreetings(grpc::ServerContext *Context,
                               grpc::ServerReader<HelloRequest> *Reader,
                               HelloReply *Reply) override {
    HelloRequest Next;
    while (Reader->Read(&Next)) {
      grpc::ChannelArguments Args;
      Args.SetMaxReceiveMessageSize(1 << 20);
      auto Stub = Greeter::NewStub(
          grpc::CreateCustomChannel(kBackend, grpc::InsecureChannelCredentials(), Args));
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'grpc::CreateCustomChannel' is called for every request
      Reply->set_message(Next.name());
    }
    return grpc::Status::OK;
  }

  // Not an RPC, and not called by one.
  void warmCache() {
    auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
  }
};

// A service written by hand against grpc::Service, its methods registered
// with AddMethod in a source file not shown: a method that takes the call's
// ServerContext runs within a call.
class HealthService : public grpc::Service {
public:
  virtual grpc::Status Check(grpc::ServerContext *Context) {
    std::shared_ptr<grpc::Channel> Probe =
        grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
    // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: 'grpc::CreateChannel' is called for every request
    return Probe ? grpc::Status::OK : grpc::Status::CANCELLED;
  }
};
class HealthServiceImpl : public HealthService {
  grpc::Status Check(grpc::ServerContext *Context) override {
    std::shared_ptr<grpc::Channel> Probe =
        grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
    // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: 'grpc::CreateChannel' is called for every request
    // CHECK-FIXES: {{^}}    static std::shared_ptr<grpc::Channel> Probe ={{$}}
    return Probe ? grpc::Status::OK : grpc::Status::CANCELLED;
  }
};

// ---- Callback API ---------------------------------------------------------

class CallbackGreeter final : public Greeter::CallbackService {
  grpc::ServerUnaryReactor *SayHello(grpc::CallbackServerContext *Context,
                                     const HelloRequest *Request,
                                     HelloReply *Reply) override {
    auto Stub = Greeter::NewStub(
        grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials()));
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'grpc::CreateChannel' is called for every request
    // CHECK-FIXES: {{^}}    static auto Stub = Greeter::NewStub({{$}}
    grpc::ServerUnaryReactor *Reactor = Context->DefaultReactor();
    Reactor->Finish(grpc::Status::OK);
    return Reactor;
  }
};

// A reactor object lives for one call.
class GreetingsReader : public grpc::ServerReadReactor<HelloRequest> {
public:
  GreetingsReader() { StartRead(&Request_); }
  void OnReadDone(bool Ok) override {
    if (!Ok) {
      Finish(grpc::Status::OK);
      return;
    }
    auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'grpc::CreateChannel' is called for every request
    // CHECK-FIXES: {{^}}    static auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());{{$}}
    StartRead(&Request_);
  }
  void OnDone() override { delete this; }

private:
  HelloRequest Request_;
};

// ---- Async API: the CallData state machine -------------------------------

class CallData {
public:
  CallData(Greeter::AsyncService *Service, grpc::ServerCompletionQueue *Queue)
      : Service_(Service), Queue_(Queue), Responder_(&Context_) {
    Proceed();
  }
  void Proceed() {
    if (Status_ == CREATE) {
      Status_ = PROCESS;
      Service_->RequestSayHello(&Context_, &Request_, &Responder_, Queue_, Queue_, this);
    } else if (Status_ == PROCESS) {
      new CallData(Service_, Queue_);
      auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'grpc::CreateChannel' is called for every request
      // CHECK-FIXES: {{^}}      static auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());{{$}}
      Reply_.set_message(Request_.name());
      Status_ = FINISH;
      Responder_.Finish(Reply_, grpc::Status::OK, this);
    } else {
      delete this;
    }
  }

private:
  Greeter::AsyncService *Service_;
  grpc::ServerCompletionQueue *Queue_;
  grpc::ServerContext Context_;
  HelloRequest Request_;
  HelloReply Reply_;
  grpc::ServerAsyncResponseWriter<HelloReply> Responder_;
  enum CallStatus { CREATE, PROCESS, FINISH };
  CallStatus Status_ = CREATE;
};

// A per-call object whose constructor opens a channel: one per call.
class PricedCallData {
public:
  PricedCallData(Greeter::AsyncService *Service, grpc::ServerCompletionQueue *Queue)
      : Service_(Service), Queue_(Queue), Responder_(&Context_),
        Pricing_(grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials())) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'grpc::CreateChannel' is called for every request: each call opens its own HTTP/2 connection
  // CHECK-MESSAGES: :168:47: note: 'PricedCallData::PricedCallData' runs for every request: 'PricedCallData' holds the per-call 'grpc::ServerAsyncResponseWriter' 'Responder_', so one object exists per call
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: to share it, build it once where the service starts
  void Proceed() {
    new PricedCallData(Service_, Queue_);
    Responder_.Finish(Reply_, grpc::Status::OK, this);
  }

private:
  Greeter::AsyncService *Service_;
  grpc::ServerCompletionQueue *Queue_;
  grpc::ServerContext Context_;
  HelloReply Reply_;
  grpc::ServerAsyncResponseWriter<HelloReply> Responder_;
  std::shared_ptr<grpc::Channel> Pricing_;
};

// ---- Look-alike negatives -------------------------------------------------

class SharedChannelGreeter final : public Greeter::Service {
public:
  SharedChannelGreeter()
      : Channel_(grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials())),
        Stub_(Greeter::NewStub(Channel_)) {}

  grpc::Status SayHello(grpc::ServerContext *Context, const HelloRequest *Request,
                        HelloReply *Reply) override {
    static const auto Shared =
        grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
    grpc::ClientContext Downstream;
    return Stub_->SayHello(&Downstream, *Request, Reply); // The member stub.
  }

  // The target comes from the caller's metadata.
  grpc::Status LotsOfGreetings(grpc::ServerContext *Context,
                               grpc::ServerReader<HelloRequest> *Reader,
                               HelloReply *Reply) override {
    auto Route = Context->client_metadata().find("x-route");
    std::string Target(Route->second.data(), Route->second.size());
    auto Channel = grpc::CreateChannel(Target, grpc::InsecureChannelCredentials());
    return grpc::Status::OK;
  }

private:
  std::shared_ptr<grpc::Channel> Channel_;
  std::unique_ptr<Greeter::Stub> Stub_;
};

int main() {
  auto Channel = grpc::CreateChannel(kBackend, grpc::InsecureChannelCredentials());
  GreeterImpl Service;
  grpc::ServerBuilder Builder;
  Builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  Builder.RegisterService(&Service);
  std::unique_ptr<grpc::Server> Server = Builder.BuildAndStart();
  Server->Wait();
}
