//===-- UnawaitedFutureCheck.cpp - leak-unawaited-future ------------------===//

#include "UnawaitedFutureCheck.h"
#include "Catalog.h"
#include "Context.h"
#include "Matchers.h"
#include "Options.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

UnawaitedFutureCheck::UnawaitedFutureCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      FutureTypes(readNameList("FutureTypes", catalog::futureTypes())),
      BlockingSpawners(readNameList("BlockingSpawnFunctions",
                                    catalog::blockingFutureSpawners())) {}

void UnawaitedFutureCheck::registerMatchers(MatchFinder *Finder) {
  const std::vector<StringRef> TypeNames = asRefs(FutureTypes);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              matchers::isPRValueExpr(),
                              hasType(matchers::isRecordNamed(TypeNames)))
                         .bind("future-call"),
                     this);
}

void UnawaitedFutureCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("future-call");
  const SourceManager &SM = *Result.SourceManager;
  // Code written inside a macro's body is not the user's to change here.
  if (isInMacroBody(Call->getBeginLoc(), SM))
    return;
  const ValueUse Use = classifyValueUse(*Call, *Result.Context);
  if (Use == ValueUse::Used)
    return;

  const FunctionDecl *Callee = Call->getDirectCallee();
  const std::string Producer =
      Callee ? Callee->getQualifiedNameAsString() : std::string("this call");
  const bool Blocks =
      Callee && llvm::any_of(BlockingSpawners, [&](const std::string &Name) {
        return StringRef(Name).ltrim(':') == Producer;
      });

  const SourceLocation Loc = SM.getFileLoc(Call->getBeginLoc());
  const std::string TypeName = Call->getType().getCanonicalType().getAsString(
      Result.Context->getPrintingPolicy());
  if (Blocks)
    diag(Loc, "'%0' returned by '%1' is discarded: the task is never awaited "
              "and cannot be cancelled; store the future and call 'get()' or "
              "'wait()' on it")
        << TypeName << Producer << Call->getSourceRange();
  else
    diag(Loc, "'%0' returned by '%1' is discarded: its result and exceptions "
              "are lost and the work cannot be awaited; store it and call "
              "'get()' or 'wait()' on it")
        << TypeName << Producer << Call->getSourceRange();

  if (Blocks)
    diag(SM.getFileLoc(Call->getEndLoc()),
         "the discarded future's destructor blocks here until the task has "
         "finished, so this call does not run asynchronously",
         DiagnosticIDs::Note);
  if (Use == ValueUse::DiscardedByCast)
    diag(Loc, "casting to 'void' does not detach the work; it only hides the "
              "result",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::leak
