//===-- PerRequestClientCheck.h - leak-per-request-client ------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H
#define LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H

#include "Handlers.h"
#include "LeakCheck.h"
#include "Names.h"
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds expensive clients and connections (AWS SDK clients, PostgreSQL and
/// Redis connections, gRPC channels, HTTP clients) built once per request or
/// per loop iteration instead of once and shared.
///
/// For the user-facing documentation see:
/// docs/checks/leak-per-request-client.md
class PerRequestClientCheck : public LeakCheck {
public:
  PerRequestClientCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void endTranslationUnit() override { Handlers.reset(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  struct Client;
  void diagnose(const Client &C, const handlers::PerRequestPath &Path,
                const ast_matchers::MatchFinder::MatchResult &Result);
  const CallExpr *findWrapperOf(const VarDecl &Var,
                                const FunctionDecl &Function) const;

  const std::vector<std::string> ClientTypes;
  const std::vector<std::string> ClientFactories;
  const std::vector<std::string> ThreadSafeClients;
  const std::vector<std::string> SmartPointerFactories;
  const std::vector<std::string> ClientWrappers;
  const std::vector<std::string> IgnoredFiles;
  const handlers::Config HandlerOptions;

  const NameList TypeNames;
  const NameList FactoryNames;
  const NameList ThreadSafeNames;
  const NameList WrapperNames;
  const RegexList IgnoredFilePatterns;
  handlers::HandlerIndex Handlers;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H
