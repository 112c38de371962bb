//===-- Uses.cpp - how a local variable is used in its function -----------===//

#include "Uses.h"
#include "Parents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

static const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(S, Ctx);
  return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
}

/// Walks up from \p S through nodes that do not change what is referred to.
static const Stmt *skipTransparentParents(const Stmt *&S, ASTContext &Ctx) {
  const Stmt *Parent = parentStmt(*S, Ctx);
  while (Parent && isa<ParenExpr, ImplicitCastExpr, FullExpr,
                       MaterializeTemporaryExpr, CXXBindTemporaryExpr>(Parent)) {
    S = Parent;
    Parent = parentStmt(*S, Ctx);
  }
  return Parent;
}

static bool listed(llvm::ArrayRef<std::string> Names, StringRef Name) {
  return llvm::is_contained(Names, Name);
}

static UseKind classify(const DeclRefExpr &Ref, ASTContext &Ctx,
                        llvm::ArrayRef<std::string> Resolving,
                        llvm::ArrayRef<std::string> Inspecting) {
  const Stmt *Current = &Ref;
  const Stmt *Parent = skipTransparentParents(Current, Ctx);
  if (!Parent)
    return UseKind::Escaped;

  if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    if (!Method || !Method->getIdentifier())
      return UseKind::Escaped;
    if (listed(Resolving, Method->getName()))
      return UseKind::Resolved;
    if (listed(Inspecting, Method->getName()))
      return UseKind::Inspected;
    return UseKind::Escaped;
  }
  if (isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr>(Parent))
    return UseKind::Resolved;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent))
    return Cast->getTypeAsWritten()->isVoidType() ? UseKind::VoidCast
                                                  : UseKind::Escaped;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(0)->IgnoreImplicit() ==
            cast<Expr>(Current)->IgnoreImplicit())
      return UseKind::Assigned;
    return UseKind::Escaped;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(Parent))
    if (Binary->getOpcode() == BO_Assign && Binary->getLHS() == Current)
      return UseKind::Assigned;
  return UseKind::Escaped;
}

std::vector<VarUse> classifyUses(const VarDecl &Var, const Stmt &Scope,
                                 ASTContext &Ctx,
                                 llvm::ArrayRef<std::string> ResolvingMethods,
                                 llvm::ArrayRef<std::string> InspectingMethods) {
  std::vector<VarUse> Uses;
  for (const BoundNodes &Nodes :
       match(traverse(TK_AsIs,
                      findAll(declRefExpr(to(varDecl(equalsNode(&Var))))
                                  .bind("ref"))),
             Scope, Ctx)) {
    const auto *Ref = Nodes.getNodeAs<DeclRefExpr>("ref");
    Uses.push_back({Ref, classify(*Ref, Ctx, ResolvingMethods, InspectingMethods)});
  }
  return Uses;
}

const Stmt *enclosingBody(const VarDecl &Var, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(Var, Ctx);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Function = Parent.get<FunctionDecl>())
      return Function->getBody();
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getBody();
    if (const auto *Block = Parent.get<BlockDecl>())
      return Block->getBody();
    Parents = parentsOf(Parent, Ctx);
  }
  return nullptr;
}

} // namespace clang::tidy::leak
