//===-- GuardedRelease.cpp - is a release run only for a healthy handle? --===//

#include "GuardedRelease.h"
#include "Context.h"
#include "Ownership.h"
#include "Parents.h"
#include "References.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include <functional>

namespace clang::tidy::leak::guarded {

namespace {

/// How many statements up from the release an enclosing 'if' is looked for.
constexpr unsigned MaxSteps = 64;

/// True when \p S calls a function of \p Functions with \p Field as an
/// argument; with \p Depth left, also when it calls a member function of
/// this object whose body does.
bool asksStatus(const Stmt *S, const FieldDecl &Field,
                const NameList &Functions, unsigned Depth) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      if (Functions.match(*Callee) &&
          llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
            return ownership::thisMember(Arg) == &Field;
          }))
        return true;
      const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      if (Depth > 0 && Member &&
          isa<CXXThisExpr>(stripImplicit(Member->getImplicitObjectArgument())))
        if (const FunctionDecl *Definition = Callee->getDefinition();
            Definition && Definition->getBody() &&
            asksStatus(Definition->getBody(), Field, Functions, Depth - 1))
          return true;
    }
  }
  for (const Stmt *Child : S->children())
    if (asksStatus(Child, Field, Functions, Depth))
      return true;
  return false;
}

/// True when \p S releases \p Field.
bool releases(const Stmt *S, const FieldDecl &Field, const NameList &Releases) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Releases.match(*Callee) && releasedMember(*Call) == &Field)
      return true;
  for (const Stmt *Child : S->children())
    if (releases(Child, Field, Releases))
      return true;
  return false;
}

/// True when \p E tests \p Field for null: 'conn_', '!conn_',
/// 'conn_ == nullptr' as a condition.
bool testsForNull(const Expr *E, const FieldDecl &Field, ASTContext &Ctx) {
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    return Cast->getCastKind() == CK_PointerToBoolean &&
           ownership::thisMember(Cast->getSubExpr()) == &Field;
  const auto *Compare = dyn_cast<BinaryOperator>(E);
  if (!Compare || !Compare->isEqualityOp())
    return false;
  const auto IsNull = [&](const Expr *Side) {
    return Side->IgnoreParenCasts()->isNullPointerConstant(
        Ctx, Expr::NPC_ValueDependentIsNotNull);
  };
  return (ownership::thisMember(Compare->getLHS()) == &Field &&
          IsNull(Compare->getRHS())) ||
         (ownership::thisMember(Compare->getRHS()) == &Field &&
          IsNull(Compare->getLHS()));
}

/// True when \p E assigns \p Field.
bool assigns(const Expr *E, const FieldDecl &Field) {
  const auto *Assign = dyn_cast<BinaryOperator>(E);
  return Assign && Assign->isAssignmentOp() &&
         ownership::thisMember(Assign->getLHS()) == &Field;
}

} // namespace

const FieldDecl *releasedMember(const CallExpr &Release) {
  return Release.getNumArgs() > 0 ? ownership::thisMember(Release.getArg(0)) : nullptr;
}

const Expr *statusGuard(const CallExpr &Release, const FieldDecl &Field,
                        const NameList &StatusFunctions,
                        const NameList &Releases, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(Release);
  for (unsigned Step = 0; Step < MaxSteps; ++Step) {
    const DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1 || Parents[0].get<Decl>() ||
        Parents[0].get<LambdaExpr>())
      return nullptr;
    if (const auto *If = Parents[0].get<IfStmt>()) {
      const Stmt *Branch = Node.get<Stmt>();
      const Stmt *Other = Branch == If->getThen()   ? If->getElse()
                          : Branch == If->getElse() ? If->getThen()
                                                    : nullptr;
      if ((Branch == If->getThen() || Branch == If->getElse()) &&
          !releases(Other, Field, Releases) &&
          asksStatus(If->getCond(), Field, StatusFunctions, 1))
        return If->getCond();
    }
    Node = Parents[0];
  }
  return nullptr;
}

const Expr *statusOnlyGuardBefore(const CallExpr &Acquisition,
                                  const FieldDecl &Field,
                                  const NameList &StatusFunctions,
                                  const NameList &Releases, ASTContext &Ctx) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(enclosingFunction(Acquisition, Ctx));
  if (!Method || isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
      !Method->getBody() || Method->getParent() != Field.getParent())
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  const auto Before = [&](const Stmt *S) {
    return SM.isBeforeInTranslationUnit(S->getEndLoc(),
                                        Acquisition.getBeginLoc());
  };
  const Expr *Guard = nullptr;
  bool Cleared = false;
  const std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Cleared || isa<LambdaExpr>(S))
      return;
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && !Guard && Before(If->getCond()) &&
        asksStatus(If->getCond(), Field, StatusFunctions, 1))
      Guard = If->getCond();
    if (const auto *E = dyn_cast<Expr>(S); E && Before(E)) {
      const auto *Call = dyn_cast<CallExpr>(E);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if ((Callee && Releases.match(*Callee) && releasedMember(*Call) == &Field) ||
          assigns(E, Field) || testsForNull(E, Field, Ctx)) {
        Cleared = true;
        return;
      }
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Method->getBody());
  return Cleared ? nullptr : Guard;
}

} // namespace clang::tidy::leak::guarded
