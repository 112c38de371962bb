//===-- Escape.h - does a callable outlive the current function? -*- C++ -*-===//
//
// Escape analysis of callables: given a lambda, a std::bind result or a
// function object, follow where its value goes in the function that creates
// it, and decide whether it can run after that function has returned:
//
//  * it escapes when it is stored in a member, a global, a static or an object
//    reached through a reference; added to such a container; handed to a sink
//    that keeps it (executors, timers and I/O operations, task continuations,
//    RPC callbacks, signal connections); run by a thread that is detached; or
//    returned;
//  * it is contained when it is called, passed to a known non-storing callee
//    (an algorithm), awaited with co_await, run by a thread or task that is
//    joined, handed to a local execution context, or kept in a local that dies
//    in scope;
//  * anything else (an unknown callee) is unknown.
//
// The answer says where (the steps, for notes) so that a check can point at
// the storing or handing site. See docs/escape.md.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_ESCAPE_H
#define LEAKTIDY_LIB_ESCAPE_H

#include "Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::leak::escape {

/// What the analysis knows about libraries. fromCatalog() fills every list
/// from lib/Catalog; a check replaces the lists it exposes as options.
struct Knowledge {
  /// Functions (qualified names) that keep a callable argument.
  std::vector<std::string> Sinks;
  /// Regular expressions over '::'-prefixed qualified names of sinks.
  std::vector<std::string> SinkPatterns;
  std::vector<std::string> ThreadTypes;
  std::vector<std::string> JoiningThreadTypes;
  std::vector<std::string> ThreadDetachMethods;
  std::vector<std::string> ThreadJoinMethods;
  std::vector<std::string> OwnerTypes;
  std::vector<std::string> WrapperTypes;
  std::vector<std::string> NonStoringCallees;
  std::vector<std::string> InsertMethods;
  std::vector<std::string> PassThroughFunctions;
  std::vector<std::string> FutureTypes;
  std::vector<std::string> BlockingFutureSpawners;
  std::vector<std::string> FutureJoinMethods;
  std::vector<std::string> SignalTypes;
  std::vector<std::string> SignalWaitMethods;

  static Knowledge fromCatalog();
};

enum class Verdict {
  Escapes,   ///< Proven to be able to run after the function returns.
  Contained, ///< Proven not to outlive the function (see Route).
  Unknown,   ///< Goes somewhere the analysis cannot follow.
};

/// How the callable escapes, or why it is contained.
enum class Route {
  // Escapes.
  StoredInMember, ///< A data member of the enclosing object ('this').
  StoredInObject, ///< An object reached through a reference or pointer.
  StoredInGlobal, ///< A namespace-scope variable or static data member.
  StoredInStatic, ///< A function-local static.
  DetachedThread, ///< Run by a thread that is detached.
  HandedToSink,   ///< Handed to a function that keeps it.
  UnjoinedTask,   ///< Run by a task whose result nobody waits for.
  Returned,       ///< Returned to the caller.
  // Contained.
  Called,           ///< Called where it is created.
  NonStoringCallee, ///< Passed to a callee known not to keep it.
  Joined,           ///< Its thread or task is joined.
  Awaited,          ///< The operation holding it is co_awaited.
  LocalScope,       ///< Kept in a local object that dies in scope.
  LocalOwner,       ///< Handed to a local execution context or signal.
  Synchronized,     ///< The function waits for a signal the callable gives.
  // Unknown.
  UnknownCallee, ///< Passed to a function the analysis does not know.
  Other,
};

/// One place on the way out, for a note.
struct Step {
  SourceLocation Loc;
  std::string Message;
};

struct Result {
  Verdict Answer = Verdict::Unknown;
  Route Way = Route::Other;
  /// The places the callable passes through; for an escape, the last one is
  /// where it leaves (the storing assignment, the sink call, the detach).
  std::vector<Step> Steps;
  /// A short phrase completing "a lambda that ...": "runs on a detached
  /// thread", "is stored in member 'Handlers'".
  std::string Summary;
  /// The sink that keeps the callable (HandedToSink, UnjoinedTask).
  const FunctionDecl *Sink = nullptr;
  /// The object the sink acts on: the object of a member call, else the
  /// first argument when it is not the callable.
  const Expr *SinkTarget = nullptr;
  /// The call that hands the callable to the sink.
  const CallExpr *SinkCall = nullptr;
  /// The member, global or static the callable is stored in.
  const ValueDecl *StoredIn = nullptr;
  /// The function the callable is returned from (Returned).
  const Decl *ReturnedFrom = nullptr;
  /// The callable runs on a thread it was handed to, and the thread escapes.
  bool OnThread = false;
  bool escapes() const { return Answer == Verdict::Escapes; }
  SourceLocation site() const {
    return Steps.empty() ? SourceLocation() : Steps.back().Loc;
  }
};

/// The escape analysis, configured once (patterns are compiled here) and
/// reusable for any number of callables.
class Analysis {
public:
  explicit Analysis(const Knowledge &K);
  ~Analysis();
  Analysis(const Analysis &) = delete;
  Analysis &operator=(const Analysis &) = delete;

  /// Where the value of \p Callable (a lambda, a bind call, a function object
  /// expression) goes. \p Noun names it in step messages ("lambda").
  Result analyze(const Expr &Callable, ASTContext &Ctx,
                 llvm::StringRef Noun = "lambda") const;

  /// True when \p F is a sink: named in Sinks or matched by a SinkPattern.
  bool isSink(const FunctionDecl &F) const;

  struct Sets;

private:
  std::unique_ptr<Sets> Names;
};

/// The function, lambda call operator or block whose body holds \p S, or null.
const Decl *enclosingFunction(const Stmt &S, ASTContext &Ctx);

/// How a function is called in messages: "'exportRows'", or "the enclosing
/// lambda".
std::string describeFunction(const Decl *Function);

/// The name of a callee as messages show it: 'asio::post',
/// 'basic_waitable_timer::async_wait'.
std::string calleeName(const FunctionDecl &F);

} // namespace clang::tidy::leak::escape

#endif // LEAKTIDY_LIB_ESCAPE_H
