//===-- DetachedTaskCheck.h - leak-detached-task ---------------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_DETACHEDTASKCHECK_H
#define LEAKTIDY_CHECKS_DETACHEDTASKCHECK_H

#include "Callables.h"
#include "Compat.h"
#include "LeakCheck.h"
#include "Names.h"
#include "References.h"
#include "Termination.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds work started with no handle to stop or join it (detached threads,
/// coroutines spawned with a detached token, dropped tasks, handlers that
/// reschedule themselves) whose body runs forever.
///
/// For the user-facing documentation see:
/// docs/checks/leak-detached-task.md
class DetachedTaskCheck : public LeakCheck {
public:
  DetachedTaskCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void startTranslationUnit() override;
  void endTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// A scheduling call whose handler reschedules itself forever; reported at
  /// the end of the translation unit, once every call of the chain is known.
  struct PendingChain {
    const CallExpr *Call;
    const FunctionDecl *Enclosing;
    ReschedulingChain Chain;
    bool InsideChain;
  };

  ReferenceIndex &index(ASTContext &Ctx);
  bool isSpawnFunction(const FunctionDecl *Callee) const {
    return Callee && SpawnNames.contains(*Callee);
  }
  void checkDetach(const CXXMemberCallExpr &Detach, ASTContext &Ctx);
  void checkSpawn(const CallExpr &Call, ASTContext &Ctx);
  void checkTokenSpawn(const CallExpr &Call, const Expr &Token, ASTContext &Ctx);
  void checkDroppedTask(const CallExpr &Call, ASTContext &Ctx);
  void noteEndlessLoop(const EndlessLoop &Loop);
  void noteStuckFlag(const StuckCondition &Stuck);

  const std::vector<std::string> ThreadTypes;
  const std::vector<std::string> SpawnFunctions;
  const std::vector<std::string> DetachedTokens;
  const std::vector<std::string> JoinFunctions;
  const bool StrictMode;
  const NameList SpawnNames;
  /// leak-unawaited-future owns discarded std::async futures when enabled.
  const bool UnawaitedFutureEnabled;

  std::unique_ptr<ReferenceIndex> Index;
  std::vector<PendingChain> Pending;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_DETACHEDTASKCHECK_H
