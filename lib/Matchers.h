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

/// Matches a function whose qualified name is in \p Names, as hasAnyName
/// does. A function with C language linkage is one function whatever
/// namespace declares it ([dcl.link]), so an entry of the global namespace
/// ('::sqlite3_open') also matches it when a C header is included inside a
/// namespace ('namespace sqlite_api { #include <sqlite3.h> }').
inline ast_matchers::internal::BindableMatcher<Decl>
isFunctionNamed(llvm::ArrayRef<llvm::StringRef> Names) {
  using namespace ast_matchers;
  std::vector<llvm::StringRef> GlobalNames;
  for (llvm::StringRef Name : Names)
    if (Name.consume_front("::") && !Name.contains("::"))
      GlobalNames.push_back(Name);
  if (GlobalNames.empty())
    return functionDecl(hasAnyName(Names));
  return functionDecl(anyOf(hasAnyName(Names),
                            allOf(isExternC(), hasAnyName(GlobalNames))));
}

} // namespace clang::tidy::leak::matchers

#endif // LEAKTIDY_LIB_MATCHERS_H
