// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -isystem /usr/include/postgresql

// libpq needs PQfinish for every PGconn PQconnectdb returns, also when the
// connection failed or broke. A member connection released only under a
// status test of that connection (directly or through a member function that
// asks PQstatus) is never released in a failed state. With the real
// libpq-fe.h.

#include <libpq-fe.h>

#include <stdexcept>
#include <string>

class Session {
public:
  void connect(const std::string &Info) {
    Conn_ = PQconnectdb(Info.c_str());
    if (!isConnected())
      throw std::runtime_error(PQerrorMessage(Conn_));
  }
  void disconnect() {
    if (isConnected()) {
      PQfinish(Conn_);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'PQfinish' releases member 'Conn_' only when 'isConnected()' holds: a handle in a failed or broken state is never released, though every handle 'PQconnectdb' returns needs 'PQfinish'; release it whenever 'Conn_' is set [leak-unreleased-handle]
      // CHECK-MESSAGES: :18:13: note: 'Conn_' receives a handle from 'PQconnectdb' here
      Conn_ = nullptr;
    }
  }
  ~Session() { disconnect(); }

private:
  bool isConnected() const {
    return Conn_ && PQstatus(Conn_) == CONNECTION_OK;
  }
  PGconn *Conn_ = nullptr;
};

// Look-alikes: released whatever the status.
class Pool {
public:
  explicit Pool(const char *Info) : Conn_(PQconnectdb(Info)) {}
  void reset() {
    if (PQstatus(Conn_) != CONNECTION_OK)
      PQreset(Conn_);
  }
  ~Pool() {
    if (Conn_)
      PQfinish(Conn_);
  }

private:
  PGconn *Conn_;
};

class Probe {
public:
  explicit Probe(const char *Info) : Conn_(PQconnectdb(Info)) {}
  void close() {
    if (PQstatus(Conn_) == CONNECTION_OK) {
      PQfinish(Conn_);
    } else {
      PQfinish(Conn_);
    }
  }

private:
  PGconn *Conn_;
};

class Retrying {
public:
  explicit Retrying(const char *Info) : Conn_(PQconnectdb(Info)) {
    if (PQstatus(Conn_) == CONNECTION_BAD) {
      PQfinish(Conn_);
      throw std::runtime_error("cannot connect");
    }
  }
  ~Retrying() { PQfinish(Conn_); }

private:
  PGconn *Conn_;
};
