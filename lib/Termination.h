//===-- Termination.h - does spawned work ever end? ------------*- C++ -*-===//
//
// The questions a check asks about the body of spawned work: does it loop
// forever (a condition that never changes and no way out of the loop), and
// does a handler schedule itself again forever? "Never changes" covers
// constants and flags that nothing in the translation unit sets, when no
// other translation unit can set them either.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_TERMINATION_H
#define LEAKTIDY_LIB_TERMINATION_H

#include "References.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::leak {

/// Why a condition always has the same value.
struct StuckCondition {
  /// The variable or field the condition tests, which nothing sets to the
  /// other value; null when the condition is a constant (or absent).
  const ValueDecl *Flag = nullptr;
  /// Where the condition reads the flag.
  const Expr *FlagUse = nullptr;
};

/// When the condition \p Cond always evaluates to \p Value: it is absent
/// (only for \p Value true), a constant, or a test of one variable or field
/// ('F', '!F', 'F.load()') that nothing in this translation unit sets to the
/// other value and that no other translation unit can reach (a local, a
/// variable with internal linkage, or a private field of a class whose
/// members and friends are all defined here).
std::optional<StuckCondition> stuckCondition(const Expr *Cond, bool Value,
                                             ReferenceIndex &Index);

/// A loop that never ends.
struct EndlessLoop {
  const Stmt *Loop = nullptr;
  /// The loop condition as written; null for 'for (;;)'.
  const Expr *Condition = nullptr;
  StuckCondition Stuck;
  /// The function whose body holds the loop.
  const FunctionDecl *Function = nullptr;
};

/// The first loop run by \p Body (directly, or in the user functions it
/// calls, a few calls deep) whose condition is stuck at true and that nothing
/// leaves: no break out of it, return, co_return, co_yield, throw, goto or
/// call of a noreturn function; not inside a try block of its function (an
/// exception is then its expected way out); and that neither reads a stop
/// token nor waits on a condition variable with a predicate.
std::optional<EndlessLoop> findEndlessLoop(const FunctionDecl &Body,
                                           ReferenceIndex &Index);

/// A handler that schedules itself again, forever.
struct ReschedulingChain {
  /// The scheduling call that closes the cycle (the first one in the source
  /// when the cycle has several).
  const CallExpr *Reschedule = nullptr;
  /// The functions on the cycle.
  llvm::SmallVector<const FunctionDecl *, 4> Cycle;
  /// Every function the handler leads to, the cycle included.
  llvm::SmallPtrSet<const FunctionDecl *, 8> Reachable;
  /// Conditions on the path that would stop the chain if anything set them.
  llvm::SmallVector<StuckCondition, 1> StuckGuards;
};

/// When one of the \p Handlers leads, through calls and scheduling calls
/// (those for which \p IsScheduler holds, whose callable arguments are the
/// scheduled handlers), back to a function on the way with at least one
/// scheduling call on the cycle, and every call on the cycle runs whatever
/// happens: no condition that can change guards it and no return or throw
/// that can happen precedes it.
std::optional<ReschedulingChain>
findEndlessRescheduling(llvm::ArrayRef<const FunctionDecl *> Handlers,
                        llvm::function_ref<bool(const CallExpr &)> IsScheduler,
                        ReferenceIndex &Index);

/// The body of \p F as written (the user's body of a coroutine).
const Stmt *writtenBody(const FunctionDecl &F);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_TERMINATION_H
