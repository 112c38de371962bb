//===-- UnawaitedFutureCheck.h - leak-unawaited-future ---------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H
#define LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H

#include "LeakCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds futures and tasks that are discarded instead of being awaited,
/// joined or chained.
///
/// For the user-facing documentation see:
/// docs/checks/leak-unawaited-future.md
class UnawaitedFutureCheck : public LeakCheck {
public:
  UnawaitedFutureCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  const std::vector<std::string> FutureTypes;
  const std::vector<std::string> BlockingSpawners;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_UNAWAITEDFUTURECHECK_H
