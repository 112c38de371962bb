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

llvm::ArrayRef<llvm::StringRef> completionOnlyTaskProducers() {
  static constexpr llvm::StringRef Functions[] = {
      // cpprestsdk sends the reply whether or not its task is kept; every
      // handler in the SDK's samples drops it.
      "::web::http::http_request::reply",
      "::web::http::http_request::_reply_if_not_already",
      // A task that is already complete: nothing runs, nothing can fail.
      "::pplx::task_from_result",
      "::Concurrency::task_from_result",
      // cpprestsdk's stream buffers run the operations issued on one buffer
      // in order, so the next operation, or the task of close(), completes
      // after a dropped one; on an in-memory buffer (container, producer/
      // consumer, raw pointer) they complete before the call returns. The
      // SDK itself drops them.
      "::Concurrency::streams::streambuf::putc",
      "::Concurrency::streams::streambuf::putn",
      "::Concurrency::streams::streambuf::putn_nocopy",
      "::Concurrency::streams::streambuf::getn",
      "::Concurrency::streams::streambuf::sync",
      "::Concurrency::streams::streambuf::close",
      "::Concurrency::streams::basic_ostream::write",
      "::Concurrency::streams::basic_ostream::print",
      "::Concurrency::streams::basic_ostream::flush",
      "::Concurrency::streams::basic_ostream::close",
      "::Concurrency::streams::basic_istream::close",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> blockingFutureSpawners() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::async",
      "::boost::async",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> lazyTaskTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::asio::awaitable",
      "::boost::asio::awaitable",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> detachedTaskSpawners() {
  static constexpr llvm::StringRef Functions[] = {
      "::pplx::create_task",
      "::Concurrency::create_task",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> futureJoinMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "get", "wait", "wait_for", "wait_until", "timed_wait", "then",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> futureInspectorMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "valid", "is_ready", "is_done", "has_value", "has_exception",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> futureContinuationMethods() {
  static constexpr llvm::StringRef Methods[] = {"then"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> futureRethrowingMethods() {
  static constexpr llvm::StringRef Methods[] = {"get", "wait"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> containerObserverMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "size", "empty", "capacity", "reserve", "max_size",
  };
  return Methods;
}

} // namespace clang::tidy::leak::catalog
