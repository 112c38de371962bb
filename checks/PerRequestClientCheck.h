//===-- PerRequestClientCheck.h - leak-per-request-client ------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H
#define LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H

#include "Catalog.h"
#include "Compat.h"
#include "Handlers.h"
#include "LeakCheck.h"
#include "Names.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
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
  void endTranslationUnit() override {
    Handlers.reset();
    ConstructorClients.clear();
  }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

private:
  /// One construction or connection the check found.
  struct Client {
    /// The matched expression, and the expression whose value is the client
    /// (a 'new' around a construction).
    const Expr *Node = nullptr;
    const Expr *Value = nullptr;
    /// The client type or the factory, for the message.
    std::string Name;
    bool IsFactory = false;
    bool ThreadSafe = false;
    const catalog::ClientEntry *Entry = nullptr;
    /// The arguments that say what to connect to.
    llvm::SmallVector<const Expr *, 4> Args;
    /// For an object of a class of the project whose constructor creates a
    /// client: that construction or factory call, and its name.
    const Expr *Inner = nullptr;
    std::string InnerName;
  };
  /// The client \p Node creates: a construction of a client type, a factory
  /// call, a smart-pointer allocation of a client type.
  /// The type as written where \p Construct goes (the type of a 'new', of
  /// the variable it initializes), setting \p C's value to the 'new'.
  static QualType placeOf(const CXXConstructExpr &Construct, Client &C,
                          ASTContext &Ctx);
  /// With \p AskWhere, also where the client goes ('new', a variable), which
  /// asks for the parents of \p Node.
  std::optional<Client> clientOf(const Expr &Node, ASTContext &Ctx,
                                 bool AskWhere = true) const;
  /// For an object of a class of the project (a construction, 'new' or a
  /// smart-pointer allocation) whose constructor creates a client: the
  /// object, described with that client.
  std::optional<Client> wrapperOf(const Expr &Node, ASTContext &Ctx);
  /// The client the constructor creates with every object: in its member
  /// initializers or its body, directly or through the constructor of
  /// another class of the project (\p Depth levels so far).
  std::optional<Client> createdByConstructor(const CXXConstructorDecl &Ctor,
                                             ASTContext &Ctx, unsigned Depth);
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
  /// How many constructors deep a wrapped client is looked for.
  static constexpr unsigned MaxWrapperDepth = 2;
  /// Per constructor, the client it creates (see createdByConstructor).
  llvm::DenseMap<const CXXConstructorDecl *, std::optional<Client>>
      ConstructorClients;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_PERREQUESTCLIENTCHECK_H
