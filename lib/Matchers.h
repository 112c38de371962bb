//===-- Matchers.h - AST matchers shared by the checks ---------*- C++ -*-===//

#ifndef LEAKTIDY_LIB_MATCHERS_H
#define LEAKTIDY_LIB_MATCHERS_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <vector>

namespace clang::tidy::leak::matchers {

/// Matches expressions that produce a new object (prvalues), as opposed to
/// naming an existing one (a call returning a reference, a variable).
AST_MATCHER(Expr, isPRValueExpr) { return Node.isPRValue(); }

/// Matches a type that is, after sugar and cv-qualifiers, a class whose
/// qualified name is in \p Names (class template specializations match by
/// their template's name).
inline ast_matchers::internal::Matcher<QualType>
isRecordNamed(llvm::ArrayRef<llvm::StringRef> Names) {
  using namespace ast_matchers;
  return qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(recordDecl(hasAnyName(Names))))));
}

/// Every match of \p Matcher anywhere in the part of the translation unit that
/// clang-tidy analyses (its traversal scope: the main file's declarations),
/// ignoring the traversal kind of the calling check.
template <typename MatcherT>
std::vector<ast_matchers::BoundNodes>
findAllInTranslationUnit(const MatcherT &Matcher, ASTContext &Ctx) {
  using namespace ast_matchers;
  // LLVM 19 returns the scope by value, LLVM 22 by reference: copy it once.
  std::vector<Decl *> Scope;
  for (Decl *D : Ctx.getTraversalScope())
    Scope.push_back(D);
  if (Scope.empty() ||
      (Scope.size() == 1 && isa<TranslationUnitDecl>(Scope.front()))) {
    Scope.clear();
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      Scope.push_back(D);
  }
  std::vector<BoundNodes> Found;
  for (Decl *D : Scope) {
    if (!D)
      continue;
    auto Matches =
        match(traverse(TK_AsIs, decl(forEachDescendant(Matcher))), *D, Ctx);
    Found.insert(Found.end(), Matches.begin(), Matches.end());
  }
  return Found;
}

} // namespace clang::tidy::leak::matchers

#endif // LEAKTIDY_LIB_MATCHERS_H
