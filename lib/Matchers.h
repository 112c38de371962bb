//===-- Matchers.h - AST matchers shared by the checks ---------*- C++ -*-===//

#ifndef LEAKTIDY_LIB_MATCHERS_H
#define LEAKTIDY_LIB_MATCHERS_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

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

} // namespace clang::tidy::leak::matchers

#endif // LEAKTIDY_LIB_MATCHERS_H
