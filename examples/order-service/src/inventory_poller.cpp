// Polls the warehouse for stock levels on the service's io_context.
#include "orders/service.h"

#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>

#include <chrono>

namespace orders {

static asio::awaitable<void> poll_inventory(std::string database_url) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    timer.expires_after(std::chrono::seconds(30));
    co_await timer.async_wait(asio::use_awaitable);
    // Fine: one connection per 30-second poll, closed before the next one;
    // its number does not grow with traffic.
    pqxx::connection conn{database_url};
    pqxx::work txn{conn};
    txn.exec("UPDATE stock SET checked_at = now()");
    txn.commit();
  }
}

void start_inventory_poller(asio::io_context &io, const Config &config) {
  // LEAK (detached task): an endless coroutine spawned with `detached`; there
  // is no cancellation slot, so only destroying the io_context stops it.
  asio::co_spawn(io, poll_inventory(config.database_url), asio::detached);
}

} // namespace orders
