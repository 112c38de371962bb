//===-- FunctionEffects.h - what a function of this file may do -*- C++ -*-===//
//
// Summaries of the functions defined in the translation unit, read from
// their bodies: may an exception leave the function, and may it call a
// function of interest (a release function). Calls are followed into other
// functions defined in the translation unit, a few levels deep; a function
// whose body is not in the translation unit (a library's) is taken to do
// neither, so that nothing is assumed of code that cannot be read.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_FUNCTIONEFFECTS_H
#define LEAKTIDY_LIB_FUNCTIONEFFECTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>

namespace clang::tidy::leak {

class FunctionEffects {
public:
  using Predicate = std::function<bool(const FunctionDecl &)>;
  /// Cache keys of mayCall: one per predicate a caller asks about.
  enum Key : unsigned { CallsRelease, CallsAcquire };

  /// True when an exception may leave \p F: its body throws outside of every
  /// try block, or calls a function of the translation unit that may throw.
  /// False for functions without a body here and for noexcept functions.
  bool mayThrow(const FunctionDecl &F);

  /// True when \p F, or a function of the translation unit it calls, calls a
  /// function for which \p Interesting holds. Answers are cached per
  /// (function, \p Key): one key per predicate.
  bool mayCall(const FunctionDecl &F, const Predicate &Interesting,
               unsigned Key);

  /// Statements of \p Body written inside the try block of a try statement
  /// of \p Body: an exception thrown there may be caught.
  static llvm::DenseSet<const Stmt *> insideTryBlocks(const Stmt &Body);

  void clear() {
    Throws.clear();
    Calls.clear();
  }

private:
  /// How deep calls are followed into the translation unit's functions.
  static constexpr unsigned MaxDepth = 3;
  bool throwsIn(const Stmt *S, unsigned Depth);
  bool mayThrow(const FunctionDecl &F, unsigned Depth);
  bool callsIn(const Stmt *S, const Predicate &Interesting, unsigned Key,
               unsigned Depth);
  bool mayCall(const FunctionDecl &F, const Predicate &Interesting,
               unsigned Key, unsigned Depth);

  llvm::DenseMap<const FunctionDecl *, bool> Throws;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Calls;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_FUNCTIONEFFECTS_H
