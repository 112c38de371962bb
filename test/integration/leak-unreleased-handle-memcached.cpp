// REQUIRES: memcached
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// libmemcached handles, pooled handles and the values memcached_get and
// memcached_fetch allocate (released with free), with the real headers of
// libmemcached-dev.

#include <libmemcached/memcached.h>
#include <libmemcached/util.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

// The value leaks when its flags do not match.
bool readSession(memcached_st *Cache, const std::string &Key, std::string &Out) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *Value = memcached_get(Cache, Key.data(), Key.size(), &Len, &Flags, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: handle 'Value' acquired by 'memcached_get' is not released on every path: it leaks each time such a path runs; call 'free' on every path or own it with 'std::unique_ptr<char, decltype(&free)>' [leak-unreleased-handle]
  if (!Value)
    return false;
  if (Flags != 1)
    return false;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Value' leaks when the function returns here
  Out.assign(Value, Len);
  std::free(Value);
  return true;
}

// Values copied straight into a std::string or printed: nothing frees them.
std::string readRaw(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  std::string Value = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: handle returned by 'memcached_get' is copied into a 'basic_string' and never released: it leaks each time this code runs; store it and call 'free' on it after the copy [leak-unreleased-handle]
  return Value;
}

std::string readByKey(memcached_st *Cache, const char *Group, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  return std::string(memcached_get_by_key(Cache, Group, std::strlen(Group), Key, std::strlen(Key),
                                          &Len, &Flags, &Rc));
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: handle returned by 'memcached_get_by_key' is copied into a 'basic_string' and never released
}

void printValue(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  std::printf("%s\n", memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: handle returned by 'memcached_get' is passed straight to 'printf', which does not release it: it leaks each time this code runs; store it and call 'free' on it after the call [leak-unreleased-handle]
}

// A skipped value of a multi-get is overwritten by the next fetch.
std::vector<std::string> multiGet(memcached_st *Cache, const char *const *Keys,
                                  const size_t *KeyLens, size_t Count) {
  std::vector<std::string> Out;
  if (memcached_mget(Cache, Keys, KeyLens, Count) != MEMCACHED_SUCCESS)
    return Out;
  char Key[MEMCACHED_MAX_KEY];
  size_t KeyLen = 0;
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *Value = nullptr;
  while ((Value = memcached_fetch(Cache, Key, &KeyLen, &Len, &Flags, &Rc)) != nullptr) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Value' acquired by 'memcached_fetch' is acquired again before it is released: every earlier handle leaks; call 'free' before acquiring the next one [leak-unreleased-handle]
    if (Flags == 2)
      continue;
    Out.emplace_back(Value, Len);
    std::free(Value);
  }
  return Out;
}

// The handle leaks when the server cannot be added.
memcached_st *connectTo(const char *Host) {
  memcached_st *Cache = memcached_create(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: handle 'Cache' acquired by 'memcached_create' is not released on every path: it leaks each time such a path runs; call 'memcached_free' on every path or own it with 'std::unique_ptr<memcached_st, decltype(&memcached_free)>' [leak-unreleased-handle]
  if (!Cache)
    return nullptr;
  if (memcached_server_add(Cache, Host, 11211) != MEMCACHED_SUCCESS)
    return nullptr;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Cache' leaks when the function returns here
  return Cache;
}

// A handle configured from an option string, dropped when the server is
// unreachable.
bool ping(const char *Config) {
  memcached_st *Cache = memcached(Config, std::strlen(Config));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: handle 'Cache' acquired by 'memcached' is not released on every path
  // CHECK-FIXES: {{^}}  std::unique_ptr<memcached_st, decltype(&memcached_free)> Cache(memcached(Config, std::strlen(Config)), &memcached_free);{{$}}
  const memcached_return_t Rc = memcached_version(Cache);
  // CHECK-FIXES: {{^}}  const memcached_return_t Rc = memcached_version(Cache.get());{{$}}
  if (Rc != MEMCACHED_SUCCESS)
    return false;
  memcached_free(Cache);
  return true;
}
// CHECK-FIXES: {{^}}    return false;{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// A pooled handle not pushed back when the touch fails: the pool runs dry.
bool pooledTouch(memcached_pool_st *Pool, const std::string &Key) {
  memcached_return_t Rc;
  memcached_st *Cache = memcached_pool_pop(Pool, true, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: handle 'Cache' acquired by 'memcached_pool_pop' is not released on every path
  if (!Cache)
    return false;
  if (memcached_touch(Cache, Key.data(), Key.size(), 600) != MEMCACHED_SUCCESS)
    return false;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Cache' leaks when the function returns here
  memcached_pool_push(Pool, Cache);
  return true;
}

// A value kept in a local and copied into a std::string: the string copies
// the characters, the value itself is never freed.
std::string readCopied(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *V = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: handle 'V' acquired by 'memcached_get' is not released on every path: it leaks each time such a path runs; call 'free' on every path or own it with 'std::unique_ptr<char, decltype(&free)>' [leak-unreleased-handle]
  if (!V)
    return std::string();
  std::string Out = V;
  return Out;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'V' leaks when the function returns here
}

std::string readCopiedWithLength(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *V = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: handle 'V' acquired by 'memcached_get' is not released on every path: it leaks each time such a path runs; call 'free' on every path or own it with 'std::unique_ptr<char, decltype(&free)>' [leak-unreleased-handle]
  if (!V)
    return std::string();
  return std::string(V, Len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'V' leaks when the function returns here
}

void collectValue(memcached_st *Cache, const char *Key, std::vector<std::string> &Vec) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *V = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: handle 'V' acquired by 'memcached_get' is not released on every path: it leaks each time such a path runs; call 'free' on every path or own it with 'std::unique_ptr<char, decltype(&free)>' [leak-unreleased-handle]
  if (V)
    Vec.push_back(V);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'V' leaks at the end of the function

// ---- Look-alike negatives: released on every path --------------------------

bool readSessionReleased(memcached_st *Cache, const std::string &Key, std::string &Out) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *Value = memcached_get(Cache, Key.data(), Key.size(), &Len, &Flags, &Rc);
  if (!Value)
    return false;
  const bool Ok = Flags == 1;
  if (Ok)
    Out.assign(Value, Len);
  std::free(Value);
  return Ok;
}

std::string readOwned(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  std::unique_ptr<char, decltype(&std::free)> Value(
      memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc), &std::free);
  return Value ? std::string(Value.get(), Len) : std::string();
}

std::vector<std::string> multiGetReleased(memcached_st *Cache, const char *const *Keys,
                                          const size_t *KeyLens, size_t Count) {
  std::vector<std::string> Out;
  if (memcached_mget(Cache, Keys, KeyLens, Count) != MEMCACHED_SUCCESS)
    return Out;
  char Key[MEMCACHED_MAX_KEY];
  size_t KeyLen = 0;
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  for (;;) {
    char *Value = memcached_fetch(Cache, Key, &KeyLen, &Len, &Flags, &Rc);
    if (!Value)
      break;
    if (Flags != 2)
      Out.emplace_back(Value, Len);
    std::free(Value);
  }
  return Out;
}

memcached_st *connectToReleased(const char *Host) {
  memcached_st *Cache = memcached_create(nullptr);
  if (!Cache)
    return nullptr;
  if (memcached_server_add(Cache, Host, 11211) != MEMCACHED_SUCCESS) {
    memcached_free(Cache);
    return nullptr;
  }
  return Cache;
}

bool pooledTouchReleased(memcached_pool_st *Pool, const std::string &Key) {
  memcached_return_t Rc;
  memcached_st *Cache = memcached_pool_pop(Pool, true, &Rc);
  if (!Cache)
    return false;
  Rc = memcached_touch(Cache, Key.data(), Key.size(), 600);
  memcached_pool_push(Pool, Cache);
  return Rc == MEMCACHED_SUCCESS;
}

// memcached_pool_release gives a popped or fetched handle back as well.
bool pooledDelete(memcached_pool_st *Pool, const std::string &Key) {
  memcached_return_t Rc;
  memcached_st *Cache = memcached_pool_fetch(Pool, nullptr, &Rc);
  if (!Cache)
    return false;
  Rc = memcached_delete(Cache, Key.data(), Key.size(), 0);
  memcached_pool_release(Pool, Cache);
  return Rc == MEMCACHED_SUCCESS;
}

bool pooledExists(memcached_pool_st *Pool, const std::string &Key) {
  memcached_return_t Rc;
  memcached_st *Cache = memcached_pool_pop(Pool, false, &Rc);
  if (!Cache)
    return false;
  Rc = memcached_exist(Cache, Key.data(), Key.size());
  memcached_pool_release(Pool, Cache);
  return Rc == MEMCACHED_SUCCESS;
}

// A fetch loop that frees every value: the loop stops at the null that ends
// the results, so nothing is overwritten unreleased.
long countFetched(memcached_st *Cache, const char *const *Keys, const size_t *KeyLens,
                  size_t Count) {
  if (memcached_mget(Cache, Keys, KeyLens, Count) != MEMCACHED_SUCCESS)
    return -1;
  char Key[MEMCACHED_MAX_KEY];
  size_t KeyLen = 0;
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *Value = nullptr;
  long N = 0;
  while ((Value = memcached_fetch(Cache, Key, &KeyLen, &Len, &Flags, &Rc)) != nullptr) {
    ++N;
    std::free(Value);
  }
  return N;
}

long countFetchedPlain(memcached_st *Cache, const char *const *Keys, const size_t *KeyLens,
                       size_t Count) {
  if (memcached_mget(Cache, Keys, KeyLens, Count) != MEMCACHED_SUCCESS)
    return -1;
  char Key[MEMCACHED_MAX_KEY];
  size_t KeyLen = 0;
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *Value = nullptr;
  long N = 0;
  while ((Value = memcached_fetch(Cache, Key, &KeyLen, &Len, &Flags, &Rc))) {
    ++N;
    std::free(Value);
  }
  return N;
}

// Copied into a std::string, then freed.
std::string readCopiedReleased(memcached_st *Cache, const char *Key) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *V = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  if (!V)
    return std::string();
  std::string Out(V, Len);
  std::free(V);
  return Out;
}

void collectValueReleased(memcached_st *Cache, const char *Key, std::vector<std::string> &Vec) {
  size_t Len = 0;
  uint32_t Flags = 0;
  memcached_return_t Rc;
  char *V = memcached_get(Cache, Key, std::strlen(Key), &Len, &Flags, &Rc);
  if (!V)
    return;
  Vec.push_back(V);
  std::free(V);
}
