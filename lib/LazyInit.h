//===-- LazyInit.h - is a value stored only the first time? ----*- C++ -*-===//
//
// Code that runs once per request may still create an object only once: a
// lazily initialized static, global or member is set on the first call and
// reused by every later one ('if (!Client) Client = makeClient();'). These
// follow a value to the object it is stored into and say whether that store
// runs only while the object is not set yet, so that the per-request analysis
// (Handlers.h) and the checks do not count it once per request.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LAZYINIT_H
#define LEAKTIDY_LIB_LAZYINIT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::leak::handlers {

/// The object the value of \p E is stored into (assigned to, or handed to a
/// member function of, such as 'push_back' or 'reset'), looking through
/// 'new', conversions and 'std::move'; nullptr when it is not stored.
const ValueDecl *storedInto(const Expr &E, ASTContext &Ctx);

/// True when the value of \p E is stored into a static, global, member or
/// caller-owned object in a branch that runs only while that object is not
/// set yet: `if (!Shared) Shared = new Client(...)`.
bool isFirstTimeInitialization(const Expr &E, ASTContext &Ctx);

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_LAZYINIT_H
