//===-- UnboundedSharedContainerCheck.h - growing shared state -*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_UNBOUNDEDSHAREDCONTAINERCHECK_H
#define LEAKTIDY_CHECKS_UNBOUNDEDSHAREDCONTAINERCHECK_H

#include "Compat.h"
#include "Containers.h"
#include "Handlers.h"
#include "LeakCheck.h"
#include "Names.h"
#include "References.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds request handlers and message loops that insert into a container
/// outliving the request (a member of the service, a static, a global, a
/// container captured from outside the handler) that no code of the
/// translation unit bounds.
///
/// For the user-facing documentation see:
/// docs/checks/leak-unbounded-shared-container.md
class UnboundedSharedContainerCheck : public LeakCheck {
public:
  UnboundedSharedContainerCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override {
    Handlers.reset();
    References.reset();
  }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  struct Owner;
  std::optional<Owner> ownerOf(const Expr *E,
                               const handlers::PerRequestPath &Path,
                               size_t Level, bool ThroughPointer,
                               unsigned Depth, ASTContext &Ctx);
  /// Where the storage a per-call object's pointer or reference member
  /// \p Field refers to lives, from what its constructions pass for it.
  std::optional<Owner> ownerOfReferent(const FieldDecl &Field,
                                       ASTContext &Ctx);
  bool isThisLongLived(const handlers::PerRequestPath &Path, size_t Level,
                       unsigned Depth, ASTContext &Ctx);
  const VarDecl *lockInScope(const Stmt &S, ASTContext &Ctx) const;
  void diagnose(const CallExpr &Insertion, const Expr &Object,
                const Owner &Where, const handlers::PerRequestPath &Path,
                ASTContext &Ctx);

  const std::vector<std::string> BoundedContainerTypes;
  const std::vector<std::string> EvictionFunctions;
  const std::vector<std::string> LockTypes;
  const handlers::Config HandlerOptions;

  const NameList BoundedNames;
  const RegexList EvictionPatterns;
  const NameList LockNames;
  const NameList TransferNames;
  const containers::BoundApi Api;
  handlers::HandlerIndex Handlers;
  /// The references of the current translation unit, built on first use.
  std::unique_ptr<ReferenceIndex> References;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_UNBOUNDEDSHAREDCONTAINERCHECK_H
