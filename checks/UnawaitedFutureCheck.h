//===-- UnawaitedFutureCheck.h - leak-unawaited-future ---------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H
#define LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H

#include "Compat.h"
#include "LeakCheck.h"
#include "Observation.h"
#include "References.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds futures and tasks that are discarded, or stored and never awaited,
/// joined or chained.
///
/// For the user-facing documentation see:
/// docs/checks/leak-unawaited-future.md
class UnawaitedFutureCheck : public LeakCheck {
public:
  UnawaitedFutureCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void startTranslationUnit() override {
    DrainedContainers.clear();
    AwaitedStores.clear();
    ReportedStores.clear();
    CompletionOnly.clear();
  }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  enum class Flavor { Blocking, Lazy, Plain };

  void checkDiscarded(const CallExpr &Call,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkLocal(const VarDecl &Var,
                  const ast_matchers::MatchFinder::MatchResult &Result);
  void checkGrowth(const CXXMemberCallExpr &Call, const ValueDecl &Container,
                   const ast_matchers::MatchFinder::MatchResult &Result);
  void checkStore(const CXXOperatorCallExpr &Assign, const ValueDecl &Stored,
                  const ast_matchers::MatchFinder::MatchResult &Result);
  /// True when code of the file does more with the data member or global
  /// \p Stored than assign it or inspect it: waits on it, chains it, moves
  /// it, passes it on.
  bool isAwaited(const ValueDecl &Stored, ASTContext &Ctx);
  /// True when, in the function holding \p Assign, code before it waits on
  /// or otherwise uses \p Stored (beyond inspecting it).
  bool isAwaitedBefore(const CXXOperatorCallExpr &Assign,
                       const ValueDecl &Stored, ASTContext &Ctx);
  /// True when \p Ref, a reference to a stored task, only assigns it or
  /// inspects it.
  bool onlyAssignsOrInspects(const Expr &Ref);
  Flavor flavorOf(QualType Type, const FunctionDecl *Producer) const;
  bool isDrained(const ValueDecl &Container, ASTContext &Ctx);
  /// True when the function holding \p S blocks on a task or an event
  /// after it (TaskObservers::blocksAfter).
  bool blocksAfter(const Stmt &S, ASTContext &Ctx) const;
  ReferenceIndex &references(ASTContext &Ctx);

  const std::vector<std::string> FutureTypes;
  const std::vector<std::string> LazyTaskTypes;
  const std::vector<std::string> BlockingSpawners;
  const std::vector<std::string> JoinFunctions;
  const std::vector<std::string> IgnoredProducers;
  /// Reports dropped tasks in code that later blocks on another task too.
  const bool StrictMode;
  /// Dropped tasks from these spawners belong to leak-detached-task when it
  /// runs too: one finding per site.
  const bool DetachedTaskCheckEnabled;
  /// Which continuations observe the task they are given.
  TaskObservers Observers;
  llvm::DenseMap<const ValueDecl *, bool> DrainedContainers;
  llvm::DenseMap<const ValueDecl *, bool> AwaitedStores;
  llvm::DenseSet<const ValueDecl *> ReportedStores;
  /// Which functions return a task that only reports completion.
  CompletionOnlyTasks CompletionOnly;
  /// The references of the translation unit, built on the first container.
  std::unique_ptr<ReferenceIndex> References;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H
