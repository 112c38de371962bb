//===-- CatalogDetached.cpp - threads, executors and how work is stopped --===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> threadTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::thread",
      "::std::jthread",
      "::boost::thread",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> threadDetachMethods() {
  static constexpr llvm::StringRef Methods[] = {"detach"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> threadJoinMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "join",           "request_stop",   "interrupt",
      "try_join_for",   "try_join_until", "timed_join",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> workSchedulers() {
  static constexpr llvm::StringRef Functions[] = {
      "::asio::co_spawn",
      "::asio::post",
      "::asio::dispatch",
      "::asio::defer",
      "::asio::io_context::post",
      "::asio::io_context::dispatch",
      "::asio::io_context::strand::post",
      "::asio::io_context::strand::dispatch",
      "::asio::basic_waitable_timer::async_wait",
      "::asio::basic_deadline_timer::async_wait",
      "::boost::asio::co_spawn",
      "::boost::asio::post",
      "::boost::asio::dispatch",
      "::boost::asio::defer",
      "::boost::asio::io_context::post",
      "::boost::asio::io_context::dispatch",
      "::boost::asio::io_context::strand::post",
      "::boost::asio::io_context::strand::dispatch",
      "::boost::asio::basic_waitable_timer::async_wait",
      "::boost::asio::basic_deadline_timer::async_wait",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> detachedCompletionTokens() {
  static constexpr llvm::StringRef Types[] = {
      "::asio::detached_t",
      "::boost::asio::detached_t",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> runOnceFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::call_once",
      "::boost::call_once",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> asyncLaunchPolicies() {
  static constexpr llvm::StringRef Policies[] = {
      "::std::launch::async",
      "::boost::launch::async",
  };
  return Policies;
}

llvm::ArrayRef<llvm::StringRef> cancellationTokenTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::pplx::cancellation_token",
      "::Concurrency::cancellation_token",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> emptyCancellationTokens() {
  static constexpr llvm::StringRef Functions[] = {
      "::pplx::cancellation_token::none",
      "::Concurrency::cancellation_token::none",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> stopTokenTypes() {
  static constexpr llvm::StringRef Types[] = {"::std::stop_token"};
  return Types;
}

llvm::ArrayRef<llvm::StringRef> conditionVariableTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::condition_variable",
      "::std::condition_variable_any",
      "::boost::condition_variable",
      "::boost::condition_variable_any",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> conditionWaitMethods() {
  static constexpr llvm::StringRef Methods[] = {"wait", "wait_for",
                                                "wait_until"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> cancellationSignalTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::asio::cancellation_signal",
      "::boost::asio::cancellation_signal",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> cancellationSlotBinders() {
  static constexpr llvm::StringRef Functions[] = {
      "::asio::bind_cancellation_slot",
      "::boost::asio::bind_cancellation_slot",
  };
  return Functions;
}

const CancellationSignalUse &cancellationSignalUse() {
  static const CancellationSignalUse Use{"slot",
                                         "emit(%ns::cancellation_type::all)"};
  return Use;
}

const StoppableThreadRewrite &stoppableThreadRewrite() {
  static const StoppableThreadRewrite Rewrite{"::std::thread", "std::jthread",
                                              "std::stop_token",
                                              "stop_requested"};
  return Rewrite;
}

} // namespace clang::tidy::leak::catalog
