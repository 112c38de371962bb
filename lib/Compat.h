//===-- Compat.h - shims between supported LLVM majors ---------*- C++ -*-===//
//
// The places where the clang and clang-tidy APIs differ between the LLVM
// majors LeakTidy supports (14, 15, 16, 19 and 22; LEAKTIDY_SUPPORTED_LLVM_MAJORS in
// cmake/LeakTidyFindLLVM.cmake). Code in checks/ and lib/ uses these instead
// of testing LEAKTIDY_LLVM_MAJOR itself. Known differences without a shim:
//
//  * LLVM 22 no longer wraps qualified type names in ElaboratedType; match
//    types through hasDeclaration / hasCanonicalType, not by the sugar.
//  * `Options.get(Name, std::optional<T>)` for integers exists from LLVM 17
//    on; use `Options.get(Name, T Default)`.
//  * The enum overloads of `Options.get` lost their IgnoreCase argument in
//    LLVM 22; do not pass one.
//  * Matchers added after LLVM 16 (argumentCountAtLeast, cxxFoldExpr,
//    usingShadowDecl...) are not available: write them out, or add a shim.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_COMPAT_H
#define LEAKTIDY_LIB_COMPAT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

// LLVM 22 moved the module registry into ClangTidyModule.h and deprecated the
// old header; older majors still need it.
#if LEAKTIDY_LLVM_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::leak::compat {

namespace detail {
/// clang APIs return llvm::Optional before LLVM 16 and std::optional from
/// LLVM 16 on; the shims below hand out std::optional for every major.
template <typename T> std::optional<T> toStd(std::optional<T> Value) {
  return Value;
}
#if LEAKTIDY_LLVM_MAJOR < 16
template <typename T> std::optional<T> toStd(const llvm::Optional<T> &Value) {
  if (Value)
    return *Value;
  return std::nullopt;
}
#endif
} // namespace detail

/// The return type of ClangTidyCheck::getCheckTraversalKind (and of
/// MatchFinder::MatchCallback's): llvm::Optional before LLVM 16.
#if LEAKTIDY_LLVM_MAJOR < 16
using OptionalTraversalKind = llvm::Optional<TraversalKind>;
#else
using OptionalTraversalKind = std::optional<TraversalKind>;
#endif

/// \p Element as a \p T (CFGStmt, CFGInitializer...), if it is one.
template <typename T> std::optional<T> cfgAs(const CFGElement &Element) {
  return detail::toStd(Element.template getAs<T>());
}

/// The value of \p E when it is an integer constant expression.
inline std::optional<llvm::APSInt> integerConstant(const Expr &E,
                                                   const ASTContext &Ctx) {
  return detail::toStd(E.getIntegerConstantExpr(Ctx));
}

/// The string value of the check option \p Name, or \p Default. LLVM 14
/// returns a std::string, later majors a StringRef into the option map; a copy
/// works with every major.
inline std::string optionString(const ClangTidyCheck::OptionsView &Options,
                                llvm::StringRef Name, llvm::StringRef Default) {
  return std::string(Options.get(Name, Default));
}

/// StringRef::starts_with and ends_with exist from LLVM 16 on; startswith
/// and endswith, their older names, are gone in the newest majors.
inline bool startsWith(llvm::StringRef Text, llvm::StringRef Prefix) {
#if LEAKTIDY_LLVM_MAJOR < 16
  return Text.startswith(Prefix);
#else
  return Text.starts_with(Prefix);
#endif
}
inline bool endsWith(llvm::StringRef Text, llvm::StringRef Suffix) {
#if LEAKTIDY_LLVM_MAJOR < 16
  return Text.endswith(Suffix);
#else
  return Text.ends_with(Suffix);
#endif
}

namespace detail {
/// True when \p Type, without sugar of its own, is a class, struct, union or
/// enum that is not a template specialization.
inline bool isPlainTag(QualType Type) {
  const auto *Tag =
      Type.isNull() ? nullptr : dyn_cast<TagType>(Type.getTypePtr());
  return Tag && !isa<ClassTemplateSpecializationDecl>(Tag->getDecl());
}
} // namespace detail

/// \p Type printed with the scope it was written with: `Client` for a
/// `Client` written after `using namespace aws;` or `using aws::Client;`,
/// `aws::Client` for one written so. From LLVM 16 on every written class name
/// is wrapped in an ElaboratedType that keeps its written qualifier (none,
/// here); before, only a qualified or keyword-prefixed name is, and a bare
/// class, typedef or using-declared name prints with its whole scope unless
/// the policy suppresses that.
inline std::string typeAsWritten(QualType Type, PrintingPolicy Policy) {
#if LEAKTIDY_LLVM_MAJOR < 16
  // A bare typedef, using-declared or non-template class name was written
  // so (unwrittenType wraps the others); a bare class template
  // specialization is as likely a canonical type from a template argument,
  // which the newer majors print with its scope.
  if (isa<TypedefType, UsingType>(Type.getTypePtr()) ||
      detail::isPlainTag(Type))
    Policy.SuppressScope = true;
#endif
  return Type.getAsString(Policy);
}

/// \p Type, taken from a template's arguments rather than from the source,
/// in a form that typeAsWritten prints with its whole scope, as the newer
/// majors print such a type.
inline QualType unwrittenType(QualType Type, const ASTContext &Ctx) {
#if LEAKTIDY_LLVM_MAJOR < 16
  // Only the types typeAsWritten would print without their scope: a
  // specialization qualified here would also show its default arguments.
  if (detail::isPlainTag(Type))
    return TypeName::getFullyQualifiedType(Type, Ctx);
  return Type;
#else
  (void)Ctx;
  return Type;
#endif
}

/// The top-level declarations the AST traversal is limited to. LLVM 22
/// returns a view into the context, LLVM 16 and 19 a copy; a copy works with
/// every major.
inline std::vector<Decl *> traversalScope(const ASTContext &Ctx) {
  const auto Scope = Ctx.getTraversalScope();
  return {Scope.begin(), Scope.end()};
}

/// True when clang-tidy itself keeps AST matchers out of system headers
/// (MatchFinderOptions::IgnoreSystemHeaders, LLVM 21 on); older majors try
/// every matcher on every node of its kind in the system headers too.
inline constexpr bool ClangTidySkipsSystemHeaders = LEAKTIDY_LLVM_MAJOR >= 21;

/// Matches the body of a coroutine (a function using co_await, co_yield or
/// co_return). clang's own matcher exists from LLVM 17 on.
#if LEAKTIDY_LLVM_MAJOR < 17
inline const ast_matchers::internal::VariadicDynCastAllOfMatcher<Stmt, CoroutineBodyStmt>
    coroutineBodyStmt; // NOLINT(readability-identifier-naming): clang's name
#else
using ast_matchers::coroutineBodyStmt;
#endif

/// True for a pure virtual function ('= 0'). LLVM 18 renamed isPure() to
/// isPureVirtual().
inline bool isPureVirtual(const FunctionDecl &Function) {
#if LEAKTIDY_LLVM_MAJOR < 18
  return Function.isPure();
#else
  return Function.isPureVirtual();
#endif
}

} // namespace clang::tidy::leak::compat

#endif // LEAKTIDY_LIB_COMPAT_H
