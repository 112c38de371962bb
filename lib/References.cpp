//===-- References.cpp - who reads and writes a variable or field ---------===//

#include "References.h"
#include "Context.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::leak {

const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNodeList Parents = parentsOf(S, Ctx);
  if (Parents.size() != 1)
    return nullptr;
  return Parents[0].get<Stmt>();
}

const Expr *stripImplicit(const Expr *E) {
  while (E) {
    const Expr *Next = ignoreTemporaries(E);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next)) {
      if (Cast->getCastKind() == CK_ConstructorConversion ||
          Cast->getCastKind() == CK_NoOp)
        Next = Cast->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      if (Construct->isElidable() && Construct->getNumArgs() == 1)
        Next = Construct->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<bool> constantTruth(const Expr *E, const ASTContext &Ctx) {
  E = stripImplicit(E);
  if (!E)
    return std::nullopt;
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    if (List->getNumInits() == 0)
      return false;
    if (List->getNumInits() != 1)
      return std::nullopt;
    return constantTruth(List->getInit(0), Ctx);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return false; // Value-initialized.
    if (Construct->getNumArgs() != 1)
      return std::nullopt;
    return constantTruth(Construct->getArg(0), Ctx);
  }
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  bool Value = false;
  if (!E->getType()->isScalarType() || !E->EvaluateAsBooleanCondition(Value, Ctx))
    return std::nullopt;
  return Value;
}

namespace {

/// Collects the references in user code (not in system headers).
// RecursiveASTVisitor is a CRTP base: its Traverse and Visit methods are
// meant to be hidden by the derived class.
// NOLINTBEGIN(bugprone-derived-method-shadowing-base-method)
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  ReferenceCollector(
      const SourceManager &SM,
      llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 4>>
          &Refs,
      llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>
          &CtorInits,
      llvm::DenseMap<const CXXConstructorDecl *,
                     llvm::SmallVector<const CXXConstructExpr *, 2>>
          &Constructions)
      : SM(SM), Refs(Refs), CtorInits(CtorInits),
        Constructions(Constructions) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (isa<VarDecl, FunctionDecl>(Ref->getDecl()))
      Refs[cast<ValueDecl>(Ref->getDecl()->getCanonicalDecl())].push_back(Ref);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *Member) {
    const ValueDecl *D = Member->getMemberDecl();
    if (isa<FieldDecl, VarDecl, CXXMethodDecl>(D))
      Refs[cast<ValueDecl>(D->getCanonicalDecl())].push_back(Member);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      Constructions[Ctor->getCanonicalDecl()].push_back(Construct);
    return true;
  }

  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Init->isMemberInitializer() && Init->isWritten())
      CtorInits[Init->getMember()].push_back(Init->getInit());
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

private:
  const SourceManager &SM;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 4>> &Refs;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>
      &CtorInits;
  llvm::DenseMap<const CXXConstructorDecl *,
                 llvm::SmallVector<const CXXConstructExpr *, 2>>
      &Constructions;
};
// NOLINTEND(bugprone-derived-method-shadowing-base-method)

bool isAssignment(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
  case OO_PlusPlus:
  case OO_MinusMinus:
    return true;
  default:
    return false;
  }
}

bool isNonConstReference(QualType Type) {
  return Type->isReferenceType() &&
         !Type->getPointeeType().isConstQualified();
}

} // namespace

void ReferenceIndex::build() {
  if (Built)
    return;
  Built = true;
  ReferenceCollector Collector(Ctx.getSourceManager(), Refs, CtorInits,
                               Constructions);
  Collector.TraverseAST(Ctx);
}

llvm::ArrayRef<const Expr *> ReferenceIndex::referencesTo(const ValueDecl &D) {
  build();
  auto It = Refs.find(cast<ValueDecl>(D.getCanonicalDecl()));
  if (It == Refs.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const CXXConstructExpr *>
ReferenceIndex::constructionsOf(const CXXConstructorDecl &Ctor) {
  build();
  auto It = Constructions.find(Ctor.getCanonicalDecl());
  if (It == Constructions.end())
    return {};
  return It->second;
}

/// The expression a reference is part of, above the implicit nodes that wrap
/// it, together with the child of that expression the reference sits in.
static std::pair<const Stmt *, const Stmt *> userParent(const Expr &Ref,
                                                        ASTContext &Ctx) {
  const Stmt *Child = &Ref;
  const Stmt *Parent = parentStmt(Ref, Ctx);
  while (Parent && isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                       ExprWithCleanups, CXXBindTemporaryExpr>(Parent)) {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
      if (Cast->getCastKind() == CK_LValueToRValue)
        return {Parent, Child}; // A read of the value.
    Child = Parent;
    Parent = parentStmt(*Parent, Ctx);
  }
  return {Parent, Child};
}

ReferenceUse ReferenceIndex::classify(const Expr &Ref) {
  ReferenceUse Use;
  auto [Parent, Child] = userParent(Ref, Ctx);
  if (!Parent) {
    // Bound to a non-const reference variable: it may be changed through it.
    TraversalKindScope AsIs(Ctx, TK_AsIs);
    DynTypedNodeList Parents = parentsOf(*Child, Ctx);
    if (Parents.size() == 1)
      if (const auto *Var = Parents[0].get<VarDecl>())
        Use.MayWrite = isNonConstReference(Var->getType());
    return Use;
  }
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent);
      Cast && Cast->getCastKind() == CK_LValueToRValue)
    return Use;

  if (const auto *Binary = dyn_cast<BinaryOperator>(Parent)) {
    if (Binary->isAssignmentOp() && Binary->getLHS()->IgnoreParens() == Child) {
      Use.MayWrite = true;
      if (Binary->getOpcode() == BO_Assign)
        Use.StoredTruth = constantTruth(Binary->getRHS(), Ctx);
    }
    return Use;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(Parent)) {
    Use.MayWrite = Unary->isIncrementDecrementOp() ||
                   Unary->getOpcode() == UO_AddrOf;
    return Use;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent)) {
    if (Operator->getNumArgs() > 0 && Operator->getArg(0) == Child) {
      if (isAssignment(Operator->getOperator())) {
        Use.MayWrite = true;
        if (Operator->getOperator() == OO_Equal && Operator->getNumArgs() == 2)
          Use.StoredTruth = constantTruth(Operator->getArg(1), Ctx);
        return Use;
      }
      if (Operator->getOperator() == OO_Amp && Operator->getNumArgs() == 1) {
        Use.MayWrite = true;
        return Use;
      }
    }
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
    // The reference is the object of a member access: a call of a non-const
    // member function may change it.
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    if (!Method || Method->isStatic() || Method->isConst())
      return Use;
    Use.MayWrite = true;
    if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
            parentStmt(*Member, Ctx));
        Call && Call->getNumArgs() >= 1)
      Use.StoredTruth = constantTruth(Call->getArg(0), Ctx);
    return Use;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return Use;
    unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                              isa<CXXMethodDecl>(Callee) &&
                              !cast<CXXMethodDecl>(Callee)->isStatic()
                          ? 1
                          : 0;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (Call->getArg(I) != Child || I < Offset)
        continue;
      unsigned Param = I - Offset;
      if (Param < Callee->getNumParams() &&
          isNonConstReference(Callee->getParamDecl(Param)->getType()))
        Use.MayWrite = true;
    }
    return Use;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
      if (Construct->getArg(I) == Child && I < Ctor->getNumParams() &&
          isNonConstReference(Ctor->getParamDecl(I)->getType()))
        Use.MayWrite = true;
    return Use;
  }
  if (isa<ReturnStmt>(Parent)) {
    // Returned by non-const reference: the caller may change it.
    const auto *ChildExpr = dyn_cast<Expr>(Child);
    Use.MayWrite = ChildExpr && ChildExpr->isLValue() &&
                   !ChildExpr->getType().isConstQualified();
    return Use;
  }
  return Use;
}

llvm::SmallVector<const Expr *, 4> ReferenceIndex::valuesOf(const ValueDecl &D) {
  build();
  llvm::SmallVector<const Expr *, 4> Values;
  if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    if (const VarDecl *Definition = Var->getDefinition())
      Var = Definition;
    if (const Expr *Init = Var->getInit())
      Values.push_back(Init);
  } else if (const auto *Field = dyn_cast<FieldDecl>(&D)) {
    if (const Expr *Init = Field->getInClassInitializer())
      Values.push_back(Init);
  }
  auto Inits = CtorInits.find(cast<ValueDecl>(D.getCanonicalDecl()));
  if (Inits != CtorInits.end())
    Values.append(Inits->second.begin(), Inits->second.end());
  for (const Expr *Ref : referencesTo(D)) {
    auto [Parent, Child] = userParent(*Ref, Ctx);
    if (!Parent)
      continue;
    if (const auto *Binary = dyn_cast<BinaryOperator>(Parent);
        Binary && Binary->getOpcode() == BO_Assign &&
        Binary->getLHS()->IgnoreParens() == Child)
      Values.push_back(Binary->getRHS());
    else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent);
             Operator && Operator->getOperator() == OO_Equal &&
             Operator->getNumArgs() == 2 && Operator->getArg(0) == Child)
      Values.push_back(Operator->getArg(1));
  }
  return Values;
}

std::optional<llvm::StringRef>
ReferenceIndex::memberCalledOn(const Expr &Ref) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(userParent(Ref, Ctx).first);
  if (!Member || !isa<CXXMethodDecl>(Member->getMemberDecl()) ||
      !Member->getMemberDecl()->getIdentifier())
    return std::nullopt;
  return Member->getMemberDecl()->getName();
}

bool ReferenceIndex::hasMemberCallOn(const ValueDecl &D,
                                     llvm::ArrayRef<std::string> Methods) {
  return llvm::any_of(referencesTo(D), [&](const Expr *Ref) {
    const std::optional<llvm::StringRef> Name = memberCalledOn(*Ref);
    return Name && llvm::is_contained(Methods, *Name);
  });
}

} // namespace clang::tidy::leak
