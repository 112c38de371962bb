// REQUIRES: httplib
// RUN: %check_leak_tidy %s leak-unbounded-shared-container %t

// cpp-httplib routes (the real header) that keep something per request in a
// map shared with the code that registered them, or in the server object.

#include <httplib.h>

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

constexpr std::size_t kMaxCarts = 10000;

// ---- Positives ------------------------------------------------------------

// A map shared by the routes through a shared_ptr they capture.
void installCarts(httplib::Server &Server) {
  auto Carts = std::make_shared<std::unordered_map<std::string, std::string>>();
  auto Mutex = std::make_shared<std::shared_mutex>();
  Server.Post("/cart", [Carts, Mutex](const httplib::Request &Req, httplib::Response &Res) {
    std::unique_lock<std::shared_mutex> Lock(*Mutex);
    (*Carts)[Req.get_header_value("X-Session")] = Req.body;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*Carts' grows with every request and lives beyond it as a container the handler captures from outside; holding 'Lock' serializes the insertions but does not bound them, and nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
    Res.set_content("ok", "text/plain");
  });
  Server.Get("/cart", [Carts, Mutex](const httplib::Request &Req, httplib::Response &Res) {
    std::shared_lock<std::shared_mutex> Lock(*Mutex);
    auto Found = Carts->find(Req.get_header_value("X-Session"));
    Res.set_content(Found == Carts->end() ? "" : Found->second, "text/plain");
  });
}

// A member of the object that owns the server.
class Gateway {
public:
  explicit Gateway(httplib::Server &Server) {
    Server.Get("/track", [this](const httplib::Request &Req, httplib::Response &Res) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      Visits_.push_back(Req.path);
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Visits_' grows with every request and lives beyond it as a member of 'Gateway'; holding 'Lock' serializes
      Res.set_content("ok", "text/plain");
    });
    using namespace std::placeholders;
    Server.Get("/tags", std::bind(&Gateway::tag, this, _1, _2));
  }

private:
  void tag(const httplib::Request &Req, httplib::Response &Res) {
    Tags_.emplace(Req.get_param_value("id"), Req.body);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Tags_' grows with every request and lives beyond it as a member of 'Gateway'; nothing
  }

  std::mutex Mutex_;
  std::vector<std::string> Visits_;
  std::multimap<std::string, std::string> Tags_;
};

// ---- Look-alike negatives -------------------------------------------------

// Capped by a size check, and erased by the route that deletes.
void installBoundedCarts(httplib::Server &Server) {
  auto Carts = std::make_shared<std::map<std::string, std::string>>();
  auto Mutex = std::make_shared<std::mutex>();
  Server.Post("/bounded", [Carts, Mutex](const httplib::Request &Req, httplib::Response &Res) {
    std::lock_guard<std::mutex> Lock(*Mutex);
    if (Carts->size() >= kMaxCarts) {
      Res.status = 503;
      return;
    }
    Carts->insert_or_assign(Req.get_header_value("X-Session"), Req.body);
  });
  auto Sessions = std::make_shared<std::map<std::string, std::string>>();
  Server.Post("/login", [Sessions](const httplib::Request &Req, httplib::Response &) {
    Sessions->emplace(Req.get_header_value("X-Session"), Req.body);
  });
  Server.Post("/logout", [Sessions](const httplib::Request &Req, httplib::Response &) {
    Sessions->erase(Req.get_header_value("X-Session"));
  });
}

// A map local to the route, and one per request built in the handler.
void installLocal(httplib::Server &Server) {
  Server.Get("/params", [](const httplib::Request &Req, httplib::Response &Res) {
    std::map<std::string, std::string> Params;
    for (const auto &Param : Req.params)
      Params.emplace(Param.first, Param.second);
    auto PerRequest = std::make_shared<std::vector<std::string>>();
    PerRequest->push_back(Req.path);
    Res.set_content(std::to_string(Params.size()), "text/plain");
  });
}

int main() {
  httplib::Server Server;
  installCarts(Server);
  Gateway G(Server);
  installBoundedCarts(Server);
  installLocal(Server);
  Server.listen("0.0.0.0", 8080);
}
