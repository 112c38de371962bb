// REQUIRES: grpc
// RUN: %check_leak_tidy %s leak-unbounded-shared-container %t -- -- -I %S/../Inputs/grpc-generated

// gRPC services (generated-service shape, real grpc++ headers) whose methods
// record something about every call in a member of the service, which lives
// as long as the server.

#include "helloworld.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

using helloworld::Greeter;
using helloworld::HelloReply;
using helloworld::HelloRequest;

constexpr std::size_t kMaxRecent = 256;

// ---- Positives ------------------------------------------------------------

class GreeterImpl final : public Greeter::Service {
  grpc::Status SayHello(grpc::ServerContext *Context, const HelloRequest *Request,
                        HelloReply *Reply) override {
    std::lock_guard<std::mutex> Lock(Mutex_);
    GreetedPeers_.insert(Context->peer());
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'GreetedPeers_' grows with every request and lives beyond it as a member of 'GreeterImpl'; holding 'Lock' serializes the insertions but does not bound them, and nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
    LastGreeting_[Request->name()] = Reply->message();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'LastGreeting_' grows with every request and lives beyond it as a member of 'GreeterImpl'; holding 'Lock'
    Reply->set_message("Hello " + Request->name());
    return grpc::Status::OK;
  }

  // A client stream: every message read is kept.
  grpc::Status LotsOfGreetings(grpc::ServerContext *Context,
                               grpc::ServerReader<HelloRequest> *Reader,
                               HelloReply *Reply) override {
    HelloRequest Next;
    while (Reader->Read(&Next)) {
      Names_.push_back(Next.name());
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Names_' grows with every request and lives beyond it as a member of 'GreeterImpl'; nothing
    }
    return grpc::Status::OK;
  }

  std::mutex Mutex_;
  std::set<std::string> GreetedPeers_;
  std::map<std::string, std::string> LastGreeting_;
  std::vector<std::string> Names_;
};

// The callback API: the service object is shared by every call.
class CallbackGreeter final : public Greeter::CallbackService {
  grpc::ServerUnaryReactor *SayHello(grpc::CallbackServerContext *Context,
                                     const HelloRequest *Request,
                                     HelloReply *Reply) override {
    {
      std::scoped_lock Lock(Mutex_);
      Audit_.emplace_back(Request->name());
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Audit_' grows with every request and lives beyond it as a member of 'CallbackGreeter'; holding 'Lock' serializes
    }
    grpc::ServerUnaryReactor *Reactor = Context->DefaultReactor();
    Reactor->Finish(grpc::Status::OK);
    return Reactor;
  }

  std::mutex Mutex_;
  std::deque<std::string> Audit_;
};

// ---- Look-alike negatives -------------------------------------------------

class BoundedGreeter final : public Greeter::Service {
  grpc::Status SayHello(grpc::ServerContext *Context, const HelloRequest *Request,
                        HelloReply *Reply) override {
    std::lock_guard<std::mutex> Lock(Mutex_);
    // Capped: the oldest entry goes when the cap is reached.
    if (Recent_.size() >= kMaxRecent)
      Recent_.pop_front();
    Recent_.push_back(Request->name());
    // Erased when the peer says goodbye (BidiHello below).
    Peers_.insert(Context->peer());
    // Local to the call.
    std::vector<std::string> Words;
    Words.push_back(Request->name());
    return grpc::Status::OK;
  }

  grpc::Status BidiHello(
      grpc::ServerContext *Context,
      grpc::ServerReaderWriter<HelloReply, HelloRequest> *Stream) override {
    std::lock_guard<std::mutex> Lock(Mutex_);
    Peers_.erase(Context->peer());
    return grpc::Status::OK;
  }

  std::mutex Mutex_;
  std::deque<std::string> Recent_;
  std::set<std::string> Peers_;
};

// A reactor lives for one call: what it collects dies with the call.
class GreetingsReader : public grpc::ServerReadReactor<HelloRequest> {
public:
  GreetingsReader() { StartRead(&Request_); }
  void OnReadDone(bool Ok) override {
    if (!Ok) {
      Finish(grpc::Status::OK);
      return;
    }
    Seen_.push_back(Request_.name());
    StartRead(&Request_);
  }
  void OnDone() override { delete this; }

private:
  HelloRequest Request_;
  std::vector<std::string> Seen_;
};

// The async API's CallData holds one call.
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
      Trace_.push_back(Request_.name());
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
  std::vector<std::string> Trace_;
  enum CallStatus { CREATE, PROCESS, FINISH };
  CallStatus Status_ = CREATE;
};

// A callback service: each Chat call gets its own reactor, which appends
// every message it reads to the service's vector through a pointer member.
class ChatService : public grpc::Service {
public:
  grpc::ServerBidiReactor<HelloRequest, HelloReply> *
  Chat(grpc::CallbackServerContext *Context) {
    class Chatter : public grpc::ServerBidiReactor<HelloRequest, HelloReply> {
    public:
      Chatter(std::mutex *Mu, std::vector<std::string> *Received,
              std::vector<std::string> &Moderated)
          : Mu_(Mu), Received_(Received), Moderated_(Moderated) {
        StartRead(&Note_);
      }
      void OnDone() override { delete this; }
      void OnReadDone(bool Ok) override {
        if (!Ok) {
          Finish(grpc::Status::OK);
          return;
        }
        std::lock_guard<std::mutex> Lock(*Mu_);
        Received_->push_back(Note_.name());
        // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Received_' grows with every request and lives beyond it as a member of 'ChatService'
        // The service clears this one in reset(): bounded.
        Moderated_.push_back(Note_.name());
        // The reactor's own vector lives for one call.
        Seen_.push_back(Note_.name());
        StartRead(&Note_);
      }

    private:
      HelloRequest Note_;
      std::mutex *Mu_;
      std::vector<std::string> *Received_;
      std::vector<std::string> &Moderated_;
      std::vector<std::string> Seen_;
    };
    (void)Context;
    return new Chatter(&Mutex_, &Received_, Moderated_);
  }

  void reset() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    Moderated_.clear();
  }

private:
  std::mutex Mutex_;
  std::vector<std::string> Received_;
  std::vector<std::string> Moderated_;
};

int main() {
  GreeterImpl Service;
  grpc::ServerBuilder Builder;
  Builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  Builder.RegisterService(&Service);
  std::unique_ptr<grpc::Server> Server = Builder.BuildAndStart();
  Server->Wait();
}
