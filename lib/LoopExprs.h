//===-- LoopExprs.h - what the expressions of a loop name ------*- C++ -*-===//
//
// The pagination analysis (Loops.h) follows values through the statements of
// a loop: which variable or member an expression names or is rooted at, which
// nodes pass a value through unchanged, which declarations and comparisons a
// statement holds, which string literals a request is built from. These are
// the syntactic questions it asks of single expressions; LoopFacts.h gathers
// their answers over a whole loop.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LOOPEXPRS_H
#define LEAKTIDY_LIB_LOOPEXPRS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>

namespace clang::tidy::leak::loops {

using DeclSet = llvm::SmallPtrSet<const ValueDecl *, 8>;
using CallSet = llvm::SmallPtrSet<const Expr *, 4>;

/// Bounds the recursion over expressions and declarations, so that unusual
/// code (deep chains, self-referencing initializers) stays cheap.
constexpr unsigned MaxDepth = 16;

/// True when \p Name is one of \p Names.
bool isListed(StringRef Name, llvm::ArrayRef<std::string> Names);

bool isListed(StringRef Name, llvm::ArrayRef<StringRef> Names);

/// The qualified name of \p D as users spell it: no inline or anonymous
/// namespaces, no template arguments. Empty for local declarations.
std::string spelledQualifiedName(const NamedDecl &D);

/// True when the qualified name of \p D as users spell it is an entry of
/// \p Names (written with or without a leading '::').
template <typename List>
bool isQualifiedListed(const NamedDecl *D, const List &Names) {
  if (!D)
    return false;
  const std::string Name = spelledQualifiedName(*D);
  if (Name.empty())
    return false;
  return llvm::any_of(Names, [&](const auto &Entry) {
    return StringRef(Entry).ltrim(':') == Name;
  });
}

/// True when \p D is declared in namespace std or in a namespace inside it.
bool isInStd(const Decl *D);

/// The class of \p T, looking through references and one pointer.
const CXXRecordDecl *classOf(QualType T);

/// The definition of \p RD, or null.
const CXXRecordDecl *definitionOf(const CXXRecordDecl *RD);

/// \p E without the nodes that pass its value through unchanged: parentheses,
/// implicit and explicit casts, temporaries, copies and std::move.
const Expr *strip(const Expr *E);

/// The variable, binding or member (through 'this') that \p E names exactly.
const ValueDecl *namedDecl(const Expr *E);

/// The variable, binding or member at the root of \p E: 'req' for
/// 'req.items', 'out' for '*out' or 'out->items', 'msg' for
/// '*msg.mutable_token()'.
const ValueDecl *rootDecl(const Expr *E);

/// Calls \p Visit on every statement below \p S (not \p S itself) in source
/// order, lambda bodies included.
template <typename Fn> void forEachDescendant(const Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    Visit(Child);
    forEachDescendant(Child, Visit);
  }
}

/// Every variable, binding and member (through 'this') named in \p S.
DeclSet referencedDecls(const Stmt *S);

/// True when \p Target is \p S or a statement below it.
bool containsStmt(const Stmt *S, const Stmt *Target);

/// True when \p S is, or holds, a call of a member function named in \p Names.
bool containsMemberCallNamed(const Stmt *S, llvm::ArrayRef<std::string> Names);

/// True when \p A and \p B have a declaration in common.
bool intersects(const DeclSet &A, const DeclSet &B);

/// The comparisons (relational, equality, three-way) inside \p S, as operand
/// pairs.
llvm::SmallVector<std::pair<const Expr *, const Expr *>, 2>
comparisonsIn(const Stmt *S);

/// True when \p Text, in lower case, holds \p Word (in lower case) as a whole
/// word.
bool containsWord(StringRef Text, StringRef Word);

/// The string literals the arguments of \p Call are built from, looking one
/// level into the initializers of the variables they name.
std::string requestLiterals(const CallExpr *Call);

/// The same for one expression.
std::string literalsOf(const Expr *E);

/// True when \p E has an arithmetic or enumeration type, or is null.
bool isArithmetic(const Expr *E);

} // namespace clang::tidy::leak::loops

#endif // LEAKTIDY_LIB_LOOPEXPRS_H
