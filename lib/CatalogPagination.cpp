//===-- CatalogPagination.cpp - paged APIs and growing containers ---------===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> paginationTokenGetters() {
  static constexpr llvm::StringRef Methods[] = {
      // AWS SDK for C++: DynamoDB Scan/Query/ListTables, S3 ListObjectsV2 and
      // ListObjects, and the NextToken shape most other services use.
      "GetLastEvaluatedKey",
      "GetLastEvaluatedTableName",
      "GetNextContinuationToken",
      "GetIsTruncated",
      "GetNextMarker",
      "GetNextToken",
      "GetNextPageToken",
      // Protocol buffers generated accessors (Google API list methods).
      "next_page_token",
      // Other common spellings of a next-page token or link.
      "NextPageToken",
      "nextPageToken",
      "GetNextLink",
      "next_link",
      "nextLink",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> paginationTokenSetters() {
  static constexpr llvm::StringRef Methods[] = {
      "SetExclusiveStartKey",
      "WithExclusiveStartKey",
      "SetExclusiveStartTableName",
      "WithExclusiveStartTableName",
      "SetContinuationToken",
      "WithContinuationToken",
      "SetStartAfter",
      "WithStartAfter",
      "SetMarker",
      "WithMarker",
      "SetNextToken",
      "WithNextToken",
      "SetPageToken",
      "set_page_token",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> pageSizeSetters() {
  static constexpr llvm::StringRef Methods[] = {
      "SetLimit",     "SetMaxKeys",    "SetMaxResults",   "SetMaxItems",
      "SetPageSize",  "set_page_size", "set_max_results", "set_limit",
      "WithLimit",    "WithMaxKeys",   "WithMaxResults",  "WithMaxItems",
      "WithPageSize",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> pageRequestFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      // libpqxx
      "::pqxx::transaction_base::exec",
      "::pqxx::transaction_base::exec_n",
      "::pqxx::transaction_base::exec_params",
      "::pqxx::transaction_base::exec_params_n",
      "::pqxx::transaction_base::exec_prepared",
      "::pqxx::transaction_base::exec_prepared_n",
      "::pqxx::transaction_base::query",
      "::pqxx::transaction_base::query_n",
      // libpq
      "::PQexec",
      "::PQexecParams",
      "::PQexecPrepared",
      // hiredis: SCAN, HSCAN, SSCAN and ZSCAN return the next cursor
      "::redisCommand",
      "::redisCommandArgv",
      // cpp-httplib
      "::httplib::Client::Get",
      "::httplib::Client::Post",
      "::httplib::ClientImpl::Get",
      "::httplib::ClientImpl::Post",
      // cpprestsdk
      "::web::http::client::http_client::request",
      // MySQL/MariaDB C API and Connector/C++
      "::mysql_query",
      "::mysql_real_query",
      "::sql::Statement::executeQuery",
      "::sql::PreparedStatement::executeQuery",
      // MongoDB C driver: a skip/limit loop passes its position in the
      // options document.
      "::mongoc_collection_find_with_opts",
      // SQLite
      "::sqlite3_prepare_v2",
      "::sqlite3_exec",
      // SOCI: 'sql << "SELECT ...", use(last), into(page)' runs when the
      // statement its commas build ends.
      "::soci::details::once_temp_type::operator,",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> statementOutputBinders() {
  static constexpr llvm::StringRef Functions[] = {
      "::soci::into",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> pageCursorTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::pqxx::icursorstream",
      // MongoDB C driver: each 'mongoc_cursor_next' may fetch the next batch.
      "::_mongoc_cursor_t",
      // SOCI: a range-based loop over a rowset fetches its rows as it goes.
      "::soci::rowset",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> containerGrowMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "push_back",     "emplace_back", "push_front",
      "emplace_front", "insert",       "emplace",
      "emplace_hint",  "try_emplace",  "insert_or_assign",
      "insert_range",  "append",       "append_range",
      "merge",         "splice",       "operator+=",
      "push",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> containerShrinkMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "clear",     "swap",   "erase",  "pop_back",
      "pop_front", "resize", "assign", "extract",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> insertingIteratorFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::back_inserter",
      "::std::front_inserter",
      "::std::inserter",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> contentTransferFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::swap",  "::std::move",     "::std::exchange",
      "::std::erase", "::std::erase_if",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> valuePassThroughFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::move",
      "::std::forward",
      "::std::as_const",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> containerMembers() {
  static constexpr llvm::StringRef Methods[] = {"begin", "size"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> containerElementAccessors() {
  static constexpr llvm::StringRef Methods[] = {"front", "back", "at"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> keyedContainerMemberTypes() {
  static constexpr llvm::StringRef Types[] = {"mapped_type"};
  return Types;
}

llvm::StringRef containerElementMemberType() { return "value_type"; }

} // namespace clang::tidy::leak::catalog
