//===-- Callables.h - the code a callable expression runs ------*- C++ -*-===//
//
// Spawned work is given as an expression: a lambda, a function, a pointer to
// member, a function object, a variable holding one of them, or a call
// producing a coroutine. These helpers find the function definitions that
// will run, when they are written in user code of this translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_CALLABLES_H
#define LEAKTIDY_LIB_CALLABLES_H

#include "References.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::leak {

/// The function definitions that run when the callable \p E is invoked: a
/// lambda's call operator, a function or member function named directly,
/// through '&' or as a pointer to member, the call operator of a function
/// object (including '*this'), or, through \p Index, what a variable or field
/// holding a callable is initialised or assigned with. Only definitions in
/// user code count; an empty result means the body is not known here.
llvm::SmallVector<const FunctionDecl *, 2> resolveCallable(const Expr *E,
                                                           ReferenceIndex &Index);

/// The work described by an argument of a spawn function: for a call of a
/// user function that produces the work (a coroutine call such as
/// 'poll(url)'), the called function; otherwise resolveCallable.
llvm::SmallVector<const FunctionDecl *, 2> resolveWork(const Expr *E,
                                                       ReferenceIndex &Index);

/// The definition of \p F when it is written in user code (not in a system
/// header), or null.
const FunctionDecl *userDefinition(const FunctionDecl *F,
                                   const SourceManager &SM);

/// True when \p Type (or the type it refers to) is a class whose qualified
/// name is in \p Names, as hasAnyName matches it (class template
/// specializations match by their template's name).
bool isClassNamed(QualType Type, llvm::ArrayRef<llvm::StringRef> Names,
                  ASTContext &Ctx);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_CALLABLES_H
