//===-- Containers.cpp - does the translation unit bound a container? -----===//

#include "Containers.h"
#include "Context.h"
#include "Loops.h"
#include "Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak::containers {

namespace {

/// How many references or pointers initialized from one another are followed.
constexpr unsigned MaxAliasDepth = 3;
/// How many nodes above a reference are looked at.
constexpr unsigned MaxClimb = 12;

bool isNamed(const NamedDecl *D, llvm::ArrayRef<llvm::StringRef> Names) {
  return D && D->getDeclName().isIdentifier() &&
         llvm::is_contained(Names, D->getName());
}

bool isEviction(const NamedDecl *D, const BoundApi &Api) {
  return D && Api.EvictionFunctions && !Api.EvictionFunctions->empty() &&
         Api.EvictionFunctions->match(*D).has_value();
}

bool isComparison(const Stmt *S) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    return Binary->isComparisonOp();
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    switch (Operator->getOperator()) {
    case OO_Less:
    case OO_Greater:
    case OO_LessEqual:
    case OO_GreaterEqual:
    case OO_EqualEqual:
    case OO_ExclaimEqual:
    case OO_Spaceship:
      return true;
    default:
      return false;
    }
  }
  return isa<CXXRewrittenBinaryOperator>(S);
}

/// True when the value of \p Call (a size) ends up compared: directly, or
/// after arithmetic ('c.size() + 1 > Cap').
bool isCompared(const Stmt &Call, ASTContext &Ctx) {
  const Stmt *Current = &Call;
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const Stmt *Parent = parentStmt(*Current, Ctx);
    if (!Parent)
      return false;
    if (isComparison(Parent))
      return true;
    const auto *Binary = dyn_cast<BinaryOperator>(Parent);
    if (!isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr>(Parent) &&
        !(Binary && Binary->isAdditiveOp()))
      return false;
    Current = Parent;
  }
  return false;
}

bool isArgumentOf(const CallExpr &Call, const Stmt *E) {
  return llvm::any_of(Call.arguments(),
                      [E](const Expr *Arg) { return Arg == E; });
}

std::optional<Bound> findBoundAt(const ValueDecl &Holder, ReferenceIndex &Refs,
                                 const BoundApi &Api, unsigned Depth);

/// How the reference \p Ref bounds the container it names, if it does.
std::optional<Bound> boundingUse(const Expr &Ref, ReferenceIndex &Refs,
                                 const BoundApi &Api, unsigned Depth) {
  ASTContext &Ctx = Refs.context();
  const Stmt *Current = &Ref;
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const Stmt *Parent = parentStmt(*Current, Ctx);
    if (!Parent) {
      // 'auto &M = Cache;', 'auto *P = &Cache;', 'auto Copy = SharedPtr;':
      // what is done through the alias is done to the container.
      TraversalKindScope AsIs(Ctx, TK_AsIs);
      DynTypedNodeList Parents = parentsOf(*Current, Ctx);
      const auto *Alias = Parents.size() == 1 ? Parents[0].get<VarDecl>()
                                              : nullptr;
      // A copy of a container is another container; a copy of a smart
      // pointer shares it.
      if (Alias && Depth < MaxAliasDepth && Alias->hasLocalStorage() &&
          (Alias->getType()->isReferenceType() ||
           Alias->getType()->isPointerType() ||
           (Alias->getType()->isRecordType() &&
            !loops::isContainerClass(Alias->getType()->getAsCXXRecordDecl()))))
        return findBoundAt(*Alias, Refs, Api, Depth + 1);
      return std::nullopt;
    }
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups>(Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(Parent)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return std::nullopt;
      Current = Parent;
      continue;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(Parent)) {
      if (Binary->getOpcode() == BO_Assign && Binary->getLHS() == Current)
        return Bound{BoundKind::Reset, Parent, nullptr};
      return std::nullopt;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent)) {
      const OverloadedOperatorKind Kind = Operator->getOperator();
      const bool IsObject =
          Operator->getNumArgs() > 0 && Operator->getArg(0) == Current;
      if (IsObject && (Kind == OO_Arrow || Kind == OO_Star)) {
        Current = Parent;
        continue;
      }
      if (IsObject && Kind == OO_Equal)
        return Bound{BoundKind::Reset, Parent, nullptr};
      return std::nullopt;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
      if (Member->getBase() != Current)
        return std::nullopt;
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      if (!Method)
        return std::nullopt; // A sub-object, not the container.
      const Stmt *Call = parentStmt(*Member, Ctx);
      if (!Call || !isa<CXXMemberCallExpr>(Call))
        return std::nullopt;
      if (isNamed(Method, Api.ShrinkMethods))
        return Bound{BoundKind::Shrink, Call, nullptr};
      if (isEviction(Method, Api))
        return Bound{BoundKind::Eviction, Call, Method};
      if (isNamed(Method, Api.SizeMethods) && isCompared(*Call, Ctx))
        return Bound{BoundKind::SizeCompared, Call, nullptr};
      return std::nullopt;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      if (!isArgumentOf(*Call, Current))
        return std::nullopt;
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return std::nullopt;
      // 'std::vector<T>().swap(Cache)'.
      if (isa<CXXMemberCallExpr>(Call) && isNamed(Callee, Api.ShrinkMethods))
        return Bound{BoundKind::Shrink, Call, nullptr};
      if (Api.TransferFunctions && Api.TransferFunctions->contains(*Callee))
        return Bound{BoundKind::Transfer, Call, nullptr};
      if (isEviction(Callee, Api))
        return Bound{BoundKind::Eviction, Call, Callee};
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Bound> findBoundAt(const ValueDecl &Holder, ReferenceIndex &Refs,
                                 const BoundApi &Api, unsigned Depth) {
  ASTContext &Ctx = Refs.context();
  for (const Expr *Ref :
       Refs.referencesTo(*cast<ValueDecl>(Holder.getCanonicalDecl()))) {
    if (const FunctionDecl *Function = enclosingFunction(*Ref, Ctx);
        isEviction(Function, Api))
      return Bound{BoundKind::Eviction, Ref, Function};
    if (std::optional<Bound> Found = boundingUse(*Ref, Refs, Api, Depth))
      return Found;
  }
  // An eviction function of the class holding the field, even one defined
  // in another file.
  if (const auto *Field = dyn_cast<FieldDecl>(&Holder))
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent()))
      for (const CXXMethodDecl *Method : Class->methods())
        if (isEviction(Method, Api))
          return Bound{BoundKind::Eviction, nullptr, Method};
  return std::nullopt;
}

} // namespace

std::optional<Bound> findBound(const ValueDecl &Holder, ReferenceIndex &Refs,
                               const BoundApi &Api) {
  return findBoundAt(Holder, Refs, Api, 0);
}

bool boundsItself(const FunctionDecl &Method, const BoundApi &Api) {
  const FunctionDecl *Definition = Method.getDefinition();
  if (!Definition || !Definition->getBody())
    return false;
  llvm::SmallVector<const Stmt *, 32> Work{Definition->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (isa<CXXMemberCallExpr>(Call) && isNamed(Callee, Api.ShrinkMethods))
        return true;
      if (isEviction(Callee, Api))
        return true;
    }
    if (isComparison(S)) {
      // A size compared with a bound anywhere in the comparison.
      llvm::SmallVector<const Stmt *, 8> Inner{S};
      while (!Inner.empty()) {
        const Stmt *I = Inner.pop_back_val();
        if (!I)
          continue;
        if (const auto *Call = dyn_cast<CXXMemberCallExpr>(I);
            Call && isNamed(Call->getMethodDecl(), Api.SizeMethods))
          return true;
        for (const Stmt *Child : I->children())
          Inner.push_back(Child);
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace clang::tidy::leak::containers
