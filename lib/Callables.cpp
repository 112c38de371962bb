//===-- Callables.cpp - the code a callable expression runs ---------------===//

#include "Callables.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::leak {

const FunctionDecl *userDefinition(const FunctionDecl *F,
                                   const SourceManager &SM) {
  if (!F)
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !Definition)
    return nullptr;
  // An instantiation has the body of its pattern, which is what was written.
  if (const FunctionDecl *Pattern =
          Definition->getTemplateInstantiationPattern())
    Definition = Pattern;
  SourceLocation Loc = SM.getExpansionLoc(Definition->getLocation());
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
    return nullptr;
  return Definition;
}

bool isClassNamed(QualType Type, llvm::ArrayRef<llvm::StringRef> Names,
                  ASTContext &Ctx) {
  using namespace ast_matchers;
  if (Type.isNull() || Names.empty())
    return false;
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    Record = Spec->getSpecializedTemplate()->getTemplatedDecl();
  return !match(cxxRecordDecl(hasAnyName(Names)), *Record, Ctx).empty();
}

/// The call operators of the class of \p Type written in user code.
static void callOperatorsOf(QualType Type, const SourceManager &SM,
                            llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return;
  if (Record->isLambda()) {
    if (const FunctionDecl *Body = userDefinition(Record->getLambdaCallOperator(), SM))
      Out.push_back(Body);
    return;
  }
  for (const CXXMethodDecl *Method : Record->methods())
    if (Method->getOverloadedOperator() == OO_Call)
      if (const FunctionDecl *Body = userDefinition(Method, SM))
        Out.push_back(Body);
}

static void resolve(const Expr *E, ReferenceIndex &Index, unsigned Depth,
                    llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  const SourceManager &SM = Index.context().getSourceManager();
  E = stripImplicit(E);
  if (!E || Depth > 4 || E->isTypeDependent())
    return;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    if (const FunctionDecl *Body = userDefinition(Lambda->getCallOperator(), SM))
      Out.push_back(Body);
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf)
      return resolve(Unary->getSubExpr(), Index, Depth + 1, Out);
    if (Unary->getOpcode() == UO_Deref)
      return callOperatorsOf(Unary->getType(), SM, Out);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      if (const FunctionDecl *Body = userDefinition(Function, SM))
        Out.push_back(Body);
      return;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (isa<ParmVarDecl>(Var))
        return;
      const size_t Before = Out.size();
      for (const Expr *Value : Index.valuesOf(*Var))
        resolve(Value, Index, Depth + 1, Out);
      if (Out.size() == Before)
        callOperatorsOf(Var->getType(), SM, Out);
    }
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl())) {
      const size_t Before = Out.size();
      for (const Expr *Value : Index.valuesOf(*Field))
        resolve(Value, Index, Depth + 1, Out);
      if (Out.size() == Before)
        callOperatorsOf(Field->getType(), SM, Out);
    }
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A function object built here, or a wrapper (std::function...) built
    // from one callable.
    const size_t Before = Out.size();
    callOperatorsOf(Construct->getType(), SM, Out);
    if (Out.size() == Before && Construct->getNumArgs() == 1)
      resolve(Construct->getArg(0), Index, Depth + 1, Out);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // std::move(handler) and the like: a library function handing back a
    // reference to its argument.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Call->getNumArgs() >= 1 && Callee->getReturnType()->isReferenceType() &&
        SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
      resolve(Call->getArg(0), Index, Depth + 1, Out);
    return;
  }
  if (isa<CXXThisExpr>(E))
    return;
  callOperatorsOf(E->getType(), SM, Out);
}

llvm::SmallVector<const FunctionDecl *, 2> resolveCallable(const Expr *E,
                                                           ReferenceIndex &Index) {
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  resolve(E, Index, 0, Out);
  return Out;
}

llvm::SmallVector<const FunctionDecl *, 2> resolveWork(const Expr *E,
                                                       ReferenceIndex &Index) {
  const Expr *Stripped = stripImplicit(E);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Stripped);
      Call && !isa<CXXOperatorCallExpr>(Call)) {
    const SourceManager &SM = Index.context().getSourceManager();
    if (const FunctionDecl *Body = userDefinition(Call->getDirectCallee(), SM))
      return {Body};
  }
  return resolveCallable(E, Index);
}

} // namespace clang::tidy::leak
