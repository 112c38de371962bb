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
#include <string>

namespace clang::tidy::leak {

enum class ValueUse {
  Used,              ///< The value flows somewhere (variable, argument, return...).
  Discarded,         ///< The expression is a statement of its own.
  DiscardedByCast,   ///< The value is cast to void.
};

/// Classifies how the value of \p E is used by its enclosing code, looking
/// through parentheses, implicit conversions, temporaries and comma operators.
ValueUse classifyValueUse(const Expr &E, ASTContext &Ctx);

/// A short name for what \p Call calls, for diagnostics: 'std::async',
/// 'std::promise::get_future' (the class of a member without its template
/// arguments), or 'this call' when there is no named callee.
std::string describeCallee(const CallExpr &Call);

/// The call that produced the value of \p E, looking through temporaries,
/// conversions and copy/move constructions; null if \p E is not a call.
const CallExpr *producingCall(const Expr *E);

/// Returns the expression below \p E with parentheses, implicit casts,
/// temporaries materialization and cleanups stripped.
const Expr *ignoreTemporaries(const Expr *E);

/// The function whose body holds \p S (a lambda's call operator for a
/// statement inside a lambda), or null.
const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_CONTEXT_H
