//===-- Loops.cpp - token-driven loops, accumulation, caps and breaks -----===//

#include "Loops.h"
#include "Catalog.h"
#include "LoopExprs.h"
#include "LoopFacts.h"
#include "PageBounds.h"
#include "PageLinks.h"
#include "clang/AST/DeclCXX.h"
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

std::optional<PaginationLoop>
analyzePaginationLoop(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api) {
  if (!isa<WhileStmt, DoStmt, ForStmt>(Loop))
    return std::nullopt;
  LoopFacts Facts(Loop, Ctx, Api);
  return analyze(Facts);
}

} // namespace clang::tidy::leak::loops
