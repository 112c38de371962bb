//===-- HandlerReasons.h - why a function or loop is a root ----*- C++ -*-===//
//
// Code runs once per request (Handlers.h) when it is reached from a root: a
// function that is a request handler by itself, or the body of a loop that
// runs once per item or message. These say why a function or a loop is a
// root, from the names the checks configure, with the note a diagnostic shows
// for it:
//
//  * it overrides a virtual of a handler base class;
//  * it is a member function of an object that lives for one call;
//  * it takes the server's per-request object as a parameter, or replies to
//    one;
//  * the loop reads one message per iteration, or runs over the items of a
//    container.
//
// Handlers registered with a framework and functions named by the user are
// found by the index of Handlers.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_HANDLERREASONS_H
#define LEAKTIDY_LIB_HANDLERREASONS_H

#include "Handlers.h"
#include "Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang::tidy::leak::handlers {

/// The qualified name of \p D in quotes, for a note.
std::string quoted(const NamedDecl &D);

/// What a note calls function \p F: "the lambda" or its quoted name.
std::string describeFunction(const FunctionDecl &F);

/// Why \p Method is a handler: it overrides a virtual method of a class named
/// in \p BaseClasses (or derived from one).
std::optional<Reason> overrideReason(const CXXMethodDecl &Method,
                                     const NameList &BaseClasses);

/// Why \p Method runs for every request: its class derives from, or holds by
/// value, a class named in \p PerCallTypes.
std::optional<Reason> perCallReason(const CXXMethodDecl &Method,
                                    const NameList &PerCallTypes);

/// Why \p F is a handler: a parameter is an object of \p RequestTypes, or \p F
/// calls one of \p ReplyMethods on a parameter.
std::optional<Reason> requestParameterReason(const FunctionDecl &F,
                                             const NameList &RequestTypes,
                                             const NameList &ReplyMethods);

/// Why the body of \p Loop, in function \p F, runs once per item or message:
/// it ranges over a container that is not spelled out in the code, calls one
/// of \p MessageReads, or its condition calls one of \p BoundMethods on a
/// container.
std::optional<Reason> loopReason(const Stmt &Loop, const FunctionDecl *F,
                                 ASTContext &Ctx, const NameList &MessageReads,
                                 const llvm::StringSet<> &BoundMethods);

} // namespace clang::tidy::leak::handlers

#endif // LEAKTIDY_LIB_HANDLERREASONS_H
