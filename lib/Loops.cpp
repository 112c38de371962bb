//===-- Loops.cpp - token-driven loops, accumulation, caps and breaks -----===//

#include "Loops.h"
#include "Catalog.h"
#include "LoopExprs.h"
#include "LoopFacts.h"
#include "PageBounds.h"
#include "PageLinks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::leak::loops {

namespace {

bool hasMemberTypeNamed(const CXXRecordDecl *RD, StringRef Name,
                        unsigned Depth = 0) {
  RD = definitionOf(RD);
  if (!RD || Depth > MaxDepth)
    return false;
  for (const Decl *D : RD->decls())
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      if (TD->getName() == Name)
        return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasMemberTypeNamed(Base.getType()->getAsCXXRecordDecl(), Name,
                           Depth + 1))
      return true;
  return false;
}

} // namespace

bool isContainerClass(const CXXRecordDecl *RD) {
  return RD && llvm::all_of(catalog::containerMembers(), [&](StringRef Member) {
           return hasMethodNamed(RD, Member);
         });
}

bool isKeyedContainerClass(const CXXRecordDecl *RD) {
  return isContainerClass(RD) &&
         llvm::any_of(
             catalog::keyedContainerMemberTypes(),
             [&](StringRef Type) { return hasMemberTypeNamed(RD, Type); });
}

bool hasMethodNamed(const CXXRecordDecl *RD, StringRef Name) {
  RD = definitionOf(RD);
  if (!RD)
    return false;
  for (const Decl *D : RD->decls()) {
    const auto *Named = dyn_cast<NamedDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Named = Template->getTemplatedDecl();
    if (Named && isa<CXXMethodDecl>(Named) &&
        Named->getDeclName().isIdentifier() && Named->getName() == Name)
      return true;
  }
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &Base) {
    return hasMethodNamed(Base.getType()->getAsCXXRecordDecl(), Name);
  });
}

namespace {

std::optional<PaginationLoop> analyze(LoopFacts &Facts) {
  Facts.walkLoop();
  if (Facts.Invalid)
    return std::nullopt;
  // A loop with an unconditional way out runs once: it does not page.
  for (const ExitFact &Exit : Facts.Exits)
    if (Exit.Guards.empty() && !Exit.ErrorPath)
      return std::nullopt;
  Facts.computeOrigins();

  std::optional<PageLink> Link = findLink(Facts);
  if (!Link)
    Link = findCursorLink(Facts);
  if (!Link)
    return std::nullopt;

  PaginationLoop Result;
  Result.Loop = &Facts.Loop;
  Result.Link = *Link;
  Result.Capped = isCapped(Facts, *Link);
  Result.OnlyTokenExit = Result.Capped ? nullptr : onlyTokenExit(Facts, *Link);
  if (Result.Capped)
    return Result;

  llvm::DenseMap<const Stmt *, bool> NestedIsPaging;
  for (const AccumulationFact &Fact : Facts.Accumulations) {
    const ValueDecl *Container = Fact.Site.Container;
    if (Facts.isInner(Container) || Facts.Emptied.contains(Container) ||
        Container == Link->State)
      continue;
    // Pages of a nested pagination loop are that loop's finding.
    const bool InNestedPaging =
        llvm::any_of(Fact.NestedLoops, [&](const Stmt *Nested) {
          auto [It, Inserted] = NestedIsPaging.try_emplace(Nested, false);
          if (Inserted)
            It->second = analyzePaginationLoop(*Nested, Facts.Ctx, Facts.Api)
                             .has_value();
          return It->second;
        });
    if (!InNestedPaging)
      Result.Accumulations.push_back(Fact.Site);
  }
  // Only a loop that keeps its pages needs to know (and the parent map this
  // may build is not free).
  if (!Result.Accumulations.empty())
    Result.Size = pageSize(Facts, *Link);
  return Result;
}

} // namespace

bool growsParameter(const FunctionDecl &F, unsigned Index, unsigned Depth) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->getBody() ||
      Index >= Definition->getNumParams() || Definition->isInStdNamespace())
    return false;
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getFileLoc(Definition->getLocation())))
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return false;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  const QualType Type = Param->getType();
  if (!Type->isReferenceType() && !Type->isPointerType())
    return false;
  if (!isContainerClass(classOf(Type->getPointeeType())))
    return false;
  const auto NamesParam = [&](const Expr *E) {
    // 'Rows', '*Out', '&Rows'.
    E = strip(E);
    if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(E);
        Unary && (Unary->getOpcode() == UO_Deref ||
                  Unary->getOpcode() == UO_AddrOf))
      E = strip(Unary->getSubExpr());
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
    return Ref && Ref->getDecl() == Param;
  };
  bool Grows = false;
  forEachDescendant(Definition->getBody(), [&](const Stmt *S) {
    if (Grows)
      return;
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getDeclName().isIdentifier() &&
          isListed(Method->getName(), catalog::containerGrowMethods()) &&
          NamesParam(Member->getImplicitObjectArgument()))
        Grows = true;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getNumArgs() > 0 && NamesParam(Op->getArg(0)) &&
          ((Op->getOperator() == OO_Subscript &&
            isKeyedContainerClass(classOf(strip(Op->getArg(0))->getType()))) ||
           isListed(Callee->getNameAsString(),
                    catalog::containerGrowMethods())))
        Grows = true;
    } else if (Call->getNumArgs() >= 1 && NamesParam(Call->getArg(0)) &&
               isQualifiedListed(Callee, catalog::insertingIteratorFunctions())) {
      Grows = true;
    }
    if (Grows || Depth == 0)
      return;
    // Handed on to another function of the file that adds to it.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (NamesParam(Call->getArg(I)) && Callee != Definition &&
          growsParameter(*Callee, I, Depth - 1)) {
        Grows = true;
        return;
      }
  });
  return Grows;
}

std::optional<PaginationLoop>
analyzePaginationLoop(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api) {
  // A range-based loop pages only over a cursor ('soci::rowset').
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    if (!Range->getRangeInit() ||
        !isQualifiedListed(classOf(strip(Range->getRangeInit())->getType()),
                           Api.CursorTypes))
      return std::nullopt;
  } else if (!isa<WhileStmt, DoStmt, ForStmt>(Loop)) {
    return std::nullopt;
  }
  LoopFacts Facts(Loop, Ctx, Api);
  return analyze(Facts);
}

} // namespace clang::tidy::leak::loops
