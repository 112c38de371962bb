// REQUIRES: httplib, pqxx
// RUN: %check_leak_tidy %s leak-captured-stream %t -- -- -std=c++17

// cpp-httplib 0.11: a chunked content provider runs after the route handler
// has returned, so a stream local to the handler must not be captured by
// reference; the provider may own the stream (it lives as long as the
// response, not longer).

#include <httplib.h>
#include <pqxx/pqxx>

#include <memory>
#include <string>
#include <tuple>

void registerRoutes(httplib::Server &Server, pqxx::connection &Conn) {
  Server.Get("/orders.csv", [&Conn](const httplib::Request &, httplib::Response &Res) {
    pqxx::work Txn(Conn);
    pqxx::stream_from Rows(Txn, "orders");
    Res.set_chunked_content_provider("text/csv", [&Rows](std::size_t, httplib::DataSink &Sink) {
      std::tuple<long, std::string> Row;
      if (!(Rows >> Row)) {
        Sink.done();
        return true;
      }
      return Sink.write(std::get<1>(Row).data(), std::get<1>(Row).size());
    });
    // CHECK-MESSAGES: :[[@LINE-8]]:52: warning: stream 'Rows' ('pqxx::stream_from') is captured by reference in a lambda that is handed to 'Response::set_chunked_content_provider': the reference dangles once the enclosing lambda returns; finish with the stream inside the enclosing lambda or keep the lambda from outliving it [leak-captured-stream]
  });

  // Look-alike: the provider owns the stream and its transaction; they live
  // as long as the response.
  Server.Get("/orders-owned.csv", [&Conn](const httplib::Request &, httplib::Response &Res) {
    struct Export {
      explicit Export(pqxx::connection &C) : Txn(C), Rows(Txn, "orders") {}
      pqxx::work Txn;
      pqxx::stream_from Rows;
    };
    auto State = std::make_shared<Export>(Conn);
    auto Rows = std::shared_ptr<pqxx::stream_from>(State, &State->Rows);
    Res.set_chunked_content_provider("text/csv", [Rows](std::size_t, httplib::DataSink &Sink) {
      std::tuple<long, std::string> Row;
      if (!(*Rows >> Row)) {
        Sink.done();
        return true;
      }
      return Sink.write(std::get<1>(Row).data(), std::get<1>(Row).size());
    });
  });

  // Look-alike: the whole stream is read inside the handler.
  Server.Get("/orders-small.csv", [&Conn](const httplib::Request &, httplib::Response &Res) {
    pqxx::work Txn(Conn);
    pqxx::stream_from Rows(Txn, "orders");
    std::string Body;
    auto Append = [&Rows, &Body] {
      std::tuple<long, std::string> Row;
      while (Rows >> Row)
        Body += std::get<1>(Row) + "\n";
    };
    Append();
    Rows.complete();
    Res.set_content(Body, "text/csv");
  });
}
