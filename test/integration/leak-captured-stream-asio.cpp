// REQUIRES: asio
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

// Standalone asio 1.22: sockets captured into handlers that the io_context
// keeps (post, timers, operations on other objects, co_spawn), next to the
// handlers of a socket's own operations, local contexts and co_await.

#include <asio.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <string>

using asio::ip::tcp;

std::string greeting();

// ---- Positives --------------------------------------------------------------

void closeLater(asio::io_context &Io) {
  tcp::socket Socket(Io);
  asio::post(Io, [&Socket] { Socket.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is handed to 'asio::post': the reference dangles once 'closeLater' returns; finish with the stream inside 'closeLater' or keep the lambda from outliving it [leak-captured-stream]
}

void deadline(asio::io_context &Io, tcp::endpoint Peer) {
  tcp::socket Socket(Io);
  asio::steady_timer Timeout(Io, std::chrono::seconds(5));
  Timeout.async_wait([&Socket](const asio::error_code &Error) {
    if (!Error)
      Socket.close();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:24: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is handed to 'basic_waitable_timer::async_wait'
  Socket.connect(Peer);
}

void forward(tcp::socket &Client, asio::io_context &Io) {
  tcp::socket Upstream(Io);
  static std::array<char, 64> Buffer;
  asio::async_read(Client, asio::buffer(Buffer),
                   [&Upstream](const asio::error_code &, std::size_t Size) {
                     asio::write(Upstream, asio::buffer(Buffer, Size));
                   });
  // CHECK-MESSAGES: :[[@LINE-3]]:22: warning: stream 'Upstream' ('tcp::socket') is captured by reference in a lambda that is handed to 'asio::async_read'
}

asio::awaitable<void> greetLater(tcp::socket &Peer);

asio::awaitable<void> serve(tcp::acceptor &Acceptor) {
  tcp::socket Socket = co_await Acceptor.async_accept(asio::use_awaitable);
  asio::co_spawn(
      Acceptor.get_executor(),
      [&Socket]() -> asio::awaitable<void> {
        co_await asio::async_write(Socket, asio::buffer(greeting()), asio::use_awaitable);
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is handed to 'asio::co_spawn'
}

void watchdog(asio::io_context &Io, tcp::endpoint Peer) {
  auto Socket = std::make_shared<tcp::socket>(Io);
  auto Timer = std::make_shared<asio::steady_timer>(Io, std::chrono::seconds(30));
  Timer->async_wait([Socket, Timer](const asio::error_code &Error) {
    if (!Error)
      Socket->close();
  });
  Socket->connect(Peer);
  // CHECK-MESSAGES: :[[@LINE-5]]:22: warning: stream 'Socket' ('asio::basic_stream_socket<asio::ip::tcp>') is kept alive by an owning capture in a lambda that is handed to 'basic_waitable_timer::async_wait'
  // CHECK-FIXES: {{^}}  Timer->async_wait([weak_Socket = std::weak_ptr(Socket), Timer](const asio::error_code &Error) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto Socket = weak_Socket.lock();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Socket){{$}}
  // CHECK-FIXES-NEXT: {{^}}      return;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (!Error){{$}}
}

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(asio::io_context &Io) : Socket(Io), Timer(Io) {}

  void armTimeout() {
    Timer.expires_after(std::chrono::seconds(30));
    Timer.async_wait([this](const asio::error_code &Error) {
      if (!Error)
        Socket.close();
    });
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: stream member 'Socket' ('tcp::socket') is used through 'this' in a lambda that is handed to 'basic_waitable_timer::async_wait': the reference dangles once the object is destroyed
  }

  // Look-alikes: the handler keeps the session alive, or it is the handler of
  // the socket's own operation.
  void armTimeoutSafely() {
    Timer.async_wait([this, Self = shared_from_this()](const asio::error_code &Error) {
      if (!Error)
        Socket.close();
    });
  }
  void read() {
    Socket.async_read_some(asio::buffer(Data), [this](const asio::error_code &, std::size_t) {
      Socket.close();
    });
  }

private:
  tcp::socket Socket;
  asio::steady_timer Timer;
  std::array<char, 64> Data;
};

// ---- Look-alike negatives ---------------------------------------------------

void handOver(asio::io_context &Io, std::shared_ptr<tcp::socket> Peer) {
  // The only owner goes to the handler: it owns the socket until it runs.
  auto Timer = std::make_shared<asio::steady_timer>(Io, std::chrono::seconds(1));
  Timer->async_wait([Socket = std::move(Peer), Timer](const asio::error_code &) {
    Socket->close();
  });
}

void acceptInto(tcp::acceptor &Acceptor) {
  // The accepted socket is the operation's own object.
  auto Socket = std::make_shared<tcp::socket>(Acceptor.get_executor());
  Acceptor.async_accept(*Socket, [Socket](const asio::error_code &) { Socket->close(); });
  Socket->is_open();
}

void ownOperation(asio::io_context &Io) {
  auto Socket = std::make_shared<tcp::socket>(Io);
  static std::array<char, 64> Buffer;
  Socket->async_read_some(asio::buffer(Buffer), [Socket](const asio::error_code &, std::size_t) {
    Socket->close();
  });
  asio::async_write(*Socket, asio::buffer(Buffer), [Socket](const asio::error_code &, std::size_t) {});
}

void localContext() {
  asio::io_context Io;
  tcp::socket Socket(Io);
  asio::post(Io, [&Socket] { Socket.close(); });
  asio::steady_timer Timer(Io, std::chrono::milliseconds(10));
  Timer.async_wait([&Socket](const asio::error_code &) { Socket.close(); });
  Io.run();
}

asio::awaitable<void> awaitInFrame(tcp::acceptor &Acceptor) {
  tcp::socket Socket = co_await Acceptor.async_accept(asio::use_awaitable);
  co_await asio::co_spawn(
      Acceptor.get_executor(),
      [&Socket]() -> asio::awaitable<void> {
        co_await asio::async_write(Socket, asio::buffer(greeting()), asio::use_awaitable);
      },
      asio::use_awaitable);
  asio::steady_timer Timer(Acceptor.get_executor(), std::chrono::seconds(1));
  co_await Timer.async_wait(asio::use_awaitable);
  Socket.close();
}

void copiesOnly(asio::io_context &Io) {
  tcp::socket Socket(Io);
  std::string Peer = Socket.is_open() ? "open" : "closed";
  asio::post(Io, [Peer] { (void)Peer.size(); });
}
