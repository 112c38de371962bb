//===-- Observation.h - does a continuation observe its task? --*- C++ -*-===//
//
// A dropped chain of continuations ('task.then(...)') loses nothing when its
// last continuation is task-based, that is, takes the antecedent task itself,
// and observes it: calls a member that rethrows the work's exception
// ('get()', 'wait()') inside a try block, or hands the task to a function that
// does. Such a continuation runs whatever the outcome and sees every error.
// What the functions of the translation unit do with their parameters is
// summarized once per function and parameter.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_OBSERVATION_H
#define LEAKTIDY_LIB_OBSERVATION_H

#include "Names.h"
#include "References.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak {

/// Answers "does this continuation observe the task it is given?" for one
/// translation unit at a time (the summaries are forgotten when asked about
/// another ASTContext).
class TaskObservers {
public:
  /// \p TaskTypes are the qualified names of future-like classes.
  explicit TaskObservers(std::vector<std::string> TaskTypes)
      : TaskTypes(std::move(TaskTypes)) {}

  /// True when \p Call attaches a continuation to a task (a member listed in
  /// catalog::futureContinuationMethods() of a class in TaskTypes) and every
  /// body the continuation may run takes the task as its first parameter and
  /// observes it (see observesParameter).
  bool observesAntecedent(const CallExpr &Call, ReferenceIndex &Refs);

  /// True when the function \p F observes its parameter number \p Index:
  /// calls a rethrowing member on it inside a try block of its body (not in a
  /// nested lambda), or passes it to a function that observes the matching
  /// parameter, a few calls deep. A function of the project whose body is
  /// not in this translation unit is trusted to observe what it is given; a
  /// library function is not.
  bool observesParameter(const FunctionDecl &F, unsigned Index,
                         ASTContext &Ctx);

  /// True when the function or lambda whose body is \p Body blocks after
  /// \p S: calls 'get()' on an object of a class in TaskTypes, or 'wait()'
  /// on any object (a task, an event, a condition variable), written after
  /// \p S and not inside a nested lambda. Such code
  /// runs its asynchronous work to completion before it goes on (a test
  /// that answers from a mock server, then waits for the client's response).
  bool blocksAfter(const Stmt &S, const Stmt &Body, ASTContext &Ctx) const;

private:
  /// True when \p Type is a 'std::function' whose first parameter is a task.
  bool isTaskBasedFunctionObject(QualType Type, ASTContext &Ctx) const;
  bool observes(const Stmt *S, const ParmVarDecl &Param, bool InTry,
                unsigned Depth, ASTContext &Ctx);
  bool observesParameter(const FunctionDecl &F, unsigned Index, unsigned Depth,
                         ASTContext &Ctx);

  const std::vector<std::string> TaskTypes;
  const ASTContext *Summarized = nullptr;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Summaries;
};

/// Answers "does the task this function returns only report the completion
/// of work that goes on anyway?": the function is listed (IgnoredResultFunctions:
/// a reply that is sent either way, an already completed task), or is a
/// function of the translation unit whose every return hands back the task
/// of such a function, up to three functions deep.
class CompletionOnlyTasks {
public:
  explicit CompletionOnlyTasks(llvm::ArrayRef<std::string> Listed)
      : Listed(Listed) {}

  bool reportsCompletionOnly(const FunctionDecl &F) {
    return reportsCompletionOnly(F, 0);
  }
  void clear() { Summaries.clear(); }

private:
  static constexpr unsigned MaxDepth = 3;
  bool reportsCompletionOnly(const FunctionDecl &F, unsigned Depth);

  const NameList Listed;
  llvm::DenseMap<const FunctionDecl *, bool> Summaries;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_OBSERVATION_H
