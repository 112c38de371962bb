//===-- CatalogHandles.cpp - C API handles and their release functions ----===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<HandlePair> handlePairs() {
  static constexpr HandlePair Pairs[] = {
      // libpq: results and connections.
      {"::PQexec", "::PQclear"},
      {"::PQexecParams", "::PQclear"},
      {"::PQexecPrepared", "::PQclear"},
      {"::PQgetResult", "::PQclear"},
      {"::PQprepare", "::PQclear"},
      {"::PQdescribePrepared", "::PQclear"},
      {"::PQconnectdb", "::PQfinish"},
      {"::PQconnectdbParams", "::PQfinish"},
      {"::PQsetdbLogin", "::PQfinish"},
      // hiredis: replies and contexts.
      {"::redisCommand", "::freeReplyObject"},
      {"::redisCommandArgv", "::freeReplyObject"},
      {"::redisGetReply", "::freeReplyObject"},
      {"::redisConnect", "::redisFree"},
      {"::redisConnectWithTimeout", "::redisFree"},
      {"::redisConnectUnix", "::redisFree"},
      {"::redisConnectUnixWithTimeout", "::redisFree"},
      {"::redisConnectWithOptions", "::redisFree"},
      // SQLite: statements and database connections.
      {"::sqlite3_prepare", "::sqlite3_finalize"},
      {"::sqlite3_prepare_v2", "::sqlite3_finalize"},
      {"::sqlite3_prepare_v3", "::sqlite3_finalize"},
      {"::sqlite3_open", "::sqlite3_close"},
      {"::sqlite3_open16", "::sqlite3_close"},
      {"::sqlite3_open_v2", "::sqlite3_close"},
      // libcurl: easy handles and header lists.
      {"::curl_easy_init", "::curl_easy_cleanup"},
      {"::curl_slist_append", "::curl_slist_free_all"},
  };
  return Pairs;
}

llvm::ArrayRef<llvm::StringRef> nullOnFailureAcquirers() {
  // SQLite sets '*ppStmt' to NULL when preparing fails; hiredis only stores a
  // reply when reading one succeeded. (sqlite3_open is not here: it returns
  // a connection that must be closed even when opening failed.)
  static constexpr llvm::StringRef Functions[] = {
      "::sqlite3_prepare",
      "::sqlite3_prepare_v2",
      "::sqlite3_prepare_v3",
      "::redisGetReply",
  };
  return Functions;
}

} // namespace clang::tidy::leak::catalog
