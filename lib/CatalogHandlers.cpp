//===-- CatalogHandlers.cpp - request handlers of RPC and web frameworks --===//

#include "Catalog.h"

namespace clang::tidy::leak::catalog {

llvm::ArrayRef<llvm::StringRef> handlerBaseClasses() {
  static constexpr llvm::StringRef Classes[] = {
      // gRPC: generated 'Foo::Service' and 'Foo::CallbackService' derive
      // from it; their virtual methods are the RPCs.
      "::grpc::Service",
      // Drogon: simple controllers and WebSocket controllers.
      "::drogon::HttpSimpleControllerBase",
      "::drogon::WebSocketControllerBase",
      // Pistache: 'onRequest' of a handler class.
      "::Pistache::Http::Handler",
      // Poco: the factory creates one handler per request, and the server
      // calls its 'handleRequest'.
      "::Poco::Net::HTTPRequestHandler",
      "::Poco::Net::HTTPRequestHandlerFactory",
  };
  return Classes;
}

llvm::ArrayRef<llvm::StringRef> requestTypes() {
  static constexpr llvm::StringRef Types[] = {
      // gRPC: ServerContext and CallbackServerContext.
      "::grpc::ServerContextBase", "::httplib::Request",
      "::crow::request",           "::drogon::HttpRequest",
      "::Pistache::Http::Request", "::Poco::Net::HTTPServerRequest",
      // Not cpprestsdk's http_request nor Beast's request: clients build
      // those too, for the requests they send.
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> requestReplyMethods() {
  static constexpr llvm::StringRef Methods[] = {
      // cpprestsdk: clients send http_request objects too, but only a
      // listener's handler replies to one.
      "::web::http::http_request::reply",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> perCallTypes() {
  static constexpr llvm::StringRef Types[] = {
      // gRPC callback API: one reactor object per RPC.
      "::grpc::ServerUnaryReactor",
      "::grpc::ServerReadReactor",
      "::grpc::ServerWriteReactor",
      "::grpc::ServerBidiReactor",
      // gRPC async API: the CallData object of one RPC holds its responder.
      "::grpc::ServerAsyncResponseWriter",
      "::grpc::ServerAsyncReader",
      "::grpc::ServerAsyncWriter",
      "::grpc::ServerAsyncReaderWriter",
  };
  return Types;
}

llvm::ArrayRef<llvm::StringRef> handlerRegistrationFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      // cpp-httplib
      "::httplib::Server::Get",
      "::httplib::Server::Post",
      "::httplib::Server::Put",
      "::httplib::Server::Patch",
      "::httplib::Server::Delete",
      "::httplib::Server::Options",
      "::httplib::Server::set_pre_routing_handler",
      "::httplib::Server::set_post_routing_handler",
      "::httplib::Server::set_error_handler",
      "::httplib::Server::set_exception_handler",
      // cpprestsdk
      "::web::http::experimental::listener::http_listener::support",
      // Boost.Beast: the completion handler of a read runs once per message.
      "::boost::beast::http::async_read",
      "::boost::beast::websocket::stream::async_read",
      // Crow: CROW_ROUTE(app, url)(handler)
      "::crow::TaggedRule::operator()",
      "::crow::DynamicRule::operator()",
      // Drogon
      "::drogon::HttpAppFramework::registerHandler",
      "::drogon::HttpAppFramework::registerHandlerViaRegex",
      "::drogon::HttpController::registerMethod",
      // Pistache REST router
      "::Pistache::Rest::Routes::Get",
      "::Pistache::Rest::Routes::Post",
      "::Pistache::Rest::Routes::Put",
      "::Pistache::Rest::Routes::Patch",
      "::Pistache::Rest::Routes::Delete",
      "::Pistache::Rest::Routes::Options",
      "::Pistache::Rest::Routes::Head",
      "::Pistache::Rest::Routes::NotFound",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> callableWrappers() {
  static constexpr llvm::StringRef Functions[] = {
      "::std::bind",
      "::std::bind_front",
      "::boost::bind",
      "::boost::beast::bind_front_handler",
      "::boost::beast::bind_handler",
      "::boost::asio::bind_executor",
      "::asio::bind_executor",
      "::Pistache::Rest::Routes::bind",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> messageReadFunctions() {
  static constexpr llvm::StringRef Functions[] = {
      "::grpc::ServerReader::Read",
      "::grpc::ServerReaderWriter::Read",
      "::grpc::ClientReader::Read",
      "::grpc::ClientReaderWriter::Read",
      "::grpc::CompletionQueue::Next",
      "::boost::beast::http::read",
      "::boost::beast::websocket::stream::read",
      "::boost::asio::basic_socket_acceptor::accept",
      "::asio::basic_socket_acceptor::accept",
      "::redisGetReply",
      "::rd_kafka_consumer_poll",
      "::rd_kafka_consume",
      "::zmq_recv",
      "::zmq_msg_recv",
      "::std::getline",
  };
  return Functions;
}

llvm::ArrayRef<llvm::StringRef> containerBoundMethods() {
  static constexpr llvm::StringRef Methods[] = {
      "size", "length", "empty", "end", "cend", "rend", "crend",
  };
  return Methods;
}

llvm::ArrayRef<llvm::StringRef> setupFunctionPatterns() {
  static constexpr llvm::StringRef Patterns[] = {
      "(^|::)([Ii]nit|[Ss]et_?[Uu]p|[Bb]ootstrap)[A-Za-z0-9_]*$",
  };
  return Patterns;
}

llvm::ArrayRef<llvm::StringRef> poolFunctionPatterns() {
  static constexpr llvm::StringRef Patterns[] = {
      // A class or function named like a pool: ConnectionPool::acquire,
      // connection_pool::get, pool().
      "(^|::)[A-Za-z0-9_]*[Pp]ool(::|$)",
      // Free functions that hand out pooled objects.
      "(^|::)(acquire|borrow|checkout|check_out|lease)[A-Za-z0-9_]*$",
  };
  return Patterns;
}

} // namespace clang::tidy::leak::catalog
