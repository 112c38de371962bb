// REQUIRES: libpq
// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -isystem /usr/include/postgresql

// A member connection acquired again behind a test of its status: the test
// stops a healthy connection, but a failed one (PQconnectdb returns a PGconn
// also when the connection fails) is still set, and the new handle
// overwrites it. With the real libpq-fe.h.

#include <libpq-fe.h>

#include <stdexcept>
#include <string>

class Session {
public:
  void connect(const std::string &Info) {
    if (isConnected())
      throw std::runtime_error("already connected");
    Conn_ = PQconnectdb(Info.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: handle in member 'Conn_' acquired by 'PQconnectdb' overwrites the handle of an earlier attempt: the status test before it stops only a healthy handle, and a failed one, which still needs 'PQfinish', is lost here; call 'PQfinish' on 'Conn_' when it is set before acquiring again [leak-unreleased-handle]
    // CHECK-MESSAGES: :[[@LINE-4]]:9: note: this test lets a handle in a failed state through
    // CHECK-FIXES: {{^}}    if (Conn_) PQfinish(Conn_);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    Conn_ = PQconnectdb(Info.c_str());{{$}}
    if (!isConnected())
      throw std::runtime_error(PQerrorMessage(Conn_));
  }

  // The status asked directly, the acquisition inside the branch.
  void reconnect(const char *Info) {
    if (PQstatus(this->Conn_) != CONNECTION_OK) {
      this->Conn_ = PQconnectdb(Info);
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: handle in member 'Conn_' acquired by 'PQconnectdb' overwrites the handle of an earlier attempt
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: this test lets a handle in a failed state through
      // CHECK-FIXES: {{^}}      if (Conn_) PQfinish(Conn_);{{$}}
      // CHECK-FIXES-NEXT: {{^}}      this->Conn_ = PQconnectdb(Info);{{$}}
    }
  }

  ~Session() {
    if (Conn_)
      PQfinish(Conn_);
  }

private:
  bool isConnected() const {
    return Conn_ && PQstatus(Conn_) == CONNECTION_OK;
  }
  PGconn *Conn_ = nullptr;
};

// Look-alikes: the earlier handle is released, or tested for null, before
// the new one is stored; a constructor has no earlier handle.
class Released {
public:
  explicit Released(const char *Info) : Conn_(PQconnectdb(Info)) {}
  void connect(const char *Info) {
    if (isConnected())
      return;
    PQfinish(Conn_);
    Conn_ = PQconnectdb(Info);
  }
  ~Released() { PQfinish(Conn_); }

private:
  bool isConnected() const { return PQstatus(Conn_) == CONNECTION_OK; }
  PGconn *Conn_;
};

class NullTested {
public:
  void connect(const char *Info) {
    if (Conn_ != nullptr && PQstatus(Conn_) == CONNECTION_OK)
      return;
    if (Conn_)
      throw std::runtime_error("a failed connection is still open");
    Conn_ = PQconnectdb(Info);
  }
  ~NullTested() {
    if (Conn_)
      PQfinish(Conn_);
  }

private:
  PGconn *Conn_ = nullptr;
};

class Cleared {
public:
  void connect(const char *Info) {
    if (PQstatus(Conn_) == CONNECTION_OK)
      return;
    Conn_ = nullptr;
    Conn_ = PQconnectdb(Info);
  }

private:
  PGconn *Conn_ = nullptr;
};

class Unguarded {
public:
  // No status test: whether an earlier handle can be set here is not known.
  void open(const char *Info) { Conn_ = PQconnectdb(Info); }
  ~Unguarded() { PQfinish(Conn_); }

private:
  PGconn *Conn_ = nullptr;
};

class InConstructor {
public:
  explicit InConstructor(const char *Info) {
    if (PQstatus(Conn_) == CONNECTION_OK)
      return;
    Conn_ = PQconnectdb(Info);
  }
  ~InConstructor() { PQfinish(Conn_); }

private:
  PGconn *Conn_ = nullptr;
};
