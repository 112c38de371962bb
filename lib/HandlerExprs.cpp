//===-- HandlerExprs.cpp - what a statement reads and writes --------------===//

#include "HandlerExprs.h"
#include "Context.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::leak::handlers {

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = ignoreTemporaries(E)->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const ValueDecl *rootDecl(const Expr *E) {
  while (E) {
    E = stripWrappers(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(stripWrappers(Member->getBase())))
        return Member->getMemberDecl();
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
      const OverloadedOperatorKind Kind = Operator->getOperator();
      if (Operator->getNumArgs() == 0 ||
          (Kind != OO_Subscript && Kind != OO_Star && Kind != OO_Arrow))
        return nullptr;
      E = Operator->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      // 'cache.at(k)', 'slot.get()': an element or view of the object.
      const Expr *Object = Call->getImplicitObjectArgument();
      if (!Object || Call->getType()->isVoidType())
        return nullptr;
      E = Object;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

bool mentionsAny(const Stmt *S, const llvm::DenseSet<const ValueDecl *> &Decls,
                 llvm::function_ref<bool(const ValueDecl *)> Holds) {
  if (!S || Decls.empty())
    return false;
  const auto In = [&](const ValueDecl *D) {
    return Decls.contains(D) && (!Holds || Holds(D));
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = Ref->getDecl();
    if (In(D))
      return true;
    if (const auto *Binding = dyn_cast<BindingDecl>(D))
      if (const ValueDecl *Whole = Binding->getDecomposedDecl())
        return In(Whole);
    return false;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (In(Member->getMemberDecl()))
      return true;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      if (mentionsAny(Init, Decls, Holds))
        return true;
    return mentionsAny(Lambda->getBody(), Decls, Holds);
  }
  for (const Stmt *Child : S->children())
    if (mentionsAny(Child, Decls, Holds))
      return true;
  return false;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  llvm::DenseSet<const ValueDecl *> One;
  One.insert(D);
  return mentionsAny(S, One);
}

bool isSame(const Stmt *A, const Stmt *B) {
  if (A == B)
    return true;
  const auto *EA = dyn_cast_or_null<Expr>(A);
  const auto *EB = dyn_cast_or_null<Expr>(B);
  return EA && EB && stripWrappers(EA) == stripWrappers(EB);
}

const Stmt *singleParentStmt(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(S, Ctx);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

void collectModified(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out) {
  if (!S)
    return;
  auto Add = [&Out](const Expr *E) {
    if (const ValueDecl *D = rootDecl(E); D && !isa<FieldDecl>(D))
      Out.insert(D);
  };
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->isAssignmentOp())
      Add(Binary->getLHS());
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
      Add(Unary->getSubExpr());
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    const OverloadedOperatorKind Kind = Operator->getOperator();
    if ((Operator->isAssignmentOp() || Kind == OO_PlusPlus ||
         Kind == OO_MinusMinus) &&
        Operator->getNumArgs() > 0)
      Add(Operator->getArg(0));
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    if (const CXXMethodDecl *Method = Member->getMethodDecl();
        Method && !Method->isConst())
      Add(Member->getImplicitObjectArgument());
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      const unsigned Offset =
          isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
        if (I - Offset >= Callee->getNumParams())
          break;
        QualType Type = Callee->getParamDecl(I - Offset)->getType();
        if (Type->isReferenceType() &&
            !Type.getNonReferenceType().isConstQualified())
          Add(Call->getArg(I));
      }
    }
  }
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    collectModified(Child, Out);
}

} // namespace clang::tidy::leak::handlers
