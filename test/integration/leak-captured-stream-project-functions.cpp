// REQUIRES: boost-asio
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// A lambda handed to a function of the program: what that function does
// with its parameter, read from its body in the same file (up to three
// functions deep), decides whether the lambda outlives the caller. With the
// real Boost.Asio headers.

#include <boost/asio.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

using boost::asio::ip::tcp;

class Broadcaster {
public:
  void subscribe(std::function<void(const std::string &)> Listener) {
    Listeners_.push_back(std::move(Listener));
  }
  template <class F> void later(F &&Job) {
    Jobs_.emplace_back(std::forward<F>(Job));
  }
  // Calls it and forgets it.
  void once(const std::function<void()> &Job) { Job(); }
  // Hands it to the next function, which keeps it.
  void relay(std::function<void()> Job) { later(std::move(Job)); }

private:
  std::vector<std::function<void(const std::string &)>> Listeners_;
  std::vector<std::function<void()>> Jobs_;
};

std::vector<std::function<void()>> OnShutdown;
void atShutdown(std::function<void()> Hook) { OnShutdown.push_back(std::move(Hook)); }

void schedule(boost::asio::io_context &Io, std::function<void()> Job) {
  boost::asio::post(Io, std::move(Job));
}

class Server {
public:
  void onAccept(tcp::socket Socket) {
    Events_.subscribe([&Socket](const std::string &Text) {
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is added to member 'Events_': the reference dangles once 'onAccept' returns; finish with the stream inside 'onAccept' or keep the lambda from outliving it [leak-captured-stream]
      // CHECK-MESSAGES: :[[@LINE-2]]:13: note: the lambda is passed to 'Broadcaster::subscribe' here
      // CHECK-MESSAGES: :21:5: note: the lambda is added to member 'Listeners_' here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the lambda is added to member 'Events_' here
      // CHECK-MESSAGES: :[[@LINE-5]]:25: note: safe pattern: store a callable that owns what it needs
      boost::asio::write(Socket, boost::asio::buffer(Text));
    });
  }
  void onClose(tcp::socket Socket) {
    Events_.later([&Socket] { Socket.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is added to member 'Events_'
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: the lambda is passed to 'Broadcaster::later' here
    // CHECK-MESSAGES: :24:5: note: the lambda is added to member 'Jobs_' here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the lambda is added to member 'Events_' here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: safe pattern
  }
  void onRelay(tcp::socket Socket) {
    Events_.relay([&Socket] { Socket.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is added to member 'Events_'
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: the lambda is passed to 'Broadcaster::relay' here
    // CHECK-MESSAGES: :29:43: note: the lambda is passed to 'Broadcaster::later' here
    // CHECK-MESSAGES: :24:5: note: the lambda is added to member 'Jobs_' here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the lambda is added to member 'Events_' here
    // CHECK-MESSAGES: :[[@LINE-6]]:21: note: safe pattern
  }
  void onHook(tcp::socket Socket) {
    atShutdown([&Socket] { Socket.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is added to global 'OnShutdown'
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the lambda is passed to 'atShutdown' here
    // CHECK-MESSAGES: :37:47: note: the lambda is added to global 'OnShutdown' here
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: safe pattern
  }
  void onPost(tcp::socket Socket) {
    schedule(Io_, [&Socket] { Socket.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: stream 'Socket' ('tcp::socket') is captured by reference in a lambda that is handed to 'boost::asio::post'
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the lambda is passed to 'schedule' here
    // CHECK-MESSAGES: :40:3: note: the lambda is handed to 'boost::asio::post' here, which keeps it after returning
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: safe pattern
  }

  // Look-alikes: a broadcaster that dies with the function, a function that
  // only calls the lambda, a function whose body is not in this file.
  void local(tcp::socket Socket) {
    Broadcaster Mine;
    Mine.subscribe([&Socket](const std::string &Text) {
      boost::asio::write(Socket, boost::asio::buffer(Text));
    });
  }
  void callsIt(tcp::socket Socket) {
    Events_.once([&Socket] { Socket.close(); });
  }
  void elsewhere(tcp::socket Socket);

private:
  Broadcaster Events_;
  boost::asio::io_context Io_;
};

void keepSomewhere(std::function<void()> Job);
void Server::elsewhere(tcp::socket Socket) {
  keepSomewhere([&Socket] { Socket.close(); });
}
