// The parts of the libpq, hiredis, SQLite and libcurl C APIs that the
// leak-unreleased-handle tests use, with the libraries' own names and
// signatures (the integration tests use the real headers).
#ifndef LEAKTIDY_TEST_C_HANDLES_H
#define LEAKTIDY_TEST_C_HANDLES_H

#include <stddef.h>

extern "C" {

// libpq-fe.h
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
typedef enum { PGRES_EMPTY_QUERY = 0, PGRES_COMMAND_OK, PGRES_TUPLES_OK } ExecStatusType;
PGconn *PQconnectdb(const char *conninfo);
void PQfinish(PGconn *conn);
ConnStatusType PQstatus(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams,
                       const unsigned int *paramTypes,
                       const char *const *paramValues, const int *paramLengths,
                       const int *paramFormats, int resultFormat);
PGresult *PQgetResult(PGconn *conn);
ExecStatusType PQresultStatus(const PGresult *res);
int PQntuples(const PGresult *res);
char *PQgetvalue(const PGresult *res, int tup_num, int field_num);
void PQclear(PGresult *res);

// hiredis/hiredis.h
#define REDIS_ERR -1
#define REDIS_OK 0
#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_ERROR 6
typedef struct redisReply {
  int type;
  long long integer;
  size_t len;
  char *str;
} redisReply;
typedef struct redisContext {
  int err;
  char errstr[128];
} redisContext;
redisContext *redisConnect(const char *ip, int port);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
int redisAppendCommand(redisContext *c, const char *format, ...);
int redisGetReply(redisContext *c, void **reply);
void freeReplyObject(void *reply);

// sqlite3.h
#define SQLITE_OK 0
#define SQLITE_ROW 100
#define SQLITE_DONE 101
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_close(sqlite3 *);
int sqlite3_prepare_v2(sqlite3 *db, const char *zSql, int nByte,
                       sqlite3_stmt **ppStmt, const char **pzTail);
int sqlite3_step(sqlite3_stmt *);
const unsigned char *sqlite3_column_text(sqlite3_stmt *, int iCol);
int sqlite3_finalize(sqlite3_stmt *pStmt);

// curl/curl.h
typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_HTTPHEADER = 10023 } CURLoption;
struct curl_slist {
  char *data;
  struct curl_slist *next;
};
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data);
void curl_slist_free_all(struct curl_slist *list);

} // extern "C"

#endif // LEAKTIDY_TEST_C_HANDLES_H
