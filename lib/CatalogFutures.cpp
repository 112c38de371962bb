//===-- CatalogFutures.cpp - futures, tasks and spawn functions -----------===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> futureTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::future",
      "::std::shared_future",
      "::std::experimental::future",
      "::std::experimental::shared_future",
      "::boost::future",
      "::boost::shared_future",
      "::boost::unique_future",
      "::pplx::task",
      "::Concurrency::task",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> blockingFutureSpawners() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::async",
      "::boost::async",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> futureJoinMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "get", "wait", "wait_for", "wait_until", "then", "share", "is_done",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> detachedTaskSpawners() {
  static constexpr llvm::StringRef Functions[] = {
      "::pplx::create_task",
      "::Concurrency::create_task",
  };
  return Functions;
}

} // namespace clang::tidy::leak::catalog
