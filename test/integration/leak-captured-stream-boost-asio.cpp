// REQUIRES: boost-asio
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// Boost.Asio and Beast 1.74: tcp_stream and websocket::stream captured into
// handlers of shared pools and timers, next to a local pool that is joined and
// a stream's own operations.

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

// ---- Positives --------------------------------------------------------------

void flushLater(net::thread_pool &Pool, net::io_context &Io) {
  beast::tcp_stream Stream(Io);
  net::post(Pool, [&Stream] { Stream.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stream 'Stream' ('beast::tcp_stream') is captured by reference in a lambda that is handed to 'boost::asio::post': the reference dangles once 'flushLater' returns; finish with the stream inside 'flushLater' or keep the lambda from outliving it [leak-captured-stream]
}

void pingLater(net::steady_timer &Heartbeat, net::io_context &Io) {
  websocket::stream<beast::tcp_stream> Ws(Io);
  Heartbeat.async_wait([&Ws](const beast::error_code &Error) {
    if (!Error)
      Ws.ping({});
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:26: warning: stream 'Ws' ('websocket::stream<beast::tcp_stream>') is captured by reference in a lambda that is handed to 'basic_waitable_timer::async_wait'
}

class Broadcaster {
public:
  explicit Broadcaster(net::io_context &Io) : Strand(net::make_strand(Io)) {}

  // Queued until the next flush: the queue keeps every client's stream.
  void publish(std::shared_ptr<websocket::stream<beast::tcp_stream>> Ws, std::string Text) {
    Outbox.push_back([Ws, Text] {
      Ws->write(net::buffer(Text));
    });
    // CHECK-MESSAGES: :[[@LINE-3]]:23: warning: stream 'Ws' ('websocket::stream<beast::tcp_stream>') is kept alive by an owning capture in a lambda that is added to member 'Outbox'
    // CHECK-FIXES: {{^}}    Outbox.push_back([weak_Ws = std::weak_ptr(Ws), Text] {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      auto Ws = weak_Ws.lock();{{$}}
    // CHECK-FIXES-NEXT: {{^}}      if (!Ws){{$}}
    // CHECK-FIXES-NEXT: {{^}}        return;{{$}}
    // CHECK-FIXES-NEXT: {{^}}      Ws->write(net::buffer(Text));{{$}}
  }

  // Look-alike: a one-shot handler that receives the handle and passes it on.
  void send(std::shared_ptr<websocket::stream<beast::tcp_stream>> Ws, std::string Text) {
    net::post(Strand, [Ws, Text] { Ws->write(net::buffer(Text)); });
  }

private:
  net::strand<net::io_context::executor_type> Strand;
  std::vector<std::function<void()>> Outbox;
};

// ---- Look-alike negatives ---------------------------------------------------

void flushInLocalPool(net::io_context &Io) {
  net::thread_pool Pool(2);
  beast::tcp_stream Stream(Io);
  net::post(Pool, [&Stream] { Stream.close(); });
  Pool.join();
}

void readOwn(std::shared_ptr<websocket::stream<beast::tcp_stream>> Ws,
             std::shared_ptr<beast::flat_buffer> Buffer) {
  Ws->async_read(*Buffer, [Ws, Buffer](const beast::error_code &, std::size_t) {
    Buffer->consume(Buffer->size());
  });
}

void copyOnly(net::thread_pool &Pool, beast::tcp_stream &Stream) {
  const bool Open = Stream.socket().is_open();
  net::post(Pool, [Open] { (void)Open; });
}
