// A small header shaped like Microsoft's Parallel Patterns Library
// (ppltasks.h): tasks and cancellation tokens in namespace Concurrency, with
// the lower-case alias.
#pragma once

#include <type_traits>

namespace Concurrency {

class cancellation_token {
public:
  static cancellation_token none();
  bool is_canceled() const;
};

class cancellation_token_source {
public:
  cancellation_token get_token() const;
  void cancel() const;
};

class task_options {
public:
  task_options();
  task_options(cancellation_token token);
};

template <typename T> class task {
public:
  T get() const;
  void wait() const;
};

template <> class task<void> {
public:
  void get() const;
  void wait() const;
};

template <typename F>
auto create_task(F f, task_options options = task_options())
    -> task<std::invoke_result_t<F>> {
  return {};
}

template <typename F>
auto create_task(F f, cancellation_token token)
    -> task<std::invoke_result_t<F>> {
  return {};
}

bool is_task_cancellation_requested();

} // namespace Concurrency

namespace concurrency = Concurrency;
