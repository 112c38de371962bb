// REQUIRES: grpc
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// gRPC C++ 1.51, synchronous and callback API: writers, readers and contexts
// that the library owns for one call, captured into callables that outlive
// the call.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/sync_stream.h>

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

// The shape protoc generates for
//   service Orders {
//     rpc Export(Query) returns (stream Row);
//     rpc Get(Query) returns (Row);
//   }
// with grpc::ByteBuffer standing for the messages.
namespace shop {
class Orders final {
public:
  class Stub final {
  public:
    std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>>
    Export(grpc::ClientContext *Context, const grpc::ByteBuffer &Request);
    class async final {
    public:
      void Get(grpc::ClientContext *Context, const grpc::ByteBuffer *Request,
               grpc::ByteBuffer *Response,
               std::function<void(grpc::Status)> Done);
    };
    class async *async();
  };
  class Service : public grpc::Service {
  public:
    virtual grpc::Status Export(grpc::ServerContext *Context,
                                const grpc::ByteBuffer *Request,
                                grpc::ServerWriter<grpc::ByteBuffer> *Writer);
  };
  class CallbackService : public grpc::Service {
  public:
    virtual grpc::ServerUnaryReactor *Get(grpc::CallbackServerContext *Context,
                                          const grpc::ByteBuffer *Request,
                                          grpc::ByteBuffer *Response);
  };
};
} // namespace shop

grpc::ByteBuffer render(int Row);

// ---- Synchronous API --------------------------------------------------------

class ExportService final : public shop::Orders::Service {
public:
  grpc::Status Export(grpc::ServerContext *Context, const grpc::ByteBuffer *Request,
                      grpc::ServerWriter<grpc::ByteBuffer> *Writer) override {
    // The writer is destroyed when Export returns; the thread keeps writing.
    std::thread([Writer] {
      for (int Row = 0; Row < 1000; ++Row)
        Writer->Write(render(Row));
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-4]]:18: warning: stream 'Writer' ('grpc::ServerWriter<grpc::ByteBuffer>') is captured by pointer in a lambda that runs on a detached thread: the pointer dangles once 'Export' returns; finish with the stream inside 'Export' or keep the lambda from outliving it [leak-captured-stream]
    return grpc::Status::OK;
  }

  grpc::Status relay(grpc::ServerContext *Context, const grpc::ByteBuffer *Request,
                     grpc::ServerWriter<grpc::ByteBuffer> *Writer) {
    grpc::ClientContext Upstream;
    auto Reply = std::make_shared<grpc::ByteBuffer>();
    Generic->UnaryCall(&Upstream, "/shop.Orders/Get", grpc::StubOptions(), Request,
                       Reply.get(), [Writer, Reply](grpc::Status Status) {
                         if (Status.ok())
                           Writer->Write(*Reply);
                       });
    // CHECK-MESSAGES: :[[@LINE-4]]:38: warning: stream 'Writer' ('grpc::ServerWriter<grpc::ByteBuffer>') is captured by pointer in a lambda that is handed to 'TemplatedGenericStub::UnaryCall'
    return grpc::Status::OK;
  }

  grpc::Status fanOut(grpc::ServerContext *Context, const grpc::ByteBuffer *Request,
                      grpc::ServerWriter<grpc::ByteBuffer> *Writer) {
    grpc::ClientContext Upstream;
    grpc::ByteBuffer Reply;
    Stub->async()->Get(&Upstream, Request, &Reply, [Context, &Reply](grpc::Status) {
      if (!Context->IsCancelled())
        Reply.Clear();
    });
    // CHECK-MESSAGES: :[[@LINE-4]]:53: warning: stream 'Context' ('grpc::ServerContext') is captured by pointer in a lambda that is handed to 'Orders::Stub::async::Get'
    return grpc::Status::OK;
  }

  // Look-alikes: the work ends before the call returns.
  grpc::Status exportJoined(grpc::ServerContext *Context, const grpc::ByteBuffer *Request,
                            grpc::ServerWriter<grpc::ByteBuffer> *Writer) {
    std::thread Worker([Writer] { Writer->Write(render(1)); });
    Worker.join();
    std::vector<int> Rows{1, 2, 3};
    std::for_each(Rows.begin(), Rows.end(), [Writer](int Row) { Writer->Write(render(Row)); });
    return grpc::Status::OK;
  }

  grpc::Status relayAndWait(grpc::ServerContext *Context, const grpc::ByteBuffer *Request,
                            grpc::ServerWriter<grpc::ByteBuffer> *Writer) {
    grpc::ClientContext Upstream;
    grpc::ByteBuffer Reply;
    std::mutex Mutex;
    std::condition_variable Done;
    bool Finished = false;
    Generic->UnaryCall(&Upstream, "/shop.Orders/Get", grpc::StubOptions(), Request,
                       &Reply, [&](grpc::Status Status) {
                         if (Status.ok())
                           Writer->Write(Reply);
                         std::lock_guard<std::mutex> Lock(Mutex);
                         Finished = true;
                         Done.notify_one();
                       });
    std::unique_lock<std::mutex> Lock(Mutex);
    Done.wait(Lock, [&] { return Finished; });
    return grpc::Status::OK;
  }

private:
  std::unique_ptr<grpc::GenericStub> Generic;
  std::unique_ptr<shop::Orders::Stub> Stub;
};

// ---- Client streams ---------------------------------------------------------

void follow(shop::Orders::Stub &Stub, const grpc::ByteBuffer &Query) {
  grpc::ClientContext Context;
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> Reader = Stub.Export(&Context, Query);
  std::thread([&Reader] {
    grpc::ByteBuffer Row;
    while (Reader->Read(&Row)) {
    }
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-5]]:17: warning: stream 'Reader' ('grpc::ClientReader<grpc::ByteBuffer>') is captured by reference in a lambda that runs on a detached thread
}

void followOwned(shop::Orders::Stub &Stub, const grpc::ByteBuffer &Query,
                 std::vector<std::function<void()>> &Pollers) {
  grpc::ClientContext Context;
  std::shared_ptr<grpc::ClientReader<grpc::ByteBuffer>> Reader = Stub.Export(&Context, Query);
  Pollers.push_back([Reader] {
    grpc::ByteBuffer Row;
    Reader->Read(&Row);
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:22: warning: stream 'Reader' ('grpc::ClientReader<grpc::ByteBuffer>') is kept alive by an owning capture in a lambda that is added to 'Pollers'
  // CHECK-FIXES: {{^}}  Pollers.push_back([weak_Reader = std::weak_ptr(Reader)] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto Reader = weak_Reader.lock();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Reader){{$}}
  // CHECK-FIXES-NEXT: {{^}}      return;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    grpc::ByteBuffer Row;{{$}}
}

// ---- Callback API -----------------------------------------------------------

class CallbackOrders final : public shop::Orders::CallbackService {
public:
  // The callback API's own pattern: the context and the reactor stay valid
  // until Finish; finishing from another thread is how it is meant to be used.
  grpc::ServerUnaryReactor *Get(grpc::CallbackServerContext *Context,
                                const grpc::ByteBuffer *Request,
                                grpc::ByteBuffer *Response) override {
    grpc::ServerUnaryReactor *Reactor = Context->DefaultReactor();
    std::thread([Context, Reactor, Response] {
      if (!Context->IsCancelled())
        *Response = render(1);
      Reactor->Finish(grpc::Status::OK);
    }).detach();
    return Reactor;
  }

  grpc::ServerUnaryReactor *getFromFile(grpc::CallbackServerContext *Context,
                                        const grpc::ByteBuffer *Request,
                                        grpc::ByteBuffer *Response) {
    grpc::ServerUnaryReactor *Reactor = Context->DefaultReactor();
    std::ifstream Source("/var/lib/shop/orders.bin");
    std::thread([&Source, Reactor, Response] {
      Source.get();
      Reactor->Finish(grpc::Status::OK);
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-4]]:19: warning: stream 'Source' ('std::ifstream') is captured by reference in a lambda that runs on a detached thread: the reference dangles once 'getFromFile' returns
    return Reactor;
  }
};

// A server-streaming reactor lives for one call (the library deletes it in
// OnDone): a thread that reads its upstream through 'this' can outlive it.
class Relay final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
public:
  void start() {
    std::thread([this] {
      grpc::ByteBuffer Row;
      while (Upstream->Read(&Row))
        StartWrite(&Row);
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-3]]:14: warning: stream member 'Upstream' ('grpc::ClientReader<grpc::ByteBuffer>') is used through 'this' in a lambda that runs on a detached thread
  }
  void OnDone() override { delete this; }

private:
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> Upstream;
};
