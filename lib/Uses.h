//===-- Uses.h - how a local variable is used in its function --*- C++ -*-===//
//
// Classifies every reference to a local variable in the function that owns
// it: does the code wait on it, hand it on, or only look at it? Checks use
// this to decide whether a handle (a future, a task) is ever resolved.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_USES_H
#define LEAKTIDY_LIB_USES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace clang::tidy::leak {

enum class UseKind {
  Resolved,  ///< A member call listed as resolving (get(), wait()...), co_await.
  Inspected, ///< A member call listed as only inspecting (valid()...).
  Assigned,  ///< The left side of an assignment: a new value, not a use.
  VoidCast,  ///< Cast to void: the author explicitly ignores the value.
  Escaped,   ///< Returned, passed to a function, moved, captured, address taken,
             ///< or used in any way this analysis does not model.
};

struct VarUse {
  const DeclRefExpr *Ref;
  UseKind Kind;
};

/// Lists the references to \p Var inside \p Scope (usually the body of the
/// function or lambda declaring it), classified by how each one is used.
/// \p ResolvingMethods and \p InspectingMethods are unqualified member names.
std::vector<VarUse> classifyUses(const VarDecl &Var, const Stmt &Scope,
                                 ASTContext &Ctx,
                                 llvm::ArrayRef<std::string> ResolvingMethods,
                                 llvm::ArrayRef<std::string> InspectingMethods);

/// The body of the innermost function, lambda or block that declares \p Var.
const Stmt *enclosingBody(const VarDecl &Var, ASTContext &Ctx);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_USES_H
