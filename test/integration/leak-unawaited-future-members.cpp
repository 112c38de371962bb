// REQUIRES: cpprest
// RUN: %check_leak_tidy %s leak-unawaited-future %t

// Tasks kept in a data member or a global: one that no code of the file
// waits on, gets or chains is lost with its errors; one replaced in a loop or
// a callback without waiting for the task it holds loses that task. With the
// real cpprestsdk headers (pplx tasks) and <future>.

#include <cpprest/http_client.h>

#include <future>
#include <string>
#include <vector>

using web::http::client::http_client;
using web::http::http_response;
using web::http::methods;

class Heartbeat {
public:
  explicit Heartbeat(http_client &Client) : Client_(Client) {}
  void beat() {
    Last_ = Client_.request(methods::POST, U("/heartbeat"));
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'pplx::task<web::http::http_response>' stored in 'Last_' is never awaited: no code in this file waits on, gets or chains it, so its result and exceptions are lost and nothing waits for the work; wait for it where its owner stops (a 'stop()' or the destructor) [leak-unawaited-future]
    // CHECK-MESSAGES: :[[@LINE+8]]:29: note: 'Last_' is declared here
  }
  bool busy() const { return !Last_.is_done(); }

private:
  http_client &Client_;
  // Assigned and inspected only: reported once, at the first assignment.
  void again() { Last_ = Client_.request(methods::GET); }
  pplx::task<http_response> Last_;
};

pplx::task<http_response> LastAudit;

void audit(http_client &Client) {
  LastAudit = Client.request(methods::POST, U("/audit"));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pplx::task<web::http::http_response>' stored in 'LastAudit' is never awaited
  // CHECK-MESSAGES: :[[@LINE-5]]:27: note: 'LastAudit' is declared here
}

// Awaited in stop(), but replaced for every item without waiting for the
// task before.
class Uploader {
public:
  explicit Uploader(http_client &Client) : Client_(Client) {}
  void uploadAll(const std::vector<std::string> &Items) {
    for (const std::string &Item : Items)
      Pending_ = Client_.request(methods::PUT, U("/items"));
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'pplx::task<web::http::http_response>' in 'Pending_' is replaced here while the task it holds may still run: that task is never awaited, so its result and exceptions are lost; wait for it (or chain the new task to it) before replacing it [leak-unawaited-future]
  }
  void stop() { Pending_.wait(); }

private:
  http_client &Client_;
  pplx::task<http_response> Pending_;
};

// Look-alikes.
class Waited {
public:
  explicit Waited(http_client &Client) : Client_(Client) {}
  void send() { Pending_ = Client_.request(methods::POST); }
  ~Waited() {
    try {
      Pending_.wait();
    } catch (...) {
    }
  }

private:
  http_client &Client_;
  pplx::task<http_response> Pending_;
};

class Chained {
public:
  explicit Chained(http_client &Client) : Client_(Client) {}
  void sendAll(int Count) {
    for (int I = 0; I < Count; ++I) {
      // The task before is waited for first.
      Pending_.wait();
      Pending_ = Client_.request(methods::POST);
    }
  }
  pplx::task<http_response> last() { return Pending_; }

private:
  http_client &Client_;
  pplx::task<http_response> Pending_;
};

class Reset {
public:
  void clear() { Pending_ = pplx::task<void>(); }
  void finish() { Pending_.wait(); }

private:
  pplx::task<void> Pending_;
};

// An std::async future in a member is waited for by its object's
// destructor.
class Worker {
public:
  void start() {
    Done_ = std::async(std::launch::async, [] { return 1; });
  }

private:
  std::future<int> Done_;
};
