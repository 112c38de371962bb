// RUN: %check_leak_tidy %s leak-unbounded-shared-container %t -- \
// RUN:   -config="{CheckOptions: [ \
// RUN:     {key: leak-unbounded-shared-container.BoundedContainerTypes, value: '::infra::BoundedMap'}, \
// RUN:     {key: leak-unbounded-shared-container.EvictionFunctions, value: '^infra::Janitor::sweep$'}, \
// RUN:     {key: leak-unbounded-shared-container.LockTypes, value: '::infra::SpinGuard'}, \
// RUN:     {key: leak-unbounded-shared-container.HandlerFunctions, value: '^api::handle[A-Z]'}]}" \
// RUN:   -- -I %S/../Inputs/crow

// An in-house framework described through the options: handlers found by
// name, the project's own bounded map, eviction function and lock guard.
// Every list replaces its default.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace infra {
// A map with a capacity, evicting on insertion (defined elsewhere).
template <typename K, typename V> class BoundedMap {
public:
  explicit BoundedMap(std::size_t Capacity);
  void insert(const K &Key, const V &Value);
  std::size_t size() const;
  typename std::map<K, V>::iterator begin();
};
struct SpinLock {
  void lock();
  void unlock();
};
class SpinGuard {
public:
  explicit SpinGuard(SpinLock &L);
  ~SpinGuard();
};
struct Janitor {
  static void sweep(std::vector<std::string> &Items);
};
} // namespace infra

// A map named like an LRU cache is not bounded by this configuration.
template <typename K, typename V> class LruCache {
public:
  void insert(const K &Key, const V &Value);
  std::size_t size() const;
  typename std::map<K, V>::iterator begin();
};

namespace api {
infra::SpinLock gLock;
infra::BoundedMap<std::string, std::string> gBounded(1000);
LruCache<std::string, std::string> gNamedLikeLru;
std::vector<std::string> gSwept;
std::vector<std::string> gGrowing;
std::vector<std::string> gNotSwept;

void handleOrder(const std::string &Id) {
  infra::SpinGuard Guard(gLock);
  gBounded.insert(Id, Id);
  gNamedLikeLru.insert(Id, Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'gNamedLikeLru' grows with every request and lives beyond it as a global; holding 'Guard' serializes the insertions but does not bound them, and nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
  gSwept.push_back(Id);
  gGrowing.push_back(Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'gGrowing' grows with every request and lives beyond it as a global; holding 'Guard'
}

// Not a handler by this configuration's name pattern.
void processOrder(const std::string &Id) { gNotSwept.push_back(Id); }

// Named like an eviction function, but the configuration names another.
void evictAll() { gGrowing.push_back(""); }

void maintenance() { infra::Janitor::sweep(gSwept); }
} // namespace api

// The default lock types are not locks for this configuration.
std::mutex gMutex;
std::vector<std::string> gLocked;
namespace api {
void handleLogin(const std::string &User) {
  std::lock_guard<std::mutex> Lock(gMutex);
  gLocked.push_back(User);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'gLocked' grows with every request and lives beyond it as a global; nothing in this translation unit erases, clears or caps it: cap its size and evict old entries, or use a bounded cache [leak-unbounded-shared-container]
}
} // namespace api
