//===-- LazyInit.cpp - is a value stored only the first time? -------------===//

#include "LazyInit.h"
#include "HandlerExprs.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak::handlers {

/// True when \p D names storage that outlives the current call: a field, a
/// static or global, or what a reference or pointer parameter refers to.
static bool isLongLived(const ValueDecl *D) {
  if (!D)
    return false;
  if (isa<FieldDecl>(D))
    return true;
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return false;
  if (!Var->hasLocalStorage() || Var->isStaticLocal())
    return true;
  if (Var->getType()->isReferenceType())
    return true;
  return isa<ParmVarDecl>(Var) && Var->getType()->isPointerType();
}

/// True when \p Cond tests \p Target: names it, names a local computed from
/// it ('It == Cache.end()'), or names a long-lived flag that \p Branch sets.
static bool testsTarget(const Expr *Cond, const ValueDecl *Target,
                        const Stmt *Branch) {
  if (!Cond)
    return false;
  if (mentions(Cond, Target))
    return true;
  llvm::SmallVector<const Stmt *, 16> Work{Cond};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const ValueDecl *D = Ref->getDecl();
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && Var->hasLocalStorage() && Var->getInit() &&
          mentions(Var->getInit(), Target))
        return true;
      if (isLongLived(D) && Branch) {
        llvm::DenseSet<const ValueDecl *> Set;
        collectModified(Branch, Set);
        if (Set.contains(D))
          return true;
      }
    } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      const ValueDecl *D = Member->getMemberDecl();
      if (isa<FieldDecl>(D) && Branch) {
        // A member flag ('if (!Ready_) { ...; Ready_ = true; }').
        llvm::SmallVector<const Stmt *, 16> Inner{Branch};
        while (!Inner.empty()) {
          const Stmt *B = Inner.pop_back_val();
          if (!B)
            continue;
          if (const auto *Assign = dyn_cast<BinaryOperator>(B);
              Assign && Assign->isAssignmentOp() &&
              rootDecl(Assign->getLHS()) == D)
            return true;
          for (const Stmt *Child : B->children())
            Inner.push_back(Child);
        }
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

namespace {
/// Where a value is stored: the assignment or member call, and the object.
struct StoreSite {
  const Stmt *Store = nullptr;
  const ValueDecl *Target = nullptr;
};
} // namespace

/// Follows the value of \p E up through wrappers, 'new', conversions and
/// 'std::move' to where it is stored, if it is.
static StoreSite findStore(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  for (unsigned Step = 0; Step < 16; ++Step) {
    const Stmt *Parent = singleParentStmt(*Current, Ctx);
    if (!Parent)
      return {};
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, CXXNewExpr,
            CXXFunctionalCastExpr, CXXStaticCastExpr, CXXConstructExpr>(
            Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(Parent)) {
      if (Binary->getOpcode() != BO_Assign ||
          !isSame(Binary->getRHS(), Current))
        return {};
      return {Binary, rootDecl(Binary->getLHS())};
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent)) {
      if (Operator->getOperator() != OO_Equal || Operator->getNumArgs() != 2 ||
          !isSame(Operator->getArg(1), Current))
        return {};
      return {Operator, rootDecl(Operator->getArg(0))};
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Parent)) {
      if (isSame(Member->getImplicitObjectArgument(), Current))
        return {};
      // 'Cache.emplace(Key, Client)', 'Slot.reset(new ...)'.
      return {Member, rootDecl(Member->getImplicitObjectArgument())};
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      // The value passes through 'std::move' or a smart pointer factory.
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->isInStdNamespace())
        return {};
      Current = Parent;
      continue;
    }
    return {};
  }
  return {};
}

const ValueDecl *storedInto(const Expr &E, ASTContext &Ctx) {
  return findStore(E, Ctx).Target;
}

/// For a call that connects a handle it is given ('sqlite3_open(path, &db)',
/// 'mysql_real_connect(conn, ...)'): that handle, when it is a static,
/// global, 'thread_local' or member.
static StoreSite findConnectedHandle(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (!Call)
    return {};
  for (const Expr *Arg : Call->arguments()) {
    const Expr *Handle = Arg->IgnoreParenImpCasts();
    if (const auto *Address = dyn_cast<UnaryOperator>(Handle);
        Address && Address->getOpcode() == UO_AddrOf)
      Handle = Address->getSubExpr()->IgnoreParenImpCasts();
    if (!isa<DeclRefExpr, MemberExpr>(Handle) ||
        !Handle->getType()->isPointerType())
      continue;
    const ValueDecl *D = rootDecl(Handle);
    if (D && !isa<ParmVarDecl>(D) && isLongLived(D))
      return {Call, D};
  }
  return {};
}

bool isFirstTimeInitialization(const Expr &E, ASTContext &Ctx) {
  StoreSite Site = findStore(E, Ctx);
  if (!Site.Store || !isLongLived(Site.Target))
    Site = findConnectedHandle(E);
  if (!Site.Store)
    return false;
  const Stmt *Store = Site.Store;
  const ValueDecl *Target = Site.Target;
  // Look for an enclosing 'if' that tests the target, up to the function.
  const Stmt *Child = Store;
  for (const Stmt *Parent = singleParentStmt(*Store, Ctx); Parent;
       Child = Parent, Parent = singleParentStmt(*Parent, Ctx)) {
    if (isa<LambdaExpr>(Parent))
      return false;
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (!If || !(isSame(If->getThen(), Child) || isSame(If->getElse(), Child)))
      continue;
    if (testsTarget(If->getCond(), Target, Child))
      return true;
    if (const VarDecl *CondVar = If->getConditionVariable();
        CondVar && CondVar->getInit() && mentions(CondVar->getInit(), Target))
      return true;
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(If->getInit()))
      for (const Decl *D : Init->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() && mentions(Var->getInit(), Target) &&
            mentions(If->getCond(), Var))
          return true;
  }
  return false;
}

} // namespace clang::tidy::leak::handlers
