// A small header shaped like standalone Asio (1.22): executors, post,
// dispatch, defer, timers, co_spawn with completion tokens, and cancellation
// slots. Only the declarations the tests need; coroutines are real C++20
// coroutines.
#pragma once

#include <chrono>
#include <coroutine>
#include <exception>
#include <system_error>
#include <utility>

namespace asio {

using error_code = std::error_code;

class any_io_executor {};

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept { return {}; }
  template <typename Handler> void post(Handler &&handler) {}
  template <typename Handler> void dispatch(Handler &&handler) {}
  void run();
  void stop();

  class strand {
  public:
    explicit strand(io_context &);
    template <typename Handler> void post(Handler &&handler) {}
    template <typename Handler> void dispatch(Handler &&handler) {}
  };
};

template <typename Executor, typename Handler>
void post(Executor &&ex, Handler &&handler) {}
template <typename Executor, typename Handler>
void dispatch(Executor &&ex, Handler &&handler) {}
template <typename Executor, typename Handler>
void defer(Executor &&ex, Handler &&handler) {}

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
inline constexpr use_awaitable_t use_awaitable;

namespace this_coro {
struct executor_t {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  any_io_executor await_resume() const { return {}; }
};
inline constexpr executor_t executor;
} // namespace this_coro

class detached_t {
public:
  constexpr detached_t() {}
};
inline constexpr detached_t detached;

class cancellation_slot {};

enum class cancellation_type { none = 0, terminal = 1, partial = 2, total = 4, all = 7 };

class cancellation_signal {
public:
  cancellation_slot slot() noexcept { return {}; }
  void emit(cancellation_type type);
};

template <typename T, typename Slot> class cancellation_slot_binder {
public:
  cancellation_slot_binder(Slot s, T t) : slot_(s), target_(std::move(t)) {}

private:
  Slot slot_;
  T target_;
};

template <typename Slot, typename T>
cancellation_slot_binder<T, Slot> bind_cancellation_slot(const Slot &s, T &&t) {
  return cancellation_slot_binder<T, Slot>(s, std::forward<T>(t));
}

template <typename Clock> class basic_waitable_timer {
public:
  explicit basic_waitable_timer(io_context &);
  explicit basic_waitable_timer(const any_io_executor &);
  void expires_after(typename Clock::duration d);
  void cancel();
  template <typename WaitHandler> void async_wait(WaitHandler &&handler) {}
  awaitable<void> async_wait(use_awaitable_t);
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;

template <typename Executor, typename T, typename CompletionToken>
void co_spawn(Executor &&ex, awaitable<T> a, CompletionToken &&token) {}
template <typename Executor, typename F, typename CompletionToken>
void co_spawn(Executor &&ex, F &&f, CompletionToken &&token) {}

} // namespace asio
