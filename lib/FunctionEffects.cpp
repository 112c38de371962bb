//===-- FunctionEffects.cpp - what a function of this file may do ---------===//

#include "FunctionEffects.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::leak {

namespace {

/// The definition of the function \p Call calls, when its body is in the
/// translation unit and outside system headers.
const FunctionDecl *definitionCalled(const Stmt *S) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    Callee = Construct->getConstructor();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition ||
      Definition->isTemplated())
    return nullptr;
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

void collectAll(const Stmt *S, llvm::DenseSet<const Stmt *> &Into) {
  if (!S)
    return;
  Into.insert(S);
  for (const Stmt *Child : S->children())
    collectAll(Child, Into);
}

void collectTries(const Stmt *S, llvm::DenseSet<const Stmt *> &Into) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    collectAll(Try->getTryBlock(), Into);
  for (const Stmt *Child : S->children())
    collectTries(Child, Into);
}

} // namespace

llvm::DenseSet<const Stmt *> FunctionEffects::insideTryBlocks(const Stmt &Body) {
  llvm::DenseSet<const Stmt *> Inside;
  collectTries(&Body, Inside);
  return Inside;
}

bool FunctionEffects::mayThrow(const FunctionDecl &F) {
  return mayThrow(F, MaxDepth);
}

bool FunctionEffects::mayThrow(const FunctionDecl &F, unsigned Depth) {
  const FunctionDecl *Definition = nullptr;
  if (!F.hasBody(Definition) || !Definition)
    return false;
  if (const auto *Proto = Definition->getType()->getAs<FunctionProtoType>())
    if (Proto->isNothrow())
      return false;
  if (const auto It = Throws.find(Definition); It != Throws.end())
    return It->second;
  if (Depth == 0)
    return false;
  // Assume no throw while the body is read: recursion ends there.
  Throws[Definition] = false;
  const bool Result = throwsIn(Definition->getBody(), Depth);
  Throws[Definition] = Result;
  return Result;
}

bool FunctionEffects::throwsIn(const Stmt *S, unsigned Depth) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    // What the try block throws is taken to be caught; a handler may throw.
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (throwsIn(Try->getHandler(I)->getHandlerBlock(), Depth))
        return true;
    return false;
  }
  if (const FunctionDecl *Callee = definitionCalled(S))
    if (mayThrow(*Callee, Depth - 1))
      return true;
  for (const Stmt *Child : S->children())
    if (throwsIn(Child, Depth))
      return true;
  return false;
}

bool FunctionEffects::mayCall(const FunctionDecl &F,
                              const Predicate &Interesting, unsigned Key) {
  return mayCall(F, Interesting, Key, MaxDepth);
}

bool FunctionEffects::mayCall(const FunctionDecl &F,
                              const Predicate &Interesting, unsigned Key,
                              unsigned Depth) {
  const FunctionDecl *Definition = nullptr;
  if (!F.hasBody(Definition) || !Definition)
    return false;
  const auto Entry = std::make_pair(Definition, Key);
  if (const auto It = Calls.find(Entry); It != Calls.end())
    return It->second;
  if (Depth == 0)
    return false;
  Calls[Entry] = false;
  const bool Result = callsIn(Definition->getBody(), Interesting, Key, Depth);
  Calls[Entry] = Result;
  return Result;
}

bool FunctionEffects::callsIn(const Stmt *S, const Predicate &Interesting,
                              unsigned Key, unsigned Depth) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Interesting(*Callee))
      return true;
  if (const FunctionDecl *Callee = definitionCalled(S))
    if (mayCall(*Callee, Interesting, Key, Depth - 1))
      return true;
  for (const Stmt *Child : S->children())
    if (callsIn(Child, Interesting, Key, Depth))
      return true;
  return false;
}

} // namespace clang::tidy::leak
