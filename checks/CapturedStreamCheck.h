//===-- CapturedStreamCheck.h - leak-captured-stream -----------*- C++ -*-===//

#ifndef LEAKTIDY_CHECKS_CAPTUREDSTREAMCHECK_H
#define LEAKTIDY_CHECKS_CAPTUREDSTREAMCHECK_H

#include "Compat.h"
#include "Escape.h"
#include "LeakCheck.h"
#include "Names.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Finds streams, cursors, writers, transactions and sockets captured by
/// reference, pointer or owning handle into a lambda that outlives the
/// request.
///
/// For the user-facing documentation see:
/// docs/checks/leak-captured-stream.md
class CapturedStreamCheck : public LeakCheck {
public:
  CapturedStreamCheck(StringRef Name, ClangTidyContext *Context);
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }

  /// How a stream reaches the callable.
  enum class CaptureKind { Reference, Pointer, This, Owning };

  struct Capture {
    CaptureKind Kind;
    /// The stream: a local variable or parameter, or a member reached
    /// through 'this'.
    const NamedDecl *Stream = nullptr;
    /// The variable the callable captures (the pointer or the handle), when
    /// it is not the stream itself.
    const VarDecl *Handle = nullptr;
    /// The stream's type as written.
    QualType StreamType;
    SourceLocation Loc;
    /// An explicit by-copy capture of Handle, for the weak_ptr fix-it.
    const LambdaCapture *Explicit = nullptr;
    /// For a C handle captured by copy: a call that releases it.
    const CallExpr *Release = nullptr;
  };

private:
  bool isStream(QualType Type) const;
  bool isReferenceOnlyStream(QualType Type) const;
  /// The stream type an owning handle (shared_ptr, unique_ptr) points to.
  QualType ownedStream(QualType Handle) const;

  void collectLambda(const LambdaExpr &Lambda, std::vector<Capture> &Out) const;
  void collectBind(const CallExpr &Bind, std::vector<Capture> &Out) const;
  void byReference(const VarDecl &Var, SourceLocation Loc,
                   std::vector<Capture> &Out) const;
  /// '&stream' of an automatic stream, captured or bound as a pointer.
  void byAddress(const UnaryOperator &Address, SourceLocation Loc,
                 std::vector<Capture> &Out) const;
  void byCopy(const VarDecl &Var, const VarDecl &Handle, SourceLocation Loc,
              const LambdaCapture *Explicit, std::vector<Capture> &Out) const;
  void throughThis(const Stmt *Body, std::vector<Capture> &Out) const;
  /// A call releasing \p Handle in its function; with \p SM, only one after
  /// \p After, outside \p Except and not inside a lambda.
  const CallExpr *releaseOf(const VarDecl &Handle, SourceLocation After,
                            SourceRange Except, const SourceManager *SM) const;

  /// True when \p Lambda also holds a shared or weak handle to its object
  /// (of class \p Class).
  bool keepsObjectAlive(const LambdaExpr &Lambda,
                        const CXXRecordDecl &Class) const;
  /// True when the request keeps an owner of the stream of the owning
  /// capture \p C besides the callable: the function uses the handle after
  /// handing the callable off.
  bool keepsOtherOwner(const Capture &C, const escape::Result &Escape,
                       const Expr &Callable, const SourceManager &SM) const;
  /// What a capture's initializer names, through copies and std::move.
  const Expr *underlying(const Expr *E) const;
  const VarDecl *referencedVar(const Expr *E) const;
  /// The variable or member an operation's target expression names.
  const Decl *rootOf(const Expr *E, unsigned Depth = 0) const;
  /// True when objects of \p Class live for one request: derived from a
  /// PerRequestClasses entry or holding a PerRequestMembers member.
  bool isPerRequest(const CXXRecordDecl &Class) const;
  void report(const Capture &C, const escape::Result &Escape,
              const Expr &Callable, ASTContext &Ctx);
  /// Rewrites an explicit shared_ptr capture into a weak_ptr capture locked
  /// at the top of the lambda body, when that is mechanical.
  std::vector<FixItHint> weakCaptureFix(const Capture &C,
                                        const LambdaExpr &Lambda,
                                        ASTContext &Ctx) const;

  const std::vector<std::string> StreamTypes;
  const std::vector<std::string> ReferenceStreamTypes;
  const std::vector<std::string> EscapingSinks;
  const std::vector<std::string> EscapingSinkPatterns;
  const std::vector<std::string> PerRequestClasses;
  const std::vector<std::string> PerRequestMembers;
  const bool ReportOwningCaptures;

  const NameList StreamNames;
  const NameList ReferenceStreamNames;
  const NameList PerRequestClassNames;
  const NameList PerRequestMemberNames;
  const NameList OwningNames;
  const NameList ReleaseNames;
  const NameList RequestScopedSinks;
  const NameList WeakObservableNames;
  const NameList ReferenceWrapperNames;
  const NameList PassThroughNames;
  llvm::StringSet<> SelfHandleMethods;
  const escape::Analysis Escapes;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_CHECKS_CAPTUREDSTREAMCHECK_H
