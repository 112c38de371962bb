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
      {"::PQconnectStart", "::PQfinish"},
      {"::PQconnectStartParams", "::PQfinish"},
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
      // ODBC: environment, connection and statement handles, stored through
      // the last parameter ('SQLAllocHandle(SQL_HANDLE_ENV, in, &env)').
      {"::SQLAllocHandle", "::SQLFreeHandle"},
      {"::SQLAllocEnv", "::SQLFreeEnv"},
      {"::SQLAllocConnect", "::SQLFreeConnect"},
      // OpenLDAP: DNs, attribute names and value arrays. (Search results,
      // 'ldap_search_ext_s(..., &res)=ldap_msgfree', are not defaults: code
      // keeps the search status in a variable assigned, not initialized,
      // and tests it twice, which these paths do not follow; see the docs.)
      {"::ldap_get_dn", "::ldap_memfree"},
      {"::ldap_first_attribute", "::ldap_memfree"},
      {"::ldap_next_attribute", "::ldap_memfree"},
      {"::ldap_get_values", "::ldap_value_free"},
      {"::ldap_get_values_len", "::ldap_value_free_len"},
      // MySQL and MariaDB client: connections, result sets, statements.
      {"::mysql_init", "::mysql_close"},
      {"::mysql_store_result", "::mysql_free_result"},
      {"::mysql_use_result", "::mysql_free_result"},
      {"::mysql_stmt_init", "::mysql_stmt_close"},
      {"::mysql_list_dbs", "::mysql_free_result"},
      {"::mysql_list_tables", "::mysql_free_result"},
      {"::mysql_list_fields", "::mysql_free_result"},
      {"::mysql_list_processes", "::mysql_free_result"},
      {"::mysql_stmt_result_metadata", "::mysql_free_result"},
      // MySQL Connector/C++ 1.1: connections, statements and result sets
      // are owning raw pointers that the caller deletes.
      {"::sql::Driver::connect", "delete"},
      {"::sql::mysql::MySQL_Driver::connect", "delete"},
      {"::sql::Connection::createStatement", "delete"},
      {"::sql::Connection::prepareStatement", "delete"},
      {"::sql::Statement::executeQuery", "delete"},
      {"::sql::Statement::getResultSet", "delete"},
      {"::sql::PreparedStatement::executeQuery", "delete"},
      {"::sql::PreparedStatement::getResultSet", "delete"},
      // MongoDB C driver and libbson: clients, pools, databases,
      // collections, cursors, documents and the strings libbson allocates.
      {"::mongoc_client_new", "::mongoc_client_destroy"},
      {"::mongoc_client_new_from_uri", "::mongoc_client_destroy"},
      {"::mongoc_client_new_from_uri_with_error", "::mongoc_client_destroy"},
      {"::mongoc_client_pool_new", "::mongoc_client_pool_destroy"},
      {"::mongoc_client_pool_pop", "::mongoc_client_pool_push"},
      {"::mongoc_client_pool_try_pop", "::mongoc_client_pool_push"},
      {"::mongoc_uri_new", "::mongoc_uri_destroy"},
      {"::mongoc_uri_new_with_error", "::mongoc_uri_destroy"},
      {"::mongoc_client_get_database", "::mongoc_database_destroy"},
      {"::mongoc_client_get_collection", "::mongoc_collection_destroy"},
      {"::mongoc_database_get_collection", "::mongoc_collection_destroy"},
      {"::mongoc_collection_find_with_opts", "::mongoc_cursor_destroy"},
      {"::mongoc_collection_find", "::mongoc_cursor_destroy"},
      {"::mongoc_collection_aggregate", "::mongoc_cursor_destroy"},
      {"::mongoc_client_find_databases_with_opts", "::mongoc_cursor_destroy"},
      {"::bson_new", "::bson_destroy"},
      {"::bson_new_from_json", "::bson_destroy"},
      {"::bson_copy", "::bson_destroy"},
      {"::bson_as_json", "::bson_free"},
      {"::bson_as_canonical_extended_json", "::bson_free"},
      {"::bson_as_relaxed_extended_json", "::bson_free"},
      // librdkafka: instances, topics, configurations and consumed messages.
      {"::rd_kafka_new", "::rd_kafka_destroy"},
      {"::rd_kafka_topic_new", "::rd_kafka_topic_destroy"},
      {"::rd_kafka_conf_new", "::rd_kafka_conf_destroy"},
      {"::rd_kafka_topic_conf_new", "::rd_kafka_topic_conf_destroy"},
      {"::rd_kafka_consumer_poll", "::rd_kafka_message_destroy"},
      {"::rd_kafka_consume", "::rd_kafka_message_destroy"},
      // libmemcached: handles, pooled handles and the values it returns.
      {"::memcached_create", "::memcached_free"},
      {"::memcached", "::memcached_free"},
      {"::memcached_clone", "::memcached_free"},
      {"::memcached_pool", "::memcached_pool_destroy"},
      {"::memcached_pool_pop", "::memcached_pool_push"},
      {"::memcached_pool_pop", "::memcached_pool_release"},
      {"::memcached_pool_fetch", "::memcached_pool_release"},
      {"::memcached_get", "::free"},
      {"::memcached_get_by_key", "::free"},
      {"::memcached_fetch", "::free"},
  };
  return Pairs;
}

llvm::ArrayRef<HandleTakeover> handleTakeovers() {
  static constexpr HandleTakeover Takeovers[] = {
      // librdkafka: the instance and the topic take over the configuration
      // they are created from (on failure the caller still destroys it).
      {"::rd_kafka_new", 1},
      {"::rd_kafka_topic_new", 2},
  };
  return Takeovers;
}

llvm::ArrayRef<llvm::StringRef> handleStatusFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      // libpq: every PGconn needs PQfinish, also a failed or broken one.
      "::PQstatus",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> nullOnFailureAcquirers() {
  // SQLite sets '*ppStmt' to NULL when preparing fails; hiredis only stores a
  // reply when reading one succeeded; ODBC sets the output handle to a null
  // handle when allocating fails. (sqlite3_open is not here: it returns a
  // connection that must be closed even when opening failed; nor is
  // ldap_search_s, whose result must be freed even when the search failed.)
  static constexpr llvm::StringRef Functions[] = {
      "::sqlite3_prepare",
      "::sqlite3_prepare_v2",
      "::sqlite3_prepare_v3",
      "::redisGetReply",
      "::SQLAllocHandle",
      "::SQLAllocEnv",
      "::SQLAllocConnect",
  };
  return Functions;
}

} // namespace clang::tidy::leak::catalog
