// A small header shaped like Boost.Asio as Boost 1.74 ships it (Asio 1.18):
// executors, post, timers and co_spawn with completion tokens, but no
// cancellation slots yet.
#pragma once

#include <chrono>
#include <coroutine>
#include <exception>
#include <system_error>
#include <utility>

namespace boost {
namespace asio {

class any_io_executor {};

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept { return {}; }
  template <typename Handler> void post(Handler &&handler) {}
  void run();
};

template <typename Executor, typename Handler>
void post(Executor &&ex, Handler &&handler) {}

template <typename T = void> class awaitable {
public:
  struct promise_type {
    awaitable get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

struct use_awaitable_t {};
constexpr use_awaitable_t use_awaitable;

class detached_t {
public:
  constexpr detached_t() {}
};
constexpr detached_t detached;

template <typename Clock> class basic_waitable_timer {
public:
  explicit basic_waitable_timer(io_context &);
  void expires_after(typename Clock::duration d);
  template <typename WaitHandler> void async_wait(WaitHandler &&handler) {}
  awaitable<void> async_wait(use_awaitable_t);
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;

template <typename Executor, typename T, typename CompletionToken>
void co_spawn(Executor &&ex, awaitable<T> a, CompletionToken &&token) {}
template <typename Executor, typename F, typename CompletionToken>
void co_spawn(Executor &&ex, F &&f, CompletionToken &&token) {}

} // namespace asio
} // namespace boost
