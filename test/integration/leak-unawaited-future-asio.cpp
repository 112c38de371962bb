// REQUIRES: asio
// RUN: %check_leak_tidy %s leak-unawaited-future %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

#include <asio.hpp>
#include <chrono>
#include <future>

// ---- use_future: an asynchronous operation that returns a std::future ----

void armTimer(asio::steady_timer &Timer) {
  Timer.expires_after(std::chrono::seconds(1));
  Timer.async_wait(asio::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<void>' returned by 'asio::basic_waitable_timer::async_wait' is discarded: its result and exceptions are lost and the work cannot be awaited; store it and call 'get()' or 'wait()' on it [leak-unawaited-future]
}

void armTimerAndWait(asio::steady_timer &Timer) {
  Timer.expires_after(std::chrono::seconds(1));
  std::future<void> Done = Timer.async_wait(asio::use_future);
  Done.get();
}

std::future<std::size_t> readSome(asio::ip::tcp::socket &Socket, asio::mutable_buffer Buffer) {
  return Socket.async_read_some(Buffer, asio::use_future);
}

void readIgnoringResult(asio::ip::tcp::socket &Socket, asio::mutable_buffer Buffer) {
  auto Bytes = Socket.async_read_some(Buffer, asio::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future<unsigned long>' stored in 'Bytes' is never awaited: its result and exceptions are lost
}

// ---- awaitable: a coroutine that only runs when awaited or spawned ----

asio::awaitable<void> refreshCache() { co_return; }
asio::awaitable<int> countRows() { co_return 1; }

asio::awaitable<void> handleRequest() {
  refreshCache();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::awaitable<void>' returned by 'refreshCache' is discarded: the coroutine never runs; 'co_await' it or start it with 'co_spawn' [leak-unawaited-future]
  auto Rows = countRows();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'asio::awaitable<int>' stored in 'Rows' is never awaited: the coroutine never runs; 'co_await' it or start it with 'co_spawn' [leak-unawaited-future]
  co_await refreshCache();
  auto Count = countRows();
  int Value = co_await std::move(Count);
  (void)Value;
}

void startInBackground(asio::io_context &Io) {
  asio::co_spawn(Io, refreshCache(), [](std::exception_ptr) {});
}
