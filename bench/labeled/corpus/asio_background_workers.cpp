// Background workers of the fulfilment service (standalone Asio, C++20
// coroutines): the outbox relay, the reservation sweeper, heartbeats to the
// coordinator, the stock poller, backlog reports and the control port.

#include <asio.hpp>
#include <asio/bind_cancellation_slot.hpp>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <string>

namespace fulfilment {

void relayOutbox();
void sweepReservations();
void sendHeartbeat();
void pollStock(const std::string &url);
void logError(std::exception_ptr error);
std::string greeting();
std::string metricsText();

asio::awaitable<void> outboxRelay() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    relayOutbox();
    timer.expires_after(std::chrono::seconds(1));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> reservationSweeper(int rounds) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (int round = 0; round < rounds; ++round) {
    sweepReservations();
    timer.expires_after(std::chrono::minutes(1));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> stockPoller(std::string url) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (true) {
    pollStock(url);
    timer.expires_after(std::chrono::seconds(30));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> sendOnce() {
  sendHeartbeat();
  co_return;
}

class Workers {
public:
  explicit Workers(asio::io_context &io) : io_(io), heartbeat_(io), retry_(io), deadline_(io) {}

  void start(const std::string &stockUrl) {
    asio::co_spawn(io_, outboxRelay(), asio::detached); // FINDING: leak-detached-task
    asio::co_spawn(io_, reservationSweeper(60), asio::detached); // NO-FINDING: leak-detached-task
    asio::co_spawn(io_, stockPoller(stockUrl), // NO-FINDING: leak-detached-task
                   asio::bind_cancellation_slot(stop_.slot(), asio::detached));
    asio::co_spawn(io_, outboxRelay(), [](std::exception_ptr error) { // NO-FINDING: leak-detached-task
      if (error)
        logError(error);
    });
    beat();
    scheduleRetry();
  }

  void stop() {
    stopped_ = true;
    stop_.emit(asio::cancellation_type::all);
    heartbeat_.cancel();
    retry_.cancel();
  }

  // Starts an extra relay when the backlog grows: same leak, per call.
  void onBacklog() {
    auto token = asio::detached;
    asio::co_spawn(io_.get_executor(), outboxRelay(), token); // FINDING: leak-detached-task
  }

  // A heartbeat every five seconds, stopped by stop().
  void beat() {
    heartbeat_.expires_after(std::chrono::seconds(5));
    heartbeat_.async_wait([this](const asio::error_code &error) { // NO-FINDING: leak-detached-task
      if (error || stopped_)
        return;
      sendHeartbeat();
      beat();
    });
  }

  // The retry ticker ignores its error code and reschedules itself.
  void scheduleRetry() {
    retry_.expires_after(std::chrono::seconds(10));
    retry_.async_wait([this](const asio::error_code &) { // FINDING: leak-detached-task
      relayOutbox();
      scheduleRetry();
    });
  }

  // A coroutine created and dropped: it never runs.
  void kick() {
    sendOnce(); // FINDING: leak-unawaited-future
    asio::co_spawn(io_, sendOnce(), asio::detached); // NO-FINDING: leak-unawaited-future, leak-detached-task
  }

  // The sweep is awaited by the caller.
  asio::awaitable<void> sweepNow() {
    co_await reservationSweeper(1); // NO-FINDING: leak-unawaited-future
    auto pending = reservationSweeper(1); // FINDING: leak-unawaited-future
  }

  // A shutdown hook posted once; it runs once.
  void drainOnShutdown() {
    asio::post(io_, [this] { relayOutbox(); }); // NO-FINDING: leak-detached-task
  }

  // Pushes the backlog report to the coordinator; a connection that hangs is
  // closed after three seconds.
  void reportBacklog(const asio::ip::tcp::endpoint &coordinator, const std::string &report) {
    asio::ip::tcp::socket socket(io_);
    deadline_.expires_after(std::chrono::seconds(3));
    deadline_.async_wait([&socket](const asio::error_code &error) { // FINDING: leak-captured-stream
      if (!error)
        socket.close();
    });
    asio::error_code error;
    socket.connect(coordinator, error);
    if (!error)
      asio::write(socket, asio::buffer(report), error);
  }

  // The same report from the admin command line, on a private io_context
  // that runs until both the connection and the deadline are done.
  static void reportBacklogOnce(const asio::ip::tcp::endpoint &coordinator,
                                const std::string &report) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    asio::steady_timer deadline(io, std::chrono::seconds(3));
    deadline.async_wait([&socket](const asio::error_code &error) { // NO-FINDING: leak-captured-stream
      if (!error)
        socket.close();
    });
    socket.async_connect(coordinator, [&](const asio::error_code &error) {
      deadline.cancel();
      if (!error)
        asio::write(socket, asio::buffer(report)); // NO-FINDING: leak-captured-stream
    });
    io.run();
  }

  // Control port: every connection gets the coordinator's greeting from a
  // coroutine of its own.
  asio::awaitable<void> acceptControl(asio::ip::tcp::acceptor &acceptor) {
    for (;;) {
      asio::ip::tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
      asio::co_spawn(
          io_,
          [&peer]() -> asio::awaitable<void> { // FINDING: leak-captured-stream
            co_await asio::async_write(peer, asio::buffer(greeting()), asio::use_awaitable);
          },
          asio::detached);
    }
  }

  // Metrics port: the connection is moved into the coroutine that serves it.
  asio::awaitable<void> acceptMetrics(asio::ip::tcp::acceptor &acceptor) {
    for (;;) {
      asio::ip::tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
      asio::co_spawn(
          io_,
          [peer = std::move(peer)]() mutable -> asio::awaitable<void> { // NO-FINDING: leak-captured-stream
            co_await asio::async_write(peer, asio::buffer(metricsText()), asio::use_awaitable);
          },
          asio::detached);
    }
  }

private:
  asio::io_context &io_;
  asio::steady_timer heartbeat_;
  asio::steady_timer retry_;
  asio::steady_timer deadline_;
  asio::cancellation_signal stop_;
  std::atomic<bool> stopped_{false};
};

} // namespace fulfilment
