// In-process job scheduler of the reporting service: jobs are submitted by
// the API, run on threads, and their results collected by the poller.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace reports {

std::string renderReport(int reportId);
void publish(const std::string &report);
void compactStorage();
void emitMetrics();

class Scheduler {
public:
  ~Scheduler() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto &worker : workers_)
      worker.join();
  }

  void startWorkers(int count) {
    for (int i = 0; i < count; ++i)
      workers_.emplace_back([this] { // NO-FINDING: leak-detached-task
        for (;;) {
          std::function<void()> job;
          {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_)
              return;
            job = std::move(queue_.front());
            queue_.pop_front();
          }
          job();
        }
      });
  }

  // Renders now, result collected by poll().
  void submitAll(const std::vector<int> &reportIds) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int id : reportIds)
      running_[id] = std::async(std::launch::async, renderReport, id); // NO-FINDING: leak-unawaited-future
  }

  void poll() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = running_.begin(); it != running_.end();) {
      if (it->second.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        publish(it->second.get());
        it = running_.erase(it);
      } else {
        ++it;
      }
    }
  }

  // Previews are started and parked; nothing reads or erases them.
  void preview(const std::vector<int> &reportIds) {
    for (int id : reportIds)
      previews_.push_back(std::async(std::launch::async, renderReport, id)); // FINDING: leak-unawaited-future
  }

  // A promise handed to the worker; the future is thrown away.
  void enqueueRender(int reportId) {
    auto promise = std::make_shared<std::promise<std::string>>();
    promise->get_future(); // FINDING: leak-unawaited-future
    post([promise, reportId] { promise->set_value(renderReport(reportId)); });
  }

  // The same, returning the future to the caller.
  std::future<std::string> render(int reportId) {
    auto promise = std::make_shared<std::promise<std::string>>();
    auto result = promise->get_future(); // NO-FINDING: leak-unawaited-future
    post([promise, reportId] { promise->set_value(renderReport(reportId)); });
    return result;
  }

  // A packaged task whose future is stored and never looked at.
  void enqueueCompaction() {
    std::packaged_task<void()> task(compactStorage);
    auto done = task.get_future(); // FINDING: leak-unawaited-future
    post([shared = std::make_shared<std::packaged_task<void()>>(std::move(task))] { (*shared)(); });
  }

  // Deferred: runs only when asked, checked by the caller.
  bool validate(int reportId) {
    auto check = std::async(std::launch::deferred, renderReport, reportId); // NO-FINDING: leak-unawaited-future
    return !check.get().empty();
  }

  // Metrics emitter on a stoppable thread.
  void startMetrics() {
    metrics_ = std::jthread([](std::stop_token stop) { // NO-FINDING: leak-detached-task
      while (!stop.stop_requested()) {
        emitMetrics();
        std::this_thread::sleep_for(std::chrono::seconds(10));
      }
    });
  }

  // The compactor runs detached, forever.
  void startCompactor() {
    compactor_ = std::thread([] {
      while (true) {
        compactStorage();
        std::this_thread::sleep_for(std::chrono::hours(6));
      }
    });
    compactor_.detach(); // FINDING: leak-detached-task
  }

  // The janitor loop is a member function handed over through std::bind.
  void startJanitor() {
    std::thread(std::bind(&Scheduler::janitorLoop, this)).detach(); // MISSED: leak-detached-task
  }

  // A watchdog whose loop ends when the flag is set by stop().
  void startWatchdog() {
    std::thread([this] {
      while (!watchdogStop_) {
        emitMetrics();
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }).detach(); // NO-FINDING: leak-detached-task
  }

  void stopWatchdog() { watchdogStop_ = true; }

private:
  void janitorLoop() {
    for (;;) {
      compactStorage();
      std::this_thread::sleep_for(std::chrono::minutes(30));
    }
  }

  void post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  std::map<int, std::future<std::string>> running_;
  std::vector<std::future<std::string>> previews_;
  std::jthread metrics_;
  std::thread compactor_;
  std::atomic<bool> watchdogStop_{false};
};

} // namespace reports
