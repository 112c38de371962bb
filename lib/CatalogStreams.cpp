//===-- CatalogStreams.cpp - streams, cursors, writers and sockets --------===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> streamTypes() {
  static constexpr llvm::StringRef Types[] = {
      // gRPC synchronous streams and the per-call context: owned by the
      // library for the duration of one call.
      "::grpc::ServerWriter",
      "::grpc::ServerReader",
      "::grpc::ServerReaderWriter",
      "::grpc::ClientReader",
      "::grpc::ClientWriter",
      "::grpc::ClientReaderWriter",
      "::grpc::ServerAsyncWriter",
      "::grpc::ServerAsyncReader",
      "::grpc::ServerAsyncReaderWriter",
      "::grpc::ServerAsyncResponseWriter",
      "::grpc::ServerContext",
      // libpqxx: streams, cursors, result sets and transactions.
      "::pqxx::stream_from",
      "::pqxx::stream_to",
      "::pqxx::icursorstream",
      "::pqxx::result",
      "::pqxx::transaction_base",
      // C client results and statements.
      "::PGresult",
      "::pg_result",
      "::redisReply",
      "::sqlite3_stmt",
      // Sockets and streams of asio and Beast.
      "::asio::basic_socket",
      "::asio::ssl::stream",
      "::boost::asio::basic_socket",
      "::boost::asio::ssl::stream",
      "::boost::beast::basic_stream",
      "::boost::beast::websocket::stream",
      "::boost::beast::ssl_stream",
      // C++ REST SDK responses and asynchronous streams.
      "::web::http::http_response",
      "::Concurrency::streams::basic_istream",
      "::Concurrency::streams::basic_ostream",
      "::Concurrency::streams::streambuf",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> referenceStreamTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::basic_istream",
      "::std::basic_ostream",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> perRequestClasses() {
  static constexpr llvm::StringRef Types[] = {
      "::std::enable_shared_from_this",
      "::boost::enable_shared_from_this",
      "::grpc::ServerUnaryReactor",
      "::grpc::ServerReadReactor",
      "::grpc::ServerWriteReactor",
      "::grpc::ServerBidiReactor",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> perRequestMemberTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::grpc::ServerContext",
      "::grpc::ServerAsyncWriter",
      "::grpc::ServerAsyncReader",
      "::grpc::ServerAsyncReaderWriter",
      "::grpc::ServerAsyncResponseWriter",
      "::pqxx::stream_from",
      "::pqxx::stream_to",
      "::pqxx::icursorstream",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> owningHandleTypes() {
  static constexpr llvm::StringRef Types[] = {
      "::std::shared_ptr",
      "::std::unique_ptr",
      "::boost::shared_ptr",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> weakObservableHandleTypes() {
  static constexpr llvm::StringRef Types[] = {"::std::shared_ptr"};
  return Types;
}

llvm::ArrayRef<llvm::StringRef> referenceWrapperFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::ref",
      "::std::cref",
      "::boost::ref",
      "::boost::cref",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> selfHandleMethods() {
  static constexpr llvm::StringRef Methods[] = {"shared_from_this",
                                                "weak_from_this"};
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> streamReleaseFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::PQclear",
      "::freeReplyObject",
      "::sqlite3_finalize",
  };
  return Functions;
}

} // namespace clang::tidy::leak::catalog
