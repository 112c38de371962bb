//===-- Ownership.h - is a local handle released on every path -*- C++ -*-===//
//
// Follows a local variable holding a handle from a C API (a pointer that a
// function acquires and another one releases) through the control flow graph
// of its function: where it receives a handle, where the handle is released
// or handed over (returned, stored outside the function, passed to a function
// that may keep it), and which paths reach the function's exit, or acquire
// again, while a handle is still held. Which functions acquire and release is
// the caller's knowledge, given as predicates.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_OWNERSHIP_H
#define LEAKTIDY_LIB_OWNERSHIP_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace clang::tidy::leak::ownership {

/// What the caller knows about functions.
struct HandleFunctions {
  /// The function acquires a handle.
  std::function<bool(const FunctionDecl &)> IsAcquire;
  /// The function releases the handles held by the variable analysed.
  std::function<bool(const FunctionDecl &)> IsRelease;
  /// The acquiring function leaves the handle null when it returns a non-zero
  /// status.
  std::function<bool(const FunctionDecl &)> IsNullOnFailure;
  /// Passing the handle to the function is only a use: it neither releases
  /// nor keeps it.
  std::function<bool(const FunctionDecl &)> OnlyUses;
  /// Optional: the function takes over the handle passed as its argument
  /// of this index; passing it there releases it.
  std::function<bool(const FunctionDecl &, unsigned)> TakesOver;
  /// Optional: an exception may leave the call. When set, such a call made
  /// outside the function's try blocks ends the paths that hold a handle, as
  /// a 'throw' does.
  std::function<bool(const CallExpr &)> MayThrow;
};

/// The parameter through which \p Acquire stores the handle it acquires (its
/// last writable pointer-to-pointer parameter that does not point to
/// strings), or std::nullopt when it returns the handle (it returns a
/// pointer) or has no such parameter.
std::optional<unsigned> handleOutParameter(const FunctionDecl &Acquire);

/// For a two-way branch on \p Condition that tests the status an acquiring
/// call returned (the call itself, or a local initialized with it): the call
/// and the successor (0 or 1) taken when the status is non-zero, a failure.
std::optional<std::pair<const CallExpr *, unsigned>>
statusFailureBranch(const Expr *Condition, ASTContext &Ctx);

/// The function, lambda call operator or block that declares \p Var (a
/// local or a parameter), with its body; {nullptr, nullptr} when there is
/// none.
std::pair<const Decl *, const Stmt *> enclosingFunction(const VarDecl &Var,
                                                        ASTContext &Ctx);

/// How one reference to the variable uses it.
enum class RefKind {
  Use,         ///< Read: compared, dereferenced, passed to a using function.
  ArrowBase,   ///< The object of a '->' member access.
  AcquireInto, ///< Receives a new handle ('x = acquire()', '&x' out-param).
  Release,     ///< Passed to a releasing function.
  Transfer,    ///< Handed over: returned, stored elsewhere, passed on.
  Clear,       ///< Assigned a null pointer.
};

struct Reference {
  const DeclRefExpr *Ref;
  RefKind Kind;
  /// The statement of the control flow graph at which the reference takes
  /// effect (the call, assignment or return holding it).
  const Stmt *At;
};

/// Everything that happens to one local handle variable in its function.
struct HandleEvents {
  const VarDecl *Var = nullptr;
  /// The acquiring calls that store into the variable, in source order (its
  /// initializer's first).
  llvm::SmallVector<const CallExpr *, 2> Acquisitions;
  /// For a parameter that owns the handle its callers pass in: the caller's
  /// acquiring call, first of \p Acquisitions, held when the function starts.
  const CallExpr *AtEntry = nullptr;
  /// Acquisitions that pass the variable's previous handle in, so that the
  /// new handle extends it ('list = curl_slist_append(list, ...)').
  llvm::SmallPtrSet<const CallExpr *, 2> Extending;
  std::vector<Reference> References;
};

/// Classifies every reference to \p Var in \p Body. std::nullopt when one
/// of them is not modelled (an alias, a capture, the address taken for some
/// other purpose): then nothing can be said about the variable. With
/// \p AtEntry, \p Var is a parameter that holds, when the function starts,
/// the handle that call acquired in a caller.
std::optional<HandleEvents> collectEvents(const VarDecl &Var, const Stmt &Body,
                                          ASTContext &Ctx,
                                          const HandleFunctions &Functions,
                                          const CallExpr *AtEntry = nullptr);

/// True when \p F, defined in the translation unit, only returns its
/// parameter \p Index: every reference to it is 'return p;'.
bool onlyReturnsParameter(const FunctionDecl &F, unsigned Index);

/// A handle that is not released on some path.
struct Leak {
  const CallExpr *Acquisition;
  /// The variable receives a new handle while this one may still be held;
  /// \p Where is the acquiring call that overwrites it.
  bool Overwritten = false;
  /// The return or throw through which the handle leaks, the call that may
  /// throw (with HandleFunctions::MayThrow), the overwriting acquisition, or
  /// null for the end of the function's body.
  const Stmt *Where = nullptr;
};

/// The acquisitions of \p Events that can reach the end of \p Body (the body
/// of \p Function), or a new acquisition, along some path on which they are
/// neither released nor handed over. Paths through calls that do not return,
/// and the branch on which a null check shows the variable null (or a status
/// check shows that a null-on-failure acquisition failed) need no release.
/// A 'throw' outside the function's try blocks ends a path as a return does;
/// so does a call for which HandleFunctions::MayThrow holds. A call whose
/// value is discarded and which only returns the handle it is given (a
/// function of the file whose body does nothing else with that parameter)
/// is a use. std::nullopt when the graph cannot be built or does not contain
/// every event.
std::optional<std::vector<Leak>> findLeaks(const HandleEvents &Events,
                                           const Decl *Function,
                                           const Stmt &Body, ASTContext &Ctx,
                                           const HandleFunctions &Functions);

/// The pointer data member of this object that \p E names ('m', 'this->m'):
/// where a member function keeps a handle.
const FieldDecl *thisMember(const Expr *E);

} // namespace clang::tidy::leak::ownership

#endif // LEAKTIDY_LIB_OWNERSHIP_H
