//===-- Context.h - how an expression's value is used ----------*- C++ -*-===//
//
// Questions about the syntactic context of an expression that several checks
// ask: is its value thrown away, and if so, explicitly?
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_CONTEXT_H
#define LEAKTIDY_LIB_CONTEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::leak {

enum class ValueUse {
  Used,              ///< The value flows somewhere (variable, argument, return...).
  Discarded,         ///< The expression is a statement of its own.
  DiscardedByCast,   ///< The value is cast to void.
};

/// Classifies how the value of \p E is used by its enclosing code, looking
/// through parentheses, implicit conversions, temporaries and comma operators.
ValueUse classifyValueUse(const Expr &E, ASTContext &Ctx);

/// Returns the expression below \p E with parentheses, implicit casts,
/// temporaries materialization and cleanups stripped.
const Expr *ignoreTemporaries(const Expr *E);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_CONTEXT_H
