// REQUIRES: boost-thread
// RUN: %check_leak_tidy %s leak-unawaited-future %t -- -- -DBOOST_THREAD_VERSION=4

#include <boost/thread/future.hpp>

int loadProfile(int Id);

void fireAndForget(int Id) {
  boost::async(boost::launch::async, [Id] { return loadProfile(Id); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::future<int>' returned by 'boost::async' is discarded: the task is never awaited and cannot be cancelled; store the future and call 'get()' or 'wait()' on it [leak-unawaited-future]
}

void promiseDropped() {
  boost::promise<int> Promise;
  Promise.get_future();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::future<int>' returned by 'boost::promise::get_future' is discarded: its result and exceptions are lost
  Promise.set_value(1);
}

int awaited(int Id) {
  boost::future<int> Profile = boost::async(boost::launch::async, [Id] { return loadProfile(Id); });
  return Profile.get();
}

boost::future<int> chained(int Id) {
  auto Profile = boost::async(boost::launch::async, [Id] { return loadProfile(Id); });
  return Profile.then([](boost::future<int> Ready) { return Ready.get() + 1; });
}

void storedNeverAwaited(int Id) {
  boost::shared_future<int> Shared = boost::async([Id] { return loadProfile(Id); }).share();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'boost::shared_future<int>' stored in 'Shared' is never awaited
}
