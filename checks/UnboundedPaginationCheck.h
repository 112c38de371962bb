//===-- UnboundedPaginationCheck.h - leak-unbounded-pagination -*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_UNBOUNDEDPAGINATIONCHECK_H
#define LEAKTIDY_CHECKS_UNBOUNDEDPAGINATIONCHECK_H

#include "Compat.h"
#include "LeakCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <cstdint>
#include <string>
#include <vector>

namespace clang::tidy::leak {

namespace loops {
struct PaginationLoop;
} // namespace loops

namespace fixits {
class LineInsertions;
} // namespace fixits

/// Finds loops that follow a continuation token (or an offset, or a cursor)
/// page after page and accumulate every page into one container with no cap.
///
/// For the user-facing documentation see:
/// docs/checks/leak-unbounded-pagination.md
class UnboundedPaginationCheck : public LeakCheck {
public:
  UnboundedPaginationCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void startTranslationUnit() override { BlocksWithCapConstant.clear(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  void reportAccumulation(const loops::PaginationLoop &Loop, ASTContext &Ctx);
  void reportRepeatedToken(const loops::PaginationLoop &Loop, ASTContext &Ctx);
  std::vector<FixItHint> fixes(const loops::PaginationLoop &Loop,
                               ASTContext &Ctx);
  bool addCaps(const loops::PaginationLoop &Loop, ASTContext &Ctx,
               fixits::LineInsertions &Edits, const Stmt *&BlockToMark) const;
  void addPageSize(const loops::PaginationLoop &Loop, ASTContext &Ctx,
                   fixits::LineInsertions &Edits) const;

  const std::vector<std::string> TokenGetters;
  const std::vector<std::string> TokenSetters;
  const std::vector<std::string> PageSizeSetters;
  const std::vector<std::string> RequestFunctions;
  const std::vector<std::string> CursorTypes;
  const std::int64_t MaxItems;
  const std::int64_t PageSize;
  const bool CheckRepeatedToken;
  /// Blocks of the current translation unit that a fix-it already gives the
  /// cap constant, so that a second loop there does not declare it again.
  llvm::DenseSet<const Stmt *> BlocksWithCapConstant;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_UNBOUNDEDPAGINATIONCHECK_H
