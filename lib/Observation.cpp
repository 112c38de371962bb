//===-- Observation.cpp - does a continuation observe its task? -----------===//

#include "Observation.h"
#include "Callables.h"
#include "Catalog.h"
#include "Options.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::leak {

namespace {

/// How many calls deep a task handed from function to function is followed.
constexpr unsigned MaxCallDepth = 3;

/// True when \p E is \p Param, read directly or copied.
bool namesParameter(const Expr *E, const ParmVarDecl &Param) {
  E = stripImplicit(E);
  if (const auto *Copy = dyn_cast_or_null<CXXConstructExpr>(E);
      Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    E = stripImplicit(Copy->getArg(0));
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref && Ref->getDecl() == &Param;
}

/// True when \p F is declared in a system header: a library function, whose
/// handling of a task is not the project's.
bool isLibraryFunction(const FunctionDecl &F, const SourceManager &SM) {
  const SourceLocation Loc = SM.getExpansionLoc(F.getLocation());
  return Loc.isInvalid() || SM.isInSystemHeader(Loc);
}

} // namespace

bool TaskObservers::blocksAfter(const Stmt &S, const Stmt &Body,
                                ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const SourceLocation After = SM.getFileLoc(S.getEndLoc());
  llvm::SmallVector<const Stmt *, 32> Work{&Body};
  while (!Work.empty()) {
    const Stmt *Current = Work.pop_back_val();
    if (!Current || isa<LambdaExpr>(Current))
      continue;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Current)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      const Expr *Object = Call->getImplicitObjectArgument();
      // 'wait()' blocks whatever it is called on (a task, an event, a
      // condition variable); 'get()' only on a task.
      if (Method && Method->getIdentifier() && Object &&
          !Object->isTypeDependent() &&
          llvm::is_contained(catalog::futureRethrowingMethods(),
                             Method->getName()) &&
          SM.isBeforeInTranslationUnit(After,
                                       SM.getFileLoc(Call->getExprLoc())) &&
          (Method->getName() == "wait" ||
           isClassNamed(Object->getType(), asRefs(TaskTypes), Ctx)))
        return true;
    }
    for (const Stmt *Child : Current->children())
      Work.push_back(Child);
  }
  return false;
}

bool TaskObservers::isTaskBasedFunctionObject(QualType Type,
                                              ASTContext &Ctx) const {
  const auto *Function = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Function || !Function->isInStdNamespace() ||
      !Function->getIdentifier() || Function->getName() != "function" ||
      Function->getTemplateArgs().size() != 1 ||
      Function->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const auto *Signature = Function->getTemplateArgs()[0]
                              .getAsType()
                              ->getAs<FunctionProtoType>();
  return Signature && Signature->getNumParams() >= 1 &&
         isClassNamed(Signature->getParamType(0), asRefs(TaskTypes), Ctx);
}

bool TaskObservers::observesAntecedent(const CallExpr &Call,
                                       ReferenceIndex &Refs) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !llvm::is_contained(catalog::futureContinuationMethods(),
                          Method->getName()))
    return false;
  ASTContext &Ctx = Refs.context();
  const Expr *Object = Member->getImplicitObjectArgument();
  if (!Object || Object->isTypeDependent() ||
      !isClassNamed(Object->getType(), asRefs(TaskTypes), Ctx))
    return false;
  // The continuation is the first argument that names code.
  for (const Expr *Arg : Call.arguments()) {
    const llvm::SmallVector<const FunctionDecl *, 2> Bodies =
        resolveCallable(Arg, Refs);
    if (Bodies.empty()) {
      // A 'std::function' taking the task, handed in by other code (a member
      // or a parameter): task-based, and its body is that code's, trusted as
      // a project function defined in another file is.
      if (isTaskBasedFunctionObject(Arg->getType(), Ctx))
        return true;
      continue;
    }
    return llvm::all_of(Bodies, [&](const FunctionDecl *Body) {
      return Body->getNumParams() >= 1 &&
             isClassNamed(Body->getParamDecl(0)->getType(), asRefs(TaskTypes),
                          Ctx) &&
             observesParameter(*Body, 0, Ctx);
    });
  }
  return false;
}

bool TaskObservers::observesParameter(const FunctionDecl &F, unsigned Index,
                                      ASTContext &Ctx) {
  return observesParameter(F, Index, 0, Ctx);
}

bool TaskObservers::observesParameter(const FunctionDecl &F, unsigned Index,
                                      unsigned Depth, ASTContext &Ctx) {
  if (Summarized != &Ctx) {
    Summaries.clear();
    Summarized = &Ctx;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Definition = userDefinition(&F, SM);
  if (!Definition)
    return !isLibraryFunction(F, SM); // The project's, defined elsewhere.
  if (Index >= Definition->getNumParams())
    return false;
  const std::pair<const FunctionDecl *, unsigned> Key{
      Definition->getCanonicalDecl(), Index};
  if (auto It = Summaries.find(Key); It != Summaries.end())
    return It->second;
  if (Depth >= MaxCallDepth)
    return false;
  Summaries[Key] = false; // A cycle observes nothing by itself.
  const bool Observed =
      observes(Definition->getBody(), *Definition->getParamDecl(Index),
               /*InTry=*/false, Depth, Ctx);
  Summaries[Key] = Observed;
  return Observed;
}

bool TaskObservers::observes(const Stmt *S, const ParmVarDecl &Param,
                             bool InTry, unsigned Depth, ASTContext &Ctx) {
  if (!S || isa<LambdaExpr>(S))
    return false; // A nested lambda runs some other time, if at all.
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    if (observes(Try->getTryBlock(), Param, /*InTry=*/true, Depth, Ctx))
      return true;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (observes(Try->getHandler(I)->getHandlerBlock(), Param, InTry, Depth,
                   Ctx))
        return true;
    return false;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (InTry && Method && Method->getIdentifier() &&
        llvm::is_contained(catalog::futureRethrowingMethods(),
                           Method->getName()) &&
        namesParameter(Member->getImplicitObjectArgument(), Param))
      return true;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee)
            ? 1
            : 0;
    for (unsigned I = Offset; Callee && I < Call->getNumArgs(); ++I)
      if (namesParameter(Call->getArg(I), Param) &&
          observesParameter(*Callee, I - Offset, Depth + 1, Ctx))
        return true;
  }
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return observes(Child, Param, InTry, Depth, Ctx);
  });
}

bool CompletionOnlyTasks::reportsCompletionOnly(const FunctionDecl &F,
                                                unsigned Depth) {
  if (Listed.match(F))
    return true;
  // A function of this file whose every return hands back such a task.
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->getBody() || Depth >= MaxDepth)
    return false;
  const auto Cached = Summaries.find(Definition);
  if (Cached != Summaries.end())
    return Cached->second;
  Summaries[Definition] = false; // Recursion: not known to be.
  bool SawReturn = false;
  bool All = true;
  llvm::SmallVector<const Stmt *, 32> Work{Definition->getBody()};
  while (!Work.empty() && All) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      SawReturn = true;
      // stripImplicit also looks through the copy or move of the result.
      const auto *Call =
          dyn_cast_or_null<CallExpr>(stripImplicit(Return->getRetValue()));
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      All = Callee && reportsCompletionOnly(*Callee, Depth + 1);
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Summaries[Definition] = SawReturn && All;
}

} // namespace clang::tidy::leak
