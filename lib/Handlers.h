//===-- Handlers.h - does this code run once per request? ------*- C++ -*-===//
//
// Finds the code of a translation unit that runs once per request, item or
// message, and says why, so that a diagnostic can point at the reason:
//
//  * request handlers: overrides of the virtual methods of a service base
//    class (a gRPC generated 'Foo::Service'), member functions of objects that
//    live for one call (gRPC reactors, async CallData), functions that take
//    the server's per-request object (grpc::ServerContext, httplib::Request)
//    as a parameter, lambdas and functions
//    passed to a route registration function (cpp-httplib, cpprestsdk, Beast
//    read handlers, Crow, Drogon, Pistache), functions named by the user;
//  * bodies of loops over the items of a container or that read one message
//    per iteration;
//  * functions of the same translation unit that those call.
//
// Code that runs once is never per request: initializers of statics, the
// first-time branch of a lazily initialized static or member (LazyInit.h),
// 'main', constructors, set-up functions and connection pools.
//
// HandlerReasons.h says why a function or a loop is a root and RequestData.h
// which variables hold request data; HandlerIndex below indexes the
// registrations and calls of a translation unit and walks from a statement up
// to its roots.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_HANDLERS_H
#define LEAKTIDY_LIB_HANDLERS_H

#include "Names.h"
#include "RequestData.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::leak::handlers {

/// What makes code run per request. Checks fill it from their options (see
/// LeakCheck::readHandlerOptions); the defaults come from the catalog.
struct Config {
  /// Regular expressions on qualified names of handler functions.
  std::vector<std::string> HandlerFunctions;
  /// Functions whose callable arguments are handlers.
  std::vector<std::string> RegistrationFunctions;
  /// Classes whose virtual methods, when overridden, are handlers.
  std::vector<std::string> BaseClasses;
  /// Types of the per-request objects handlers receive as parameters.
  std::vector<std::string> RequestTypes;
  /// Member functions that reply to a received request: a function calling
  /// one on its parameter is a handler.
  std::vector<std::string> ReplyMethods;
  /// Types of objects that live for one call.
  std::vector<std::string> PerCallTypes;
  /// Functions that wrap a callable ('std::bind').
  std::vector<std::string> CallableWrappers;
  /// Functions that read one message per call.
  std::vector<std::string> MessageReadFunctions;
  /// Member function names that bound a loop over a container.
  std::vector<std::string> ContainerBoundMethods;
  /// Regular expressions on qualified names of set-up functions.
  std::vector<std::string> SetupFunctions;
  /// Regular expressions on qualified names of connection pools.
  std::vector<std::string> PoolFunctions;
};

/// The kinds of reasons for code to run once per request.
enum class RootKind {
  /// Overrides a virtual of a handler base class.
  Override,
  /// A member function of an object that lives for one call.
  PerCallObject,
  /// Passed to a registration function.
  Registered,
  /// Named by the HandlerFunctions option.
  Configured,
  /// Takes the server's per-request object as a parameter.
  RequestParameter,
  /// The body of a loop over the items of a container.
  ItemLoop,
  /// The body of a loop that reads one message per iteration.
  MessageLoop,
};

/// Why a function or a loop body runs once per request, item or message.
struct Reason {
  RootKind Kind = RootKind::Registered;
  /// Where the reason can be seen: the registration call, the handler, the
  /// per-call member, the loop.
  SourceLocation Loc;
  /// A note for that location, e.g. "the lambda is a request handler: it is
  /// registered with 'httplib::Server::Get' here".
  std::string Note;
  /// The handler function (a lambda's call operator), or the function holding
  /// the loop.
  const FunctionDecl *Function = nullptr;
  /// The loop, for ItemLoop and MessageLoop.
  const Stmt *Loop = nullptr;

  bool isLoop() const {
    return Kind == RootKind::ItemLoop || Kind == RootKind::MessageLoop;
  }
  /// What the code runs once per: "request", "item" or "message".
  llvm::StringRef unit() const;
};

/// A call on the way from a handler to the code in question.
struct CallStep {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Callee = nullptr;
};

/// One way a statement runs once per request, item or message.
struct PerRequestPath {
  Reason Root;
  /// The calls from the root down to the function holding the statement,
  /// outermost first; empty when the statement is in the root itself.
  std::vector<CallStep> Calls;
  /// The variables of the function holding the statement whose values come
  /// from the request along this path: the handler's parameters, the loop's
  /// item or message, and what is computed from them.
  std::shared_ptr<const llvm::DenseSet<const ValueDecl *>> RequestData;
  /// The variables of RequestData that receive it only as output arguments
  /// of calls, and where they first do: read before that, they do not hold
  /// request data ('connect(conn); query(conn, sql_from_request);').
  std::shared_ptr<const OutputWrites> Outputs;
  const SourceManager *SM = nullptr;

  /// True when \p E reads a variable holding request data.
  bool dependsOnRequest(const Expr &E) const;
};

/// Answers "does this run once per request, and why?" for one translation
/// unit. The index of registrations and calls is built on first use and
/// rebuilt when asked about another ASTContext.
class HandlerIndex {
public:
  explicit HandlerIndex(const Config &C);
  ~HandlerIndex();
  HandlerIndex(const HandlerIndex &) = delete;
  HandlerIndex &operator=(const HandlerIndex &) = delete;

  /// The ways \p S runs once per request, item or message: at most \p Limit,
  /// the shortest first. Empty when \p S is not known to: outside any handler
  /// or per-item loop, or in code that runs once (see the file comment).
  std::vector<PerRequestPath> perRequestPaths(const Stmt &S, ASTContext &Ctx,
                                              unsigned Limit = 4);

  /// Why \p F is a request handler by itself (not through its callers).
  std::optional<Reason> handlerReason(const FunctionDecl &F, ASTContext &Ctx);

  /// Forgets the translation unit indexed so far; call it at the end of
  /// each translation unit.
  void reset();

  /// True when \p F runs at start-up or hands out pooled objects: 'main',
  /// constructors, destructors, set-up functions, pool functions.
  bool isStartupOrPool(const FunctionDecl &F) const;

  /// True when \p Record is named like a connection pool (the PoolFunctions
  /// patterns on its qualified name): what is built from one is borrowed
  /// from it ('soci::session sql(pool)'), not a new connection.
  bool isPoolClass(const CXXRecordDecl &Record) const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_HANDLERS_H
