//===-- CatalogEscape.cpp - where callables go and who keeps them ---------===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> escapingSinks() {
  static constexpr llvm::StringRef Functions[] = {
      // Threads of the standard library and Boost that run a task and hand
      // back a future.
      "::std::async",
      "::boost::async",
      // Executors: the handler runs later, on whatever thread runs the
      // context.
      "::asio::post",
      "::asio::dispatch",
      "::asio::defer",
      "::asio::co_spawn",
      "::asio::spawn",
      "::boost::asio::post",
      "::boost::asio::dispatch",
      "::boost::asio::defer",
      "::boost::asio::co_spawn",
      "::boost::asio::spawn",
      // Task continuations of the C++ REST SDK.
      "::pplx::create_task",
      "::pplx::task::then",
      "::Concurrency::create_task",
      "::Concurrency::task::then",
      // gRPC callback API: the completion callback runs when the RPC ends.
      "::grpc::internal::CallbackUnaryCall",
      "::grpc::TemplatedGenericStub::UnaryCall",
      // Signal/slot connections keep the slot until disconnected.
      "::boost::signals2::signal::connect",
      "::boost::signals2::signal::connect_extended",
      "::QObject::connect",
      "::QTimer::singleShot",
      // HTTP servers: content providers run after the handler has returned.
      "::httplib::Response::set_content_provider",
      "::httplib::Response::set_chunked_content_provider",
      "::web::http::experimental::listener::http_listener::support",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> escapingSinkPatterns() {
  static constexpr llvm::StringRef Patterns[] = {
      // Every asynchronous operation of asio and Beast keeps its completion
      // handler until the operation completes: timers, sockets, resolvers,
      // acceptors, streams, and the free async_read/async_write family.
      "^::(boost::)?asio::(.+::)?async_[A-Za-z0-9_]+$",
      "^::boost::beast::(.+::)?async_[A-Za-z0-9_]+$",
      // Member post/dispatch/defer/execute of contexts, strands, executors.
      "^::(boost::)?asio::.+::(post|dispatch|defer|execute)$",
      // Generated gRPC stubs: Service::Stub::async::Method(..., callback).
      "^::.+::Stub::(async|async_interface)::[A-Za-z0-9_]+$",
      "^::.+::StubInterface::async_interface::[A-Za-z0-9_]+$",
  };
  return Patterns;
}

llvm::ArrayRef<llvm::StringRef> requestScopedSinks() {
  static constexpr llvm::StringRef Functions[] = {
      "::httplib::Response::set_content_provider",
      "::httplib::Response::set_chunked_content_provider",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> joiningThreadTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::jthread",
      "::boost::scoped_thread",
      "::boost::strict_scoped_thread",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> callableOwnerTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::asio::io_context",
      "::asio::thread_pool",
      "::boost::asio::io_context",
      "::boost::asio::thread_pool",
      "::boost::signals2::signal",
      "::web::http::experimental::listener::http_listener",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> callableWrapperTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::function",
      "::std::move_only_function",
      "::std::packaged_task",
      "::std::pair",
      "::std::tuple",
      "::std::optional",
      "::boost::function",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> nonStoringCallees() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::for_each",
      "::std::for_each_n",
      "::std::transform",
      "::std::sort",
      "::std::stable_sort",
      "::std::partial_sort",
      "::std::nth_element",
      "::std::find_if",
      "::std::find_if_not",
      "::std::count_if",
      "::std::all_of",
      "::std::any_of",
      "::std::none_of",
      "::std::remove_if",
      "::std::remove_copy_if",
      "::std::copy_if",
      "::std::replace_if",
      "::std::partition",
      "::std::stable_partition",
      "::std::accumulate",
      "::std::reduce",
      "::std::transform_reduce",
      "::std::generate",
      "::std::generate_n",
      "::std::min_element",
      "::std::max_element",
      "::std::minmax_element",
      "::std::lower_bound",
      "::std::upper_bound",
      "::std::equal_range",
      "::std::binary_search",
      "::std::adjacent_find",
      "::std::unique",
      "::std::is_sorted",
      "::std::equal",
      "::std::mismatch",
      "::std::erase_if",
      "::std::invoke",
      "::std::apply",
      "::std::visit",
      "::std::call_once",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> containerInsertMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "push_back", "emplace_back", "push_front", "emplace_front",
      "insert",    "emplace",      "emplace_hint", "try_emplace",
      "insert_or_assign", "push",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> bindFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::bind",
      "::std::bind_front",
      "::std::bind_back",
      "::boost::bind",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> callablePassThroughFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::move",
      "::std::forward",
      "::std::ref",
      "::std::cref",
      "::asio::bind_executor",
      "::asio::bind_cancellation_slot",
      "::asio::bind_allocator",
      "::asio::consign",
      "::boost::asio::bind_executor",
      "::boost::asio::bind_cancellation_slot",
      "::boost::asio::bind_allocator",
      "::boost::beast::bind_handler",
      "::boost::beast::bind_front_handler",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> completionSignalTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::condition_variable",
      "::std::condition_variable_any",
      "::std::latch",
      "::std::barrier",
      "::std::counting_semaphore",
      "::std::promise",
      "::boost::condition_variable",
      "::boost::condition_variable_any",
      "::boost::latch",
      "::boost::promise",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> completionWaitMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "wait", "wait_for", "wait_until", "arrive_and_wait", "acquire",
      "try_acquire_for", "try_acquire_until",
  };
  return Methods;
}

} // namespace clang::tidy::leak::catalog
