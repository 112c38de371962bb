//===-- RequestData.h - which variables hold request data ------*- C++ -*-===//
//
// A path to code that runs once per request (Handlers.h) carries the
// variables of that code whose values come from the request: a handler's
// parameters, the item or message of a per-item loop and the variables the
// loop updates, and everything computed from them. These find the variables a
// loop starts from and spread request data through a function body, so that a
// check can tell an object built from the request from one that is the same
// on every call.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_REQUESTDATA_H
#define LEAKTIDY_LIB_REQUESTDATA_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::leak::handlers {

/// Variables declared in \p S (loop variables, locals of the body).
void collectDeclared(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out);

/// The body of a for, range-for, while or do loop, or null.
const Stmt *loopBody(const Stmt &Loop);

/// The variables a loop declares in its header: the range-for variable, the
/// for-init variables, the condition variable.
void collectLoopVariables(const Stmt &Loop,
                          llvm::DenseSet<const ValueDecl *> &Out);

/// Grows \p Data, the request data of \p Body, to a fixed point: locals
/// initialized from request data, and objects assigned or updated with it.
void propagateRequestData(const Stmt *Body,
                          llvm::DenseSet<const ValueDecl *> &Data);

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_REQUESTDATA_H
