// RUN: %check_leak_tidy %s leak-unbounded-shared-container %t -- -- -I %S/../Inputs/crow

// Request handlers (Crow routes, functions taking the request) and message
// loops that insert into containers living beyond the request, beside
// look-alikes that are bounded, local, or not run per request.

#include <crow.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <istream>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

constexpr std::size_t kMaxEntries = 1024;

// ---- Positives ------------------------------------------------------------

// A member of the service, filled under a lock by a registered lambda.
class OrderService {
public:
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/orders")([this](const crow::request &Req) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      SeenBy_[Req.get_header_value("X-Client")] += 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SeenBy_' grows with every request and lives beyond it as a member of 'OrderService'; holding 'Lock' serializes the insertions but does not bound them, and nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
      // The check offers no fix-it: choosing a cap and an eviction policy
      // changes behaviour, so the line stays as written.
      // CHECK-FIXES: {{^}}      SeenBy_[Req.get_header_value("X-Client")] += 1;{{$}}
      return crow::response("ok");
    });
    CROW_ROUTE(App, "/history")([this](const crow::request &Req) {
      remember(Req.url);
      return crow::response("ok");
    });
    CROW_ROUTE(App, "/tags")([this](const crow::request &Req) {
      std::unique_lock<std::shared_mutex> Lock(TagsMutex_);
      Tags_.State.insert(Req.body);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Tags_.State' grows with every request and lives beyond it as a member of 'OrderService::TagSet'; holding 'Lock' serializes
      Tags_.ById.try_emplace(Req.url, Req.body);
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Tags_.ById' grows with every request and lives beyond it as a member of 'OrderService::TagSet'; holding 'Lock'
      return crow::response("ok");
    });
  }

private:
  // Called from a handler on the service itself.
  void remember(const std::string &Url) {
    History_.push_back(Url);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'History_' grows with every request and lives beyond it as a member of 'OrderService'; nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
  }

  struct TagSet {
    std::set<std::string> State;
    std::unordered_map<std::string, std::string> ById;
  };
  std::mutex Mutex_;
  std::shared_mutex TagsMutex_;
  std::map<std::string, int> SeenBy_;
  std::vector<std::string> History_;
  TagSet Tags_;
};

// A global, filled by a function that takes the request.
std::vector<std::string> gAuditTrail;
void audit(const crow::request &Req) {
  gAuditTrail.emplace_back(Req.body);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'gAuditTrail' grows with every request and lives beyond it as a global; nothing
}

// A static local of a handler.
void trackUsers(const crow::request &Req) {
  static std::unordered_set<std::string> Users;
  Users.insert(Req.get_header_value("X-User"));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Users' grows with every request and lives beyond it as a static local; nothing
}

// A static data member.
struct Metrics {
  static std::deque<std::string> Paths;
};
std::deque<std::string> Metrics::Paths;
void countPath(const crow::request &Req) {
  Metrics::Paths.push_back(Req.url);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Metrics::Paths' grows with every request and lives beyond it as a static member of 'Metrics'; nothing
}

// A singleton's member.
class Registry {
public:
  static Registry &instance() {
    static Registry Only;
    return Only;
  }
  std::list<std::string> Names;
};
void registerName(const crow::request &Req) {
  Registry::instance().Names.push_back(Req.body);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Registry::instance().Names' grows with every request and lives beyond it as a member of 'Registry'; nothing
}

// Containers the handlers capture from the function that registers them: a
// shared_ptr captured by copy, a map captured by reference.
void installSessions(crow::SimpleApp &App) {
  auto Sessions = std::make_shared<std::unordered_map<std::string, std::string>>();
  std::map<std::string, std::size_t> Sizes;
  CROW_ROUTE(App, "/login")([Sessions](const crow::request &Req) {
    Sessions->emplace(Req.url, Req.body);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Sessions' grows with every request and lives beyond it as a container the handler captures from outside; nothing
    return crow::response("ok");
  });
  CROW_ROUTE(App, "/size")([&Sizes](const crow::request &Req) {
    Sizes[Req.url] = Req.body.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Sizes' grows with every request and lives beyond it as a container the handler captures from outside; nothing
    return crow::response("ok");
  });
  App.run();
}

// A loop that reads one message per iteration, for as long as the stream
// lasts, keeps every line in a member.
class Tailer {
public:
  void follow(std::istream &In) {
    std::string Line;
    while (std::getline(In, Line))
      Lines_.push_back(Line);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Lines_' grows with every message and lives beyond it as a member of 'Tailer'; nothing
  }

private:
  std::vector<std::string> Lines_;
};

// ---- Negatives: bounded somewhere in the translation unit -----------------

class BoundedService {
public:
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/recent")([this](const crow::request &Req) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      // Capped by a size check guarding the insertion.
      if (Capped_.size() < kMaxEntries)
        Capped_.emplace(Req.url, Req.body);
      // Erased by another handler.
      Sessions_.insert({Req.url, Req.body});
      // Cleared by a periodic flush.
      Pending_.push_back(Req.body);
      // Swapped with a fresh container.
      Batch_.push_back(Req.body);
      // Reset with an empty one.
      Replaced_.push_back(Req.body);
      // Handed over with std::swap.
      Exchanged_.push_back(Req.body);
      // Trimmed by an eviction helper of the class.
      Expiring_[Req.url] = Req.body;
      // A fixed key: one entry, however many requests.
      Counters_["requests"] += 1;
      Counters_.emplace(std::string("total"), 0);
      // Through a local reference that is bounded too.
      auto &Alias = Aliased_;
      Alias.push_back(Req.body);
      // A size comparison on a count computed first.
      if (Window_.size() + 1 > kMaxEntries)
        Window_.pop_front();
      Window_.push_back(Req.body);
      return crow::response("ok");
    });
    CROW_ROUTE(App, "/logout")([this](const crow::request &Req) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      Sessions_.erase(Req.url);
      return crow::response("ok");
    });
  }
  void flush() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    Pending_.clear();
    std::vector<std::string>().swap(Batch_);
    Replaced_ = {};
    std::vector<std::string> Fresh;
    std::swap(Exchanged_, Fresh);
    auto &Ref = Aliased_;
    Ref.erase(Ref.begin());
  }
  void evictExpired();

private:
  std::mutex Mutex_;
  std::map<std::string, std::string> Capped_;
  std::map<std::string, std::string> Sessions_;
  std::vector<std::string> Pending_;
  std::vector<std::string> Batch_;
  std::vector<std::string> Replaced_;
  std::vector<std::string> Exchanged_;
  std::map<std::string, std::string> Expiring_;
  std::map<std::string, int> Counters_;
  std::vector<std::string> Aliased_;
  std::deque<std::string> Window_;
};

// A global erased with std::erase_if by another function of the file.
std::vector<std::string> gRecent;
void remember(const crow::request &Req) { gRecent.push_back(Req.body); }
void prune() {
  gRecent.erase(std::remove(gRecent.begin(), gRecent.end(), ""), gRecent.end());
}

// A cache with a declared capacity (BoundedContainerTypes: 'LruCache').
template <typename K, typename V> class LruCache {
public:
  explicit LruCache(std::size_t Capacity);
  void insert(const K &Key, const V &Value);
  std::size_t size() const;
  typename std::list<std::pair<K, V>>::iterator begin();
};
class CachingService {
public:
  CachingService() : Cache_(kMaxEntries) {}
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/cache")([this](const crow::request &Req) {
      Cache_.insert(Req.url, Req.body);
      return crow::response("ok");
    });
  }

private:
  LruCache<std::string, std::string> Cache_;
};

// A container class of the project that bounds itself on insertion.
class RingLog {
public:
  void push_back(const std::string &Line) {
    if (Lines_.size() == kMaxEntries)
      Lines_.pop_front();
    Lines_.push_back(Line);
  }
  std::size_t size() const { return Lines_.size(); }
  std::deque<std::string>::iterator begin() { return Lines_.begin(); }

private:
  std::deque<std::string> Lines_;
};
RingLog gRing;
void logRequest(const crow::request &Req) { gRing.push_back(Req.url); }

// 'Map[Key]' under a test that the key is there finds, it does not insert;
// the same test negated, or on another key, guards nothing.
class Dispatcher {
public:
  void dispatch(const crow::request &Req) {
    const std::string Method = Req.get_header_value("X-Method");
    if (Routes_.count(Method))
      Routes_[Method](Req);
    if (Routes_.find(Req.url) != Routes_.end() && !Req.body.empty())
      Routes_[Req.url](Req);
    if (Routes_.count(Req.body) > 0)
      Routes_[Req.body](Req);
    if (!Routes_.count(Req.url))
      Routes_[Req.url](Req);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Routes_' grows with every request
    if (Routes_.count(Method))
      Routes_[Req.url](Req);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Routes_' grows with every request
  }

private:
  std::map<std::string, std::function<void(const crow::request &)>> Routes_;
};

// ---- Negatives: not a container that outlives the request -----------------

// Local containers of a handler.
void local(const crow::request &Req) {
  std::vector<std::string> Parts;
  Parts.push_back(Req.url);
  std::map<std::string, std::string> Headers;
  Headers[Req.url] = Req.body;
  static thread_local int Calls = 0;
  ++Calls;
}

// An object that lives for one request.
class RequestLog {
public:
  void add(const std::string &Line) { Entries_.push_back(Line); }

private:
  std::vector<std::string> Entries_;
};
void handleWithLog(const crow::request &Req) {
  RequestLog Log;
  Log.add(Req.url);
}

// Not a handler, not a loop: runs when called, as often as the caller says.
class Catalog {
public:
  Catalog() { Names_.push_back("default"); }
  void preload(const std::string &Name) { Names_.push_back(Name); }
  // A loop over the items of a container: bounded by its input.
  void index(const std::vector<std::string> &Items) {
    for (const std::string &Item : Items)
      Index_.insert(Item);
  }

private:
  std::vector<std::string> Names_;
  std::set<std::string> Index_;
};

// A handler's parameter: the caller decides what it is.
void fill(const crow::request &Req, std::vector<std::string> &Out) {
  Out.push_back(Req.url);
}

// A map captured by copy in a mutable lambda is the lambda's own copy.
void installCopies(crow::SimpleApp &App) {
  std::vector<std::string> Copy;
  CROW_ROUTE(App, "/copy")([Copy](const crow::request &Req) mutable {
    Copy.push_back(Req.url);
    return crow::response("ok");
  });
}

// ---- Through local references and pointers --------------------------------

class Aliases {
public:
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/alias")([this](const crow::request &Req) {
      auto &ByRef = ByRef_;
      ByRef.push_back(Req.url);
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'ByRef' grows with every request and lives beyond it as a member of 'Aliases'; nothing
      std::vector<std::string> *ByPointer = &ByPointer_;
      ByPointer->push_back(Req.url);
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'ByPointer' grows with every request and lives beyond it as a member of 'Aliases'; nothing
      std::vector<std::string> Copy = Copied_;
      Copy.push_back(Req.url); // A copy: a local.
      return crow::response("ok");
    });
  }

private:
  std::vector<std::string> ByRef_;
  std::vector<std::string> ByPointer_;
  std::vector<std::string> Copied_;
};
