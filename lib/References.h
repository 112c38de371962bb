//===-- References.h - who reads and writes a variable or field -*- C++ -*-===//
//
// An index of the references to variables, fields and functions written in
// the user code of one translation unit (system headers are skipped), built on first
// use, and the questions asked of it: what values does this variable take,
// does anything change this flag, is this method ever called on it?
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_REFERENCES_H
#define LEAKTIDY_LIB_REFERENCES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::leak {

/// How a reference uses the object it names.
struct ReferenceUse {
  /// The reference may change the object: it is assigned, incremented, has a
  /// non-const member function called on it, is bound to a non-const
  /// reference or has its address taken.
  bool MayWrite = false;
  /// For a write of a constant (`flag = true`, `flag.store(false)`), the
  /// constant as a truth value.
  std::optional<bool> StoredTruth;
};

class ReferenceIndex {
public:
  explicit ReferenceIndex(ASTContext &Ctx) : Ctx(Ctx) {}

  ASTContext &context() const { return Ctx; }

  /// The DeclRefExprs and MemberExprs naming \p D (a variable, a field or a
  /// function) in user code.
  llvm::ArrayRef<const Expr *> referencesTo(const ValueDecl &D);

  /// The expressions \p D is given as a value: its initializer (the in-class
  /// initializer of a field), constructor initializers, and the right-hand
  /// sides of assignments to it.
  llvm::SmallVector<const Expr *, 4> valuesOf(const ValueDecl &D);

  /// The constructions (also under 'new') that call \p Ctor in user code.
  llvm::ArrayRef<const CXXConstructExpr *>
  constructionsOf(const CXXConstructorDecl &Ctor);

  /// True when a member function named in \p Methods is called on \p D
  /// somewhere in user code.
  bool hasMemberCallOn(const ValueDecl &D, llvm::ArrayRef<std::string> Methods);

  /// The name of the member function called on the object \p Ref (an
  /// element of referencesTo) names, as in 'Ref.push_back(x)'; std::nullopt
  /// when \p Ref is not the object of a member function call.
  std::optional<llvm::StringRef> memberCalledOn(const Expr &Ref);

  /// How the reference \p Ref (an element of referencesTo) uses its object.
  ReferenceUse classify(const Expr &Ref);

private:
  void build();

  ASTContext &Ctx;
  bool Built = false;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 4>> Refs;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>
      CtorInits;
  llvm::DenseMap<const CXXConstructorDecl *,
                 llvm::SmallVector<const CXXConstructExpr *, 2>>
      Constructions;
};

/// The single parent statement of \p S with every implicit node kept (cast,
/// temporary, cleanup), whatever traversal kind is in effect; null when \p S
/// has no statement parent or several.
const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx);

/// \p E without parentheses, implicit casts and the wrappers of temporaries
/// (cleanups, materialization, binding, no-op constructor conversions).
const Expr *stripImplicit(const Expr *E);

/// The truth value of \p E when it is a constant (through a single-argument
/// or value-initializing construction, as in `std::atomic<bool> F{false}`).
std::optional<bool> constantTruth(const Expr *E, const ASTContext &Ctx);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_REFERENCES_H
