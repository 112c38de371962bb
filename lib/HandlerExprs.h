//===-- HandlerExprs.h - what a statement reads and writes -----*- C++ -*-===//
//
// The syntactic questions the per-request analysis (Handlers.h) asks of single
// expressions and statements: which variable or field an lvalue is rooted at,
// which declarations a statement reads, which variables it may modify, and
// whether two nodes are the same expression up to implicit wrappers.
// RequestData.h and LazyInit.h build on them.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_HANDLEREXPRS_H
#define LEAKTIDY_LIB_HANDLEREXPRS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::leak::handlers {

/// Expressions that only wrap another one: parentheses, implicit nodes,
/// temporaries.
const Expr *stripWrappers(const Expr *E);

/// True when \p A and \p B are the same expression up to implicit wrappers.
bool isSame(const Stmt *A, const Stmt *B);

/// The first parent of \p S when it is a statement, or null.
const Stmt *singleParentStmt(const Stmt &S, ASTContext &Ctx);

/// The declaration an lvalue expression is rooted at: the variable of
/// 'a.b[i]', '*p' or 'p->x', or the field of 'this->f'.
const ValueDecl *rootDecl(const Expr *E);

/// True when \p S reads one of \p Decls (nested lambdas included).
bool mentionsAny(const Stmt *S, const llvm::DenseSet<const ValueDecl *> &Decls,
                 llvm::function_ref<bool(const ValueDecl *)> Holds = nullptr);

/// True when \p S reads \p D (nested lambdas included).
bool mentions(const Stmt *S, const ValueDecl *D);

/// Collects the variables that statements in \p S may modify: assigned,
/// incremented, address taken, passed by non-const reference, or the object
/// of a non-const member call.
void collectModified(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out);

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_HANDLEREXPRS_H
