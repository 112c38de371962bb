//===-- ConstructorHandles.h - handles a failing constructor leaks -*- C++ -*-//
//
// A constructor that acquires a C handle into a data member and then throws
// leaks the handle: no destructor runs for an object whose constructor did
// not finish. This follows the constructor's control flow graph (and that of
// the member functions it calls on its own object, which may acquire into
// members too) and reports every throw, and every call of a function of the
// translation unit that may throw, reached while a member holds a handle
// acquired there and not yet released. Calls of functions whose body is not
// in the translation unit are not taken to throw.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_CONSTRUCTORHANDLES_H
#define LEAKTIDY_LIB_CONSTRUCTORHANDLES_H

#include "FunctionEffects.h"
#include "Ownership.h"
#include "clang/AST/DeclCXX.h"
#include <vector>

namespace clang::tidy::leak::ownership {

/// A handle held by a data member when an exception may leave the
/// constructor.
struct MemberLeak {
  const FieldDecl *Field;
  /// The acquiring call that stored the handle into the member.
  const CallExpr *Acquisition;
  /// The throw expression, or the call that may throw.
  const Stmt *Throw;
};

/// The handles of \p Ctor's object that an exception leaving \p Ctor leaks,
/// in source order of the throws; empty when the constructor or a function
/// it calls cannot be analysed.
std::vector<MemberLeak> findConstructorLeaks(const CXXConstructorDecl &Ctor,
                                             ASTContext &Ctx,
                                             const HandleFunctions &Functions,
                                             FunctionEffects &Effects);

} // namespace clang::tidy::leak::ownership

#endif // LEAKTIDY_LIB_CONSTRUCTORHANDLES_H
