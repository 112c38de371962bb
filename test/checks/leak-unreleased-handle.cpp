// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- -- -I %S/../Inputs/c-handles

#include <c_handles.h>
#include <cstdlib>
#include <memory>
#include <vector>

void logError(const char *Message);
bool keepResult(PGresult *Res);

//===--- Positives, each beside look-alikes that are safe -----------------===//

// An early return on a failed status skips the release.
int countOrders(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is not released on every path: it leaks each time such a path runs; call 'PQclear' on every path or own it with 'std::unique_ptr<PGresult, decltype(&PQclear)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<PGresult, decltype(&PQclear)> Res(PQexec(Conn, "SELECT id FROM orders"), &PQclear);{{$}}
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    // CHECK-FIXES: {{^}}  if (PQresultStatus(Res.get()) != PGRES_TUPLES_OK){{$}}
    return -1;
  const int Count = PQntuples(Res);
  // CHECK-FIXES: {{^}}  const int Count = PQntuples(Res.get());{{$}}
  PQclear(Res);
  // CHECK-FIXES: {{^}}  return Count;{{$}}
  return Count;
}

// Released on every path.
int countOrdersReleased(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  if (PQresultStatus(Res) != PGRES_TUPLES_OK) {
    PQclear(Res);
    return -1;
  }
  const int Count = PQntuples(Res);
  PQclear(Res);
  return Count;
}

// A null result (out of memory) needs no release.
int countOrdersNullChecked(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  if (!Res)
    return -1;
  const int Count = PQntuples(Res);
  PQclear(Res);
  return Count;
}

int countOrdersComparedWithNull(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  if (Res == nullptr || PQresultStatus(Res) != PGRES_TUPLES_OK) {
    PQclear(Res);
    return -1;
  }
  PQclear(Res);
  return 0;
}

// Ownership leaves the function.
PGresult *fetchOrders(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  if (!Res)
    logError("query failed");
  return Res;
}

class OrderCache {
public:
  void refresh(PGconn *Conn) {
    PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
    Last = Res;
  }
  void remember(redisContext *Ctx) {
    auto *Reply = static_cast<redisReply *>(redisCommand(Ctx, "GET orders"));
    Replies.push_back(Reply);
  }
  void handOver(PGconn *Conn) {
    PGresult *Res = PQexec(Conn, "SELECT 1");
    keepResult(Res); // A C++ function may keep or release it.
  }

private:
  PGresult *Last = nullptr;
  std::vector<redisReply *> Replies;
};

std::unique_ptr<PGresult, decltype(&PQclear)> fetchOwned(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT id FROM orders");
  std::unique_ptr<PGresult, decltype(&PQclear)> Owned(Res, &PQclear);
  if (PQresultStatus(Owned.get()) != PGRES_TUPLES_OK)
    return {nullptr, &PQclear};
  return Owned;
}

int countWrapped(PGconn *Conn) {
  std::unique_ptr<PGresult, decltype(&PQclear)> Res(
      PQexec(Conn, "SELECT id FROM orders"), &PQclear);
  return Res ? PQntuples(Res.get()) : -1;
}

// A handle that is never released.
long long readCounter(redisContext *Ctx) {
  redisReply *Reply = (redisReply *)redisCommand(Ctx, "GET counter");
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: handle 'Reply' acquired by 'redisCommand' is not released on every path: it leaks each time such a path runs; call 'freeReplyObject' on every path or own it with 'std::unique_ptr<redisReply, decltype(&freeReplyObject)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<redisReply, decltype(&freeReplyObject)> Reply((redisReply *)redisCommand(Ctx, "GET counter"), &freeReplyObject);{{$}}
  if (Reply->type == REDIS_REPLY_ERROR)
    // CHECK-FIXES: {{^}}  if (Reply->type == REDIS_REPLY_ERROR){{$}}
    return -1;
  return Reply->integer;
}

long long readCounterReleased(redisContext *Ctx) {
  redisReply *Reply = (redisReply *)redisCommand(Ctx, "GET counter");
  if (Reply == nullptr)
    return -1;
  const long long Value = Reply->type == REDIS_REPLY_ERROR ? -1 : Reply->integer;
  freeReplyObject(Reply);
  return Value;
}

// A result thrown away can never be released.
void vacuum(PGconn *Conn) {
  PQexec(Conn, "VACUUM");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handle returned by 'PQexec' is discarded: it can never be released and leaks each time this code runs; store it and call 'PQclear' on it [leak-unreleased-handle]
  PQclear(PQexec(Conn, "VACUUM"));
}

// One result per iteration, and only the last one is released.
void markShipped(PGconn *Conn, const std::vector<const char *> &Ids) {
  PGresult *Res = nullptr;
  for (const char *Id : Ids) {
    const char *Params[] = {Id};
    Res = PQexecParams(Conn, "UPDATE orders SET shipped = true WHERE id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: handle 'Res' acquired by 'PQexecParams' is acquired again before it is released: every earlier handle leaks; call 'PQclear' before acquiring the next one [leak-unreleased-handle]
                       1, nullptr, Params, nullptr, nullptr, 0);
  }
  PQclear(Res);
}

void markShippedReleased(PGconn *Conn, const std::vector<const char *> &Ids) {
  for (const char *Id : Ids) {
    const char *Params[] = {Id};
    PGresult *Res =
        PQexecParams(Conn, "UPDATE orders SET shipped = true WHERE id = $1", 1,
                     nullptr, Params, nullptr, nullptr, 0);
    PQclear(Res);
  }
}

// Results of a pipeline read in a loop: only the one that ends it is freed.
void drainResults(PGconn *Conn) {
  while (PGresult *Res = PQgetResult(Conn)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: handle 'Res' acquired by 'PQgetResult' is acquired again before it is released: every earlier handle leaks; call 'PQclear' before acquiring the next one [leak-unreleased-handle]
    if (PQresultStatus(Res) != PGRES_COMMAND_OK)
      logError("command failed");
  }
}

void drainResultsReleased(PGconn *Conn) {
  while (PGresult *Res = PQgetResult(Conn))
    PQclear(Res);
}

// Out-parameters: the handle is stored into the variable whose address is
// given.
const unsigned char *firstName(sqlite3 *Db) {
  sqlite3_stmt *Stmt = nullptr;
  if (sqlite3_prepare_v2(Db, "SELECT name FROM customers", -1, &Stmt,
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Stmt' acquired by 'sqlite3_prepare_v2' is not released on every path: it leaks each time such a path runs; call 'sqlite3_finalize' on every path or own it with 'std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>' [leak-unreleased-handle]
                         nullptr) != SQLITE_OK)
    return nullptr; // Fine: the statement is null when preparing failed.
  if (sqlite3_step(Stmt) != SQLITE_ROW)
    return nullptr;
  const unsigned char *Name = sqlite3_column_text(Stmt, 0);
  sqlite3_finalize(Stmt);
  return Name;
}

int countCustomers(sqlite3 *Db) {
  sqlite3_stmt *Stmt = nullptr;
  const int Rc = sqlite3_prepare_v2(Db, "SELECT 1", -1, &Stmt, nullptr);
  if (Rc != SQLITE_OK)
    return -1;
  int Count = 0;
  while (sqlite3_step(Stmt) == SQLITE_ROW)
    ++Count;
  sqlite3_finalize(Stmt);
  return Count;
}

bool openArchive(const char *Path) {
  sqlite3 *Db = nullptr;
  if (sqlite3_open(Path, &Db) != SQLITE_OK)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: handle 'Db' acquired by 'sqlite3_open' is not released on every path: it leaks each time such a path runs; call 'sqlite3_close' on every path or own it with 'std::unique_ptr<sqlite3, decltype(&sqlite3_close)>' [leak-unreleased-handle]
    return false; // sqlite3_open returns a connection even when it fails.
  sqlite3_close(Db);
  return true;
}

bool openArchiveClosed(const char *Path) {
  sqlite3 *Db = nullptr;
  const bool Opened = sqlite3_open(Path, &Db) == SQLITE_OK;
  sqlite3_close(Db);
  return Opened;
}

class Archive {
public:
  bool open(const char *Path) { return sqlite3_open(Path, &Db) == SQLITE_OK; }
  ~Archive() { sqlite3_close(Db); }

private:
  sqlite3 *Db = nullptr;
};

long long popJob(redisContext *Ctx) {
  redisAppendCommand(Ctx, "LPOP jobs");
  void *Reply = nullptr;
  if (redisGetReply(Ctx, &Reply) != REDIS_OK)
    return -1;
  long long Value = static_cast<redisReply *>(Reply)->integer;
  if (Value < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-5]]:7: warning: handle 'Reply' acquired by 'redisGetReply' is not released on every path: it leaks each time such a path runs; call 'freeReplyObject' on every path or own it with 'std::unique_ptr<void, decltype(&freeReplyObject)>' [leak-unreleased-handle]
  freeReplyObject(Reply);
  return Value;
}

long long popJobReleased(redisContext *Ctx) {
  redisAppendCommand(Ctx, "LPOP jobs");
  redisReply *Reply = nullptr;
  if (redisGetReply(Ctx, (void **)&Reply) == REDIS_ERR)
    return -1;
  const long long Value = Reply->integer;
  freeReplyObject(Reply);
  return Value;
}

// Connections and curl handles.
bool ping(const char *Dsn) {
  PGconn *Conn = PQconnectdb(Dsn);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: handle 'Conn' acquired by 'PQconnectdb' is not released on every path: it leaks each time such a path runs; call 'PQfinish' on every path or own it with 'std::unique_ptr<PGconn, decltype(&PQfinish)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<PGconn, decltype(&PQfinish)> Conn(PQconnectdb(Dsn), &PQfinish);{{$}}
  if (PQstatus(Conn) != CONNECTION_OK)
    // CHECK-FIXES: {{^}}  if (PQstatus(Conn.get()) != CONNECTION_OK){{$}}
    return false; // A failed connection must be finished too.
  PQfinish(Conn);
  // CHECK-FIXES: {{^}}  return true;{{$}}
  return true;
}

bool fetchUrl(const char *Url) {
  CURL *Curl = curl_easy_init();
  if (!Curl)
    return false;
  struct curl_slist *Headers = nullptr;
  Headers = curl_slist_append(Headers, "Accept: application/json");
  Headers = curl_slist_append(Headers, "X-Service: orders");
  curl_easy_setopt(Curl, CURLOPT_URL, Url);
  curl_easy_setopt(Curl, CURLOPT_HTTPHEADER, Headers);
  const bool Ok = curl_easy_perform(Curl) == CURLE_OK;
  curl_slist_free_all(Headers);
  curl_easy_cleanup(Curl);
  return Ok;
}

bool fetchUrlEarlyReturn(const char *Url) {
  CURL *Curl = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'Curl' acquired by 'curl_easy_init' is not released on every path: it leaks each time such a path runs; call 'curl_easy_cleanup' on every path or own it with 'std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>' [leak-unreleased-handle]
  curl_easy_setopt(Curl, CURLOPT_URL, Url);
  if (curl_easy_perform(Curl) != CURLE_OK)
    return false;
  curl_easy_cleanup(Curl);
  return true;
}

// Paths that end the process need no release.
int mustCount(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    std::abort();
  const int Count = PQntuples(Res);
  PQclear(Res);
  return Count;
}

// Inside a lambda.
auto makeHandler(PGconn *Conn) {
  return [Conn](const char *Sql) {
    PGresult *Res = PQexec(Conn, Sql);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: handle 'Res' acquired by 'PQexec' is not released on every path
    // CHECK-FIXES: {{^}}    std::unique_ptr<PGresult, decltype(&PQclear)> Res(PQexec(Conn, Sql), &PQclear);{{$}}
    if (PQntuples(Res) == 0)
      // CHECK-FIXES: {{^}}    if (PQntuples(Res.get()) == 0){{$}}
      return false;
    PQclear(Res);
    return true;
  };
}

//===--- Control flow -----------------------------------------------------===//

int gotoCleanup(PGconn *Conn) {
  int Rc = -1;
  PGresult *Res = PQexec(Conn, "SELECT 1");
  if (PQresultStatus(Res) != PGRES_TUPLES_OK)
    goto Done;
  Rc = PQntuples(Res);
Done:
  PQclear(Res);
  return Rc;
}

int conditionVariable(PGconn *Conn) {
  if (PGresult *Res = PQexec(Conn, "SELECT 1")) {
    const int Count = PQntuples(Res);
    PQclear(Res);
    return Count;
  }
  return 0;
}

int byKind(PGconn *Conn, int Kind) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: handle 'Res' acquired by 'PQexec' is not released on every path
  switch (Kind) {
  case 0:
    PQclear(Res);
    return 0;
  case 1:
    return 1;
  default:
    break;
  }
  PQclear(Res);
  return 2;
}

int byKindReleased(PGconn *Conn, int Kind) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  switch (Kind) {
  case 0:
    PQclear(Res);
    return 0;
  default:
    break;
  }
  PQclear(Res);
  return 2;
}

bool conditionalAcquire(PGconn *Conn, bool Wanted) {
  PGresult *Res = nullptr;
  if (Wanted)
    Res = PQexec(Conn, "SELECT 1");
  if (Res)
    PQclear(Res);
  return Wanted;
}

// Exception paths are not followed.
int throwing(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  try {
    if (PQntuples(Res) == 0)
      throw 0;
  } catch (int) {
    PQclear(Res);
    return -1;
  }
  PQclear(Res);
  return 0;
}

//===--- Shapes this check does not follow: no finding --------------------===//

// An alias: the handle may be released through the other name.
void aliased(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  PGresult *Same = Res;
  PQclear(Same);
}

// Captured by a lambda that may release it.
void captured(PGconn *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  auto Release = [Res] { PQclear(Res); };
  Release();
}

// Dependent code in a template.
template <typename Connection> void queryAll(Connection *Conn) {
  PGresult *Res = PQexec(Conn, "SELECT 1");
  if (!Conn)
    return;
  PQclear(Res);
}

// Code written in a macro's body.
#define RUN_QUERY(Conn, Sql) PQexec(Conn, Sql)
#define FORGET_QUERY(Conn) PQexec(Conn, "SELECT 1");
void macros(PGconn *Conn) {
  FORGET_QUERY(Conn)
}

//===--- Handles passed straight to a call --------------------------------===//

int logf(const char *Format, ...);
// Declared here, defined elsewhere.
void remember(PGresult *Res);

int rowsOfFreshQuery(PGconn *Conn) {
  // Read by the library's own C function: nothing can release it afterwards.
  return PQntuples(PQexec(Conn, "SELECT 1"));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: handle returned by 'PQexec' is passed straight to 'PQntuples', which does not release it: it leaks each time this code runs; store it and call 'PQclear' on it after the call [leak-unreleased-handle]
}

void passedOn(PGconn *Conn) {
  // A variadic argument is only read.
  logf("%p", PQexec(Conn, "SELECT 2"));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: handle returned by 'PQexec' is passed straight to 'logf', which does not release it
  // A C++ function of the program may keep it.
  remember(PQexec(Conn, "SELECT 3"));
  // The release function itself.
  PQclear(PQexec(Conn, "SELECT 4"));
}
