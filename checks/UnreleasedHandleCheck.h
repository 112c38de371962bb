//===-- UnreleasedHandleCheck.h - leak-unreleased-handle -------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_UNRELEASEDHANDLECHECK_H
#define LEAKTIDY_CHECKS_UNRELEASEDHANDLECHECK_H

#include "Compat.h"
#include "FunctionEffects.h"
#include "LeakCheck.h"
#include "Names.h"
#include "Ownership.h"
#include "References.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak {

/// Finds C API handles (query results, replies, statements, connections)
/// that are acquired and not released on every path of the function.
///
/// For the user-facing documentation see:
/// docs/checks/leak-unreleased-handle.md
class UnreleasedHandleCheck : public LeakCheck {
public:
  UnreleasedHandleCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void startTranslationUnit() override {
    Analyzed.clear();
    Effects.clear();
    GuardedReleases.clear();
    References.reset();
  }
  void endTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// Acquire/release pairs of qualified names, as configured.
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  Pairs readPairs(StringRef Option);
  /// The release function, as written in the options, for \p Acquire.
  std::string releaseFor(const FunctionDecl &Acquire) const;
  void checkVariable(const VarDecl &Var,
                     const ast_matchers::MatchFinder::MatchResult &Result);
  void checkConstructor(const CXXConstructorDecl &Ctor,
                        const ast_matchers::MatchFinder::MatchResult &Result);
  void checkPassedStraight(const CallExpr &Call,
                           const ast_matchers::MatchFinder::MatchResult &Result);
  void checkOwningParameter(const FunctionDecl &Callee, unsigned Index,
                            const CallExpr &Acquisition,
                            const ast_matchers::MatchFinder::MatchResult &Result);
  void checkDiscarded(const CallExpr &Call,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkMemberAcquisition(
      const CallExpr &Acquisition, const FieldDecl &Member,
      const BinaryOperator *Assignment,
      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkMemberRelease(const CallExpr &Release,
                          const ast_matchers::MatchFinder::MatchResult &Result);
  void addFixIt(DiagnosticBuilder &Diag, const ownership::HandleEvents &Events,
                const std::string &Release, ASTContext &Ctx);

  std::string PairsText;
  const Pairs HandlePairs;
  const std::vector<std::string> NullOnFailure;
  const NameList Acquirers;
  const NameList Releasers;
  const NameList NullOnFailureList;
  /// Functions that take over a handle argument (catalog::handleTakeovers).
  const NameList Takeovers;
  const ownership::HandleFunctions Functions;
  llvm::DenseSet<const VarDecl *> Analyzed;
  FunctionEffects Effects;
  /// Functions reporting a handle's state (HandleStatusFunctions).
  const std::vector<std::string> StatusFunctions;
  const NameList StatusNames;
  /// Per member handle, its releases in source order, each with the status
  /// test it runs under (null for an unconditional release).
  struct MemberRelease {
    const CallExpr *Release;
    const Expr *Guard;
  };
  llvm::MapVector<const FieldDecl *, std::vector<MemberRelease>>
      GuardedReleases;
  ASTContext *Context = nullptr;
  std::unique_ptr<ReferenceIndex> References;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_UNRELEASEDHANDLECHECK_H
