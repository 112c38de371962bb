// REQUIRES: pqxx
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// libpqxx 6.4: stream_from, icursorstream, transactions and results captured
// into callables that outlive the request, next to the safe versions.

#include <pqxx/pqxx>

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

void send(const std::string &Line);
std::function<void()> OnShutdown;

// ---- Positives --------------------------------------------------------------

void exportDetached(pqxx::work &Txn) {
  pqxx::stream_from Rows(Txn, "orders");
  std::thread([&Rows] {
    std::tuple<long, std::string> Row;
    while (Rows >> Row)
      send(std::get<1>(Row));
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-5]]:17: warning: stream 'Rows' ('pqxx::stream_from') is captured by reference in a lambda that runs on a detached thread: the reference dangles once 'exportDetached' returns; finish with the stream inside 'exportDetached' or keep the lambda from outliving it [leak-captured-stream]
}

class ReportBuilder {
public:
  void startPaging(pqxx::work &Txn) {
    pqxx::icursorstream Pages(Txn, "SELECT id FROM orders", "report_cursor", 500);
    Running = std::async(std::launch::async, [&Pages] {
      pqxx::result Page;
      while (Pages >> Page)
        send(Page[0][0].c_str());
    });
    // CHECK-MESSAGES: :[[@LINE-5]]:48: warning: stream 'Pages' ('pqxx::icursorstream') is captured by reference in a lambda that runs under 'std::async' whose future is stored in member 'Running'
  }

  void keepResult(pqxx::work &Txn) {
    pqxx::result Orders = Txn.exec("SELECT id FROM orders");
    Renderers.push_back([&Orders] { return Orders.size(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: stream 'Orders' ('pqxx::result') is captured by reference in a lambda that is added to member 'Renderers'
  }

private:
  std::future<void> Running;
  std::vector<std::function<std::size_t()>> Renderers;
};

void commitOnShutdown(pqxx::connection &Conn) {
  pqxx::work Txn(Conn);
  OnShutdown = [&Txn] { Txn.commit(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: stream 'Txn' ('pqxx::work') is captured by reference in a lambda that is stored in global 'OnShutdown'
}

void exportShared(pqxx::work &Txn) {
  auto Rows = std::make_shared<pqxx::stream_from>(Txn, "orders");
  std::thread([Rows] {
    std::tuple<long, std::string> Row;
    while (*Rows >> Row)
      send(std::get<1>(Row));
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-5]]:16: warning: stream 'Rows' ('pqxx::stream_from') is kept alive by an owning capture in a lambda that runs on a detached thread: its lifetime extends past the request with its cursor, buffers and connection; capture a 'std::weak_ptr' and lock it, or finish with the stream inside 'exportShared' [leak-captured-stream]
  // CHECK-FIXES: {{^}}  std::thread([weak_Rows = std::weak_ptr(Rows)] {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto Rows = weak_Rows.lock();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Rows){{$}}
  // CHECK-FIXES-NEXT: {{^}}      return;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::tuple<long, std::string> Row;{{$}}
}

// A per-request job that owns its stream and hands 'this' to a thread.
class ExportJob {
public:
  ExportJob(pqxx::work &Txn) : Rows(Txn, "orders") {}
  void run() {
    std::thread([this] {
      std::tuple<long, std::string> Row;
      while (Rows >> Row)
        send(std::get<1>(Row));
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-3]]:14: warning: stream member 'Rows' ('pqxx::stream_from') is used through 'this' in a lambda that runs on a detached thread: the reference dangles once the object is destroyed
  }

private:
  pqxx::stream_from Rows;
};

// ---- Look-alike negatives ---------------------------------------------------

void exportInRequest(pqxx::work &Txn) {
  pqxx::stream_from Rows(Txn, "orders");
  auto Drain = [&Rows] {
    std::tuple<long, std::string> Row;
    while (Rows >> Row)
      send(std::get<1>(Row));
  };
  Drain();
  Rows.complete();
}

void exportJoined(pqxx::work &Txn) {
  pqxx::stream_from Rows(Txn, "orders");
  std::thread Worker([&Rows] {
    std::tuple<long, std::string> Row;
    while (Rows >> Row)
      send(std::get<1>(Row));
  });
  Worker.join();
}

void resultByValue(pqxx::work &Txn) {
  // A copy of the result: the lambda holds rows, not the request's stream.
  pqxx::result Orders = Txn.exec("SELECT id FROM orders");
  std::thread([Orders] { send(Orders[0][0].c_str()); }).detach();
}

void weakHandle(pqxx::work &Txn) {
  auto Rows = std::make_shared<pqxx::stream_from>(Txn, "orders");
  std::thread([Weak = std::weak_ptr<pqxx::stream_from>(Rows)] {
    if (auto Locked = Weak.lock()) {
      std::tuple<long, std::string> Row;
      *Locked >> Row;
    }
  }).detach();
  Rows->complete();
}

std::size_t countInAsync(pqxx::work &Txn) {
  pqxx::result Orders = Txn.exec("SELECT id FROM orders");
  auto Counted = std::async(std::launch::async, [&Orders] { return Orders.size(); });
  return Counted.get();
}
