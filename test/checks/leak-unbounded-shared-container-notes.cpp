// RUN: %check_leak_tidy %s leak-unbounded-shared-container %t -- -- -I %S/../Inputs/crow

// Every note: where the container lives, the calls from the handler down to
// the insertion, why the handler runs per request, the lock, and how to bound
// the container.

#include <crow.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class Gateway {
public:
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/track")([this](const crow::request &Req) {
      track(Req.url);
      return crow::response("ok");
    });
  }

private:
  void track(const std::string &Url) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    Visits_.push_back(Url);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Visits_' grows with every request and lives beyond it as a member of 'Gateway'; holding 'Lock' serializes the insertions but does not bound them, and nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
    // CHECK-NOTES: :[[@LINE+8]]:28: note: 'Visits_' is declared here: it lives as long as its 'Gateway' object
    // CHECK-NOTES: :[[@LINE-11]]:7: note: 'Gateway::track' is called here
    // CHECK-NOTES: :[[@LINE-13]]:31: note: the lambda is a request handler: it is registered with 'crow::TaggedRule::operator()' here
    // CHECK-NOTES: :[[@LINE-6]]:33: note: the lock taken here keeps concurrent insertions apart; it does not limit how many elements accumulate
    // CHECK-NOTES: :[[@LINE-6]]:13: note: to bound it, compare its size with a cap before inserting and evict an entry (the oldest or least recently used) when the cap is reached, or keep the entries in a cache type with a capacity (BoundedContainerTypes)
  }

  std::mutex Mutex_;
  std::vector<std::string> Visits_;
};

void install(crow::SimpleApp &App) {
  auto Carts = std::make_shared<std::map<std::string, std::string>>();
  CROW_ROUTE(App, "/cart")([Carts](const crow::request &Req) {
    (*Carts)[Req.get_header_value("X-User")] = Req.body;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: '*Carts' grows with every request and lives beyond it as a container the handler captures from outside; nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
    // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Carts' is declared here, outside the handler: every request reaches the same container
    // CHECK-NOTES: :[[@LINE-4]]:28: note: the lambda is a request handler: it is registered with 'crow::TaggedRule::operator()' here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: to bound it, compare its size with a cap before inserting and evict an entry (the oldest or least recently used) when the cap is reached, or keep the entries in a cache type with a capacity (BoundedContainerTypes)
    return crow::response("ok");
  });
}
