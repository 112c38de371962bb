//===-- Context.cpp - how an expression's value is used -------------------===//

#include "Context.h"
#include "Parents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::leak {

const Expr *ignoreTemporaries(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Materialize = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Materialize->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::string describeCallee(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return "this call";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    return Method->getParent()->getQualifiedNameAsString() + "::" +
           Method->getName().str();
  return Callee->getQualifiedNameAsString();
}

const CallExpr *producingCall(const Expr *E) {
  while (E) {
    E = ignoreTemporaries(E);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1)
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    return dyn_cast<CallExpr>(E);
  }
  return nullptr;
}

static const Stmt *singleParent(const DynTypedNode &Node, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(Node, Ctx);
  if (Parents.size() != 1)
    return nullptr;
  return Parents[0].get<Stmt>();
}

/// True when \p A and \p B are the same statement, up to the implicit nodes
/// that wrap expressions (parent lookups may or may not skip them, depending
/// on the traversal kind in effect).
static bool isSameStmt(const Stmt *A, const Stmt *B) {
  if (A == B)
    return true;
  const auto *EA = dyn_cast_or_null<Expr>(A);
  const auto *EB = dyn_cast_or_null<Expr>(B);
  return EA && EB && ignoreTemporaries(EA) == ignoreTemporaries(EB);
}

/// True when \p Parent holds \p Child as a statement, not as a condition.
static bool holdsAsStatement(const Stmt &Parent, const Stmt &Child) {
  if (isa<CompoundStmt, SwitchCase, LabelStmt, AttributedStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return isSameStmt(If->getThen(), &Child) || isSameStmt(If->getElse(), &Child);
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return isSameStmt(While->getBody(), &Child);
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return isSameStmt(Do->getBody(), &Child);
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return isSameStmt(For->getBody(), &Child) || isSameStmt(For->getInc(), &Child) ||
           isSameStmt(For->getInit(), &Child);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Parent))
    return isSameStmt(Range->getBody(), &Child);
  return false;
}

ValueUse classifyValueUse(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  while (true) {
    const Stmt *Parent = singleParent(DynTypedNode::create(*Current), Ctx);
    if (!Parent)
      return ValueUse::Used;
    if (isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups,
            MaterializeTemporaryExpr, CXXBindTemporaryExpr, FullExpr>(Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent)) {
      if (Cast->getTypeAsWritten()->isVoidType())
        return ValueUse::DiscardedByCast;
      return ValueUse::Used;
    }
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent)) {
      if (Comma->getOpcode() != BO_Comma)
        return ValueUse::Used;
      if (isSameStmt(Comma->getLHS(), Current))
        return ValueUse::Discarded;
      Current = Parent; // The right operand is the comma's own value.
      continue;
    }
    return holdsAsStatement(*Parent, *Current) ? ValueUse::Discarded
                                               : ValueUse::Used;
  }
}

const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(S);
  for (unsigned Steps = 0; Steps < 256; ++Steps) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return Lambda->getCallOperator();
    if (const auto *Function = Node.get<FunctionDecl>())
      return Function;
  }
  return nullptr;
}

} // namespace clang::tidy::leak
