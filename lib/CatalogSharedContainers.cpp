//===-- CatalogSharedContainers.cpp - bounded caches, eviction, locks -----===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> boundedContainerTypes() {
  static constexpr llvm::StringRef Types[] = {
      // Boost: a ring buffer overwrites its oldest element once full.
      "::boost::circular_buffer",
      "::boost::circular_buffer_space_optimized",
      // Caches with a capacity given at construction.
      "::boost::compute::detail::lru_cache",
      "::tbb::concurrent_lru_cache",
      "::folly::EvictingCacheMap",
      // The usual names of in-house LRU caches, in any namespace.
      "LruCache",
      "LRUCache",
      "lru_cache",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> evictionFunctionPatterns() {
  static constexpr llvm::StringRef Patterns[] = {
      // evict, evictExpired, prune_old, trimTo, expire, purge, compact...
      "(^|::)_?([Ee]vict|[Pp]rune|[Tt]rim|[Ee]xpire|[Pp]urge|[Cc]ompact|"
      "[Gg]arbage[Cc]ollect)[A-Za-z0-9_]*$",
  };
  return Patterns;
}

llvm::ArrayRef<llvm::StringRef> lockGuardTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::lock_guard",   "::std::unique_lock",   "::std::scoped_lock",
      "::std::shared_lock",  "::boost::lock_guard",  "::boost::unique_lock",
      "::boost::shared_lock",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> containerSizeMethods() {
  static constexpr llvm::StringRef Methods[] = {"size"};
  return Methods;
}

} // namespace clang::tidy::leak::catalog
