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
#include "llvm/ADT/DenseMap.h"
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

/// Where a variable received request data only as the output argument of
/// a call ('parse(body, &out)'): the earliest such call. Before it, the
/// variable does not hold request data yet.
using OutputWrites = llvm::DenseMap<const ValueDecl *, SourceLocation>;

/// Grows \p Data, the request data of \p Body, to a fixed point: locals
/// initialized from request data, and objects assigned or updated with it.
/// With \p Outputs, records the variables that receive it only through the
/// output arguments of calls.
void propagateRequestData(const Stmt *Body,
                          llvm::DenseSet<const ValueDecl *> &Data,
                          OutputWrites *Outputs = nullptr,
                          const SourceManager *SM = nullptr);

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_REQUESTDATA_H
