//===-- EscapeWalk.h - following the value of a callable -------*- C++ -*-===//
//
// The escape analysis (Escape.h) follows the value of a callable from parent
// to parent until it is stored, handed on, returned, called or dropped.
// Walker is that walk. Escape.cpp follows the value's own way: through
// wrappers and captures into variables, stores and returns. EscapeCalls.cpp
// says what a call does with it: a thread or task that runs it and who waits
// for that, a sink that keeps it, a local execution context that owns it, a
// co_await, and a completion signal the function waits for.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_ESCAPEWALK_H
#define LEAKTIDY_LIB_ESCAPEWALK_H

#include "Escape.h"
#include "Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak::escape {

struct Analysis::Sets {
  explicit Sets(const Knowledge &K);

  NameList Sinks, ThreadTypes, JoiningThreadTypes, OwnerTypes, WrapperTypes,
      NonStoring, PassThrough, FutureTypes, BlockingSpawners, SignalTypes;
  llvm::StringSet<> DetachMethods, JoinMethods, InsertMethods,
      FutureJoinMethods, SignalWaitMethods;
  std::vector<llvm::Regex> SinkPatterns;
};

/// What the tracked value is at this point of its way.
enum class Holder {
  Callable,       ///< The callable itself, or a wrapper holding it.
  Thread,         ///< A thread running it: must be joined or detached.
  JoiningThread,  ///< A thread that joins in its destructor.
  Future,         ///< A task handle that does not wait when destroyed.
  BlockingFuture, ///< A future whose destructor waits (std::async).
  Container,      ///< An object holding it among other things.
};

/// Where an assignment or insertion stores its value.
struct Storage {
  enum Kind { Member, Global, Static, Object, Local, Unknown } Where = Unknown;
  const ValueDecl *Decl = nullptr;
  const VarDecl *Var = nullptr;
};

class Walker {
public:
  Walker(const Analysis &A, const Analysis::Sets &S, ASTContext &Ctx,
         llvm::StringRef Noun)
      : A(A), S(S), Ctx(Ctx), Noun(Noun.str()) {}

  /// Follows the value of \p Start. std::nullopt: this use neither moves the
  /// value nor ends it (a query such as 'joinable()').
  std::optional<Result> flow(const Expr &Start, Holder Kind,
                             std::vector<Step> Path, unsigned Depth);

  /// True when the function that hands \p Lambda off waits, after \p Site,
  /// for a completion signal the lambda captures.
  bool waitsForSignal(const LambdaExpr &Lambda, SourceLocation Site);

private:
  std::optional<Result> intoVariable(const VarDecl &Var, Holder Kind,
                                     std::vector<Step> Path, unsigned Depth);
  std::optional<Result> trackVariable(const VarDecl &Var, Holder Kind,
                                      const std::vector<Step> &Path,
                                      unsigned Depth);
  std::optional<Result> memberCall(const CXXMemberCallExpr &Call, Holder Kind,
                                   std::vector<Step> Path, unsigned Depth);
  std::optional<Result> argument(const CallExpr &Call, const Expr &Arg,
                                 Holder Kind, std::vector<Step> Path,
                                 unsigned Depth);
  /// Where a function of the translation unit puts the callable it is
  /// given as \p Arg: std::nullopt when its body is not here (or is not
  /// followed), else what its parameter's uses say, seen from the call.
  std::optional<Result> intoFunctionOfFile(const CallExpr &Call,
                                           const FunctionDecl &Callee,
                                           const Expr &Arg, Holder Kind,
                                           const std::vector<Step> &Path,
                                           unsigned Depth);
  std::optional<Result> sinkCall(const CallExpr &Call,
                                 const FunctionDecl &Callee, const Expr &Arg,
                                 std::vector<Step> Path, unsigned Depth);
  std::optional<Result> store(const Expr &Target, const Stmt &At, Holder Kind,
                              std::vector<Step> Path, unsigned Depth,
                              bool Insertion);
  Result discarded(const Expr &E, Holder Kind, std::vector<Step> Path);

  Storage classify(const Expr *E, bool Indirect, unsigned Depth);
  bool boundByLocalOwner(const Expr *E, unsigned Depth);
  bool isAwaited(const Expr &E);

  Result escape(Route Way, std::vector<Step> Path, SourceLocation Loc,
                std::string Note, std::string Summary) const {
    Result R;
    R.Answer = Verdict::Escapes;
    R.Way = Way;
    Path.push_back({Loc, std::move(Note)});
    R.Steps = std::move(Path);
    R.Summary = std::move(Summary);
    return R;
  }
  static Result contained(Route Way) {
    Result R;
    R.Answer = Verdict::Contained;
    R.Way = Way;
    return R;
  }
  static Result unknown(Route Way = Route::Other) {
    Result R;
    R.Answer = Verdict::Unknown;
    R.Way = Way;
    return R;
  }
  std::string the() const { return "the " + Noun; }
  /// What is moved at a step: the callable itself or what holds it.
  std::string the(Holder Kind) const {
    switch (Kind) {
    case Holder::Thread:
    case Holder::JoiningThread:
      return "the thread running " + the();
    case Holder::Future:
      return "the task running " + the();
    case Holder::BlockingFuture:
      return "the future of " + the();
    case Holder::Container:
      return "the object holding " + the();
    case Holder::Callable:
      break;
    }
    return the();
  }

  const Analysis &A;
  const Analysis::Sets &S;
  ASTContext &Ctx;
  std::string Noun;
  llvm::DenseSet<std::pair<const void *, unsigned>> Visiting;
  /// How many functions of the file deep the callable is followed now.
  unsigned CalleeLevels = 0;
  static constexpr unsigned MaxCalleeLevels = 3;
};

/// True for the nodes a value passes through unchanged.
bool isTransparent(const Stmt &P);

const Expr *stripped(const Expr *E);

/// Every reference to \p Var below \p S, in source order.
void collectUses(const Stmt *S, const VarDecl &Var,
                 std::vector<const DeclRefExpr *> &Uses);

/// The body of the function or block that declares \p Var, or null.
const Stmt *bodyOf(const VarDecl &Var);

} // namespace clang::tidy::leak::escape

#endif // LEAKTIDY_LIB_ESCAPEWALK_H
