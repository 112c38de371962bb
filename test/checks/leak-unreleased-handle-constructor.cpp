// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -I %S/../Inputs/c-handles

// Handles acquired into data members by a constructor that then throws: the
// destructor never runs for an object whose constructor did not finish.

#include <c_handles.h>
#include <memory>
#include <stdexcept>
#include <string>

void note(const char *Text);
// Defined elsewhere: not known to throw.
void remoteCheck(int Status);

// A function of this file that throws on failure.
static void require(bool Ok, const char *What) {
  if (!Ok)
    throw std::runtime_error(What);
}

// Throws, but closes the connection first.
static void requireOrClose(sqlite3 *Db, int Status) {
  if (Status != SQLITE_OK) {
    sqlite3_close(Db);
    throw std::runtime_error("sqlite");
  }
}

// Throws two levels down.
static void checkQuery(PGresult *Res) { require(Res != nullptr, "query"); }

// Handles its own exception.
static void quietly(const char *What) {
  try {
    throw std::runtime_error(What);
  } catch (const std::exception &) {
    note(What);
  }
}

//===--- Positives, each beside look-alikes that are safe -----------------===//

class Archive {
public:
  // A failed open throws with the connection still open.
  explicit Archive(const std::string &Path) {
    if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK)
      throw std::runtime_error("cannot open " + Path);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Db' acquired by 'sqlite3_open' leaks when this throw leaves the constructor: no destructor runs for an object whose constructor throws; call 'sqlite3_close' before throwing or hold the handle in a 'std::unique_ptr' member with 'sqlite3_close' as its deleter [leak-unreleased-handle]
    // A throwing helper of this file.
    require(sqlite3_step(nullptr) == SQLITE_DONE, "warm-up");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle in member 'Db' acquired by 'sqlite3_open' leaks when 'require' throws out of the constructor: no destructor runs for an object whose constructor throws; call 'sqlite3_close' before throwing or hold the handle in a 'std::unique_ptr' member with 'sqlite3_close' as its deleter [leak-unreleased-handle]
    // Unknown code is not taken to throw.
    remoteCheck(0);
    // Catches its own exception.
    quietly("ready");
  }
  ~Archive() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr;
};

class ArchiveClosed {
public:
  // Closed before each throw.
  explicit ArchiveClosed(const std::string &Path) {
    if (sqlite3_open(Path.c_str(), &Db) != SQLITE_OK) {
      sqlite3_close(Db);
      throw std::runtime_error("cannot open " + Path);
    }
    // The helper closes before it throws.
    requireOrClose(Db, sqlite3_step(nullptr));
  }
  ~ArchiveClosed() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr;
};

class ArchiveRethrow {
public:
  // A catch that releases and rethrows.
  explicit ArchiveRethrow(const std::string &Path) {
    sqlite3_open(Path.c_str(), &Db);
    try {
      require(sqlite3_step(nullptr) == SQLITE_DONE, "warm-up");
    } catch (...) {
      if (Db)
        sqlite3_close(Db);
      Db = nullptr;
      throw;
    }
  }
  ~ArchiveRethrow() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr;
};

// Throws that come before the acquisition, and a null check.
class Fetcher {
public:
  explicit Fetcher(const std::string &Url) {
    if (Url.empty())
      throw std::invalid_argument("empty url");
    Curl = curl_easy_init();
    if (Curl == nullptr)
      throw std::runtime_error("no curl handle");
    curl_easy_setopt(Curl, CURLOPT_URL, Url.c_str());
  }
  ~Fetcher() { curl_easy_cleanup(Curl); }

private:
  CURL *Curl;
};

// Owned by a std::unique_ptr member: released when construction fails.
class OwnedFetcher {
public:
  explicit OwnedFetcher(const std::string &Url)
      : Curl(curl_easy_init(), &curl_easy_cleanup) {
    require(!Url.empty(), "empty url");
  }

private:
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> Curl;
};

// Acquired in the initializer list, then a throwing check.
class Session {
public:
  explicit Session(const char *Info) : Conn(PQconnectdb(Info)) {
    if (PQstatus(Conn) != CONNECTION_OK)
      throw std::runtime_error("cannot connect");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Conn' acquired by 'PQconnectdb' leaks when this throw leaves the constructor
    Last = PQexec(Conn, "SET search_path TO app");
    checkQuery(Last);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle in member 'Conn' acquired by 'PQconnectdb' leaks when 'checkQuery' throws out of the constructor
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: handle in member 'Last' acquired by 'PQexec' leaks when 'checkQuery' throws out of the constructor
    PQclear(Last);
    Last = nullptr;
  }
  ~Session() { PQfinish(Conn); }

private:
  PGconn *Conn;
  PGresult *Last = nullptr;
};

// The connection is opened by a member function the constructor calls.
class Store {
public:
  explicit Store(const char *Info) {
    open(Info);
    configure();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle in member 'Conn' acquired by 'PQconnectdb' leaks when 'configure' throws out of the constructor
  }
  ~Store() { PQfinish(Conn); }

private:
  void open(const char *Info) {
    Conn = PQconnectdb(Info);
    if (PQstatus(Conn) == CONNECTION_BAD)
      throw std::runtime_error("cannot connect");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle in member 'Conn' acquired by 'PQconnectdb' leaks when this throw leaves the constructor
  }
  void configure() { require(PQstatus(Conn) == CONNECTION_OK, "configure"); }
  PGconn *Conn = nullptr;
};

// The failing connection is finished by a clean-up of the class first.
class StoreCleaned {
public:
  explicit StoreCleaned(const char *Info) {
    Conn = PQconnectdb(Info);
    if (PQstatus(Conn) == CONNECTION_BAD) {
      cleanUp();
      throw std::runtime_error("cannot connect");
    }
  }
  ~StoreCleaned() { cleanUp(); }

private:
  void cleanUp() {
    if (Conn)
      PQfinish(Conn);
    Conn = nullptr;
  }
  PGconn *Conn = nullptr;
};

// A statement prepared into a member: a failed prepare leaves it null.
class Query {
public:
  Query(sqlite3 *Db, const char *Sql) {
    if (sqlite3_prepare_v2(Db, Sql, -1, &Stmt, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot prepare");
  }
  ~Query() { sqlite3_finalize(Stmt); }

private:
  sqlite3_stmt *Stmt = nullptr;
};

// Not a constructor: the destructor of the object will run.
class Lazy {
public:
  void connect(const char *Info) {
    Conn = PQconnectdb(Info);
    if (PQstatus(Conn) != CONNECTION_OK)
      throw std::runtime_error("cannot connect");
  }
  ~Lazy() { PQfinish(Conn); }

private:
  PGconn *Conn = nullptr;
};

// Templates are not analysed.
template <typename T> class Typed {
public:
  explicit Typed(const char *Info) {
    Conn = PQconnectdb(Info);
    if (PQstatus(Conn) != CONNECTION_OK)
      throw std::runtime_error("cannot connect");
  }

private:
  PGconn *Conn = nullptr;
  T Value;
};
Typed<int> TypedInstance("");
