// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -isystem /usr/include/postgresql

// What the functions of the file do with a handle: one that only hands its
// parameter back does not keep it; one that may throw ends the paths that
// still hold a handle; one that callers give a handle straight from an
// acquisition owns it. With the real libpq-fe.h.

#include <libpq-fe.h>

#include <stdexcept>
#include <string>

struct Policy {
  // Hands the handle back and does nothing else with it.
  PGconn *drop(PGconn *Conn) noexcept { return Conn; }
  PGconn *finish(PGconn *Conn) noexcept {
    PQfinish(Conn);
    return nullptr;
  }

  // A parameter that receives an acquisition holds a handle of this function.
  PGconn *start(PGconn *Conn, const char *Info) {
    if (Conn != nullptr)
      return Conn;
    Conn = PQconnectStart(Info);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: handle 'Conn' acquired by 'PQconnectStart' is not released on every path
    if (Conn == nullptr)
      throw std::bad_alloc{};
    if (PQstatus(Conn) == CONNECTION_BAD) {
      drop(Conn);
      throw std::runtime_error(PQerrorMessage(Conn));
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'Conn' leaks when the exception thrown here leaves the function
    }
    return Conn;
  }

  // Look-alikes: the handle is released, or what the function hands back is
  // kept.
  PGconn *startReleased(PGconn *Conn, const char *Info) {
    Conn = PQconnectStart(Info);
    if (PQstatus(Conn) == CONNECTION_BAD) {
      finish(Conn);
      throw std::runtime_error("cannot connect");
    }
    return Conn;
  }
  PGconn *startKept(PGconn *Conn, const char *Info) {
    Conn = PQconnectStart(Info);
    if (PQstatus(Conn) == CONNECTION_BAD)
      return drop(Conn);
    return Conn;
  }
};

class Connection {
public:
  int encoding() const {
    const int Encoding = PQclientEncoding(Conn_);
    if (Encoding == -1)
      throw std::runtime_error("no client encoding");
    return Encoding;
  }

  // Callers pass results straight in: this function owns them, and loses
  // one when 'encoding' throws before 'Result' takes it.
  struct Result {
    Result(PGresult *R, int E) : Res(R), Encoding(E) {}
    ~Result() { PQclear(Res); }
    PGresult *Res;
    int Encoding;
  };
  Result wrap(PGresult *Raw) {
    return Result(Raw, encoding());
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: handle parameter 'Raw', which callers pass straight from 'PQexec', leaks when 'encoding' throws before the handle is handed over; own it first (a 'std::unique_ptr' with 'PQclear' as its deleter) so that the exception releases it [leak-unreleased-handle]
  }
  Result run(const char *Query) { return wrap(PQexec(Conn_, Query)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:47: note: a caller passes the handle from 'PQexec' to 'wrap' here, and so cannot release it

  // Look-alikes: the encoding is read before the handle arrives, or the
  // handle is released on the throwing path.
  Result wrapAfter(PGresult *Raw, int Encoding) { return Result(Raw, Encoding); }
  Result runAfter(const char *Query) {
    const int Encoding = encoding();
    return wrapAfter(PQexec(Conn_, Query), Encoding);
  }
  Result wrapGuarded(PGresult *Raw) {
    int Encoding = 0;
    try {
      Encoding = encoding();
    } catch (...) {
      PQclear(Raw);
      throw;
    }
    return Result(Raw, Encoding);
  }
  Result runGuarded(const char *Query) {
    return wrapGuarded(PQexec(Conn_, Query));
  }

  // A local handle is lost when a function of the file throws while it is
  // held.
  std::string firstName() {
    PGresult *Res = PQexec(Conn_, "SELECT name FROM users LIMIT 1");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: handle 'Res' acquired by 'PQexec' is not released on every path
    const int Encoding = encoding();
    // CHECK-MESSAGES: :[[@LINE-1]]:26: note: 'Res' leaks when 'encoding' throws here: it throws out of this function
    std::string Name = Encoding == 6 ? PQgetvalue(Res, 0, 0) : "";
    PQclear(Res);
    return Name;
  }
  // Look-alikes: the throwing call is inside a try block, or cannot throw.
  std::string firstNameCaught() {
    PGresult *Res = PQexec(Conn_, "SELECT name FROM users LIMIT 1");
    int Encoding = 0;
    try {
      Encoding = encoding();
    } catch (const std::exception &) {
    }
    std::string Name = Encoding == 6 ? PQgetvalue(Res, 0, 0) : "";
    PQclear(Res);
    return Name;
  }
  int rows() const noexcept { return 0; }
  int countRows() {
    PGresult *Res = PQexec(Conn_, "SELECT 1");
    const int Rows = rows() + PQntuples(Res);
    PQclear(Res);
    return Rows;
  }

private:
  PGconn *Conn_ = nullptr;
};
