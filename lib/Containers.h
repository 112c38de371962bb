//===-- Containers.h - does the translation unit bound a container? -*- C++ -*-===//
//
// Answers "does any code of this translation unit keep this container from
// growing forever?" for a container held by a variable or a field: a call
// that removes elements (erase, pop_back, clear, resize, swap), an assignment
// of a fresh container, a hand-over (std::swap, std::move, std::erase_if), a
// comparison of its size with a bound, or an eviction function that is given
// the container, touches it, or belongs to the class holding it.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_CONTAINERS_H
#define LEAKTIDY_LIB_CONTAINERS_H

#include "Names.h"
#include "References.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::leak::containers {

/// The names that say how code bounds a container (a check's options).
struct BoundApi {
  /// Member functions that remove elements ('erase', 'clear', 'swap').
  llvm::ArrayRef<llvm::StringRef> ShrinkMethods;
  /// Member functions returning the number of elements ('size').
  llvm::ArrayRef<llvm::StringRef> SizeMethods;
  /// Functions that exchange, hand over or erase from their arguments.
  const NameList *TransferFunctions = nullptr;
  /// Functions that evict entries (regular expressions on qualified names).
  const RegexList *EvictionFunctions = nullptr;
};

enum class BoundKind {
  Shrink,       ///< 'c.erase(k)', 'c.clear()', 'Fresh.swap(c)'.
  Reset,        ///< 'c = {}', 'p = std::make_shared<Map>()'.
  Transfer,     ///< 'std::swap(c, Fresh)', 'std::erase_if(c, Old)'.
  SizeCompared, ///< 'if (c.size() >= Cap)'.
  Eviction,     ///< 'evictOld(c)', 'c' used in 'evictExpired()'.
};

/// One place that bounds a container.
struct Bound {
  BoundKind Kind = BoundKind::Shrink;
  /// The call, assignment or comparison; the eviction function for an
  /// eviction function declared in the container's class.
  const Stmt *Site = nullptr;
  const Decl *Function = nullptr;
};

/// Where user code of the translation unit bounds the container held by
/// \p Holder: a variable, a field (of any object of its class), or a pointer
/// or smart pointer to the container. Looks through references and pointers
/// initialized from it. std::nullopt when no such place is found.
std::optional<Bound> findBound(const ValueDecl &Holder, ReferenceIndex &Refs,
                               const BoundApi &Api);

/// True when the body of \p Method (a container's own insertion function)
/// bounds the container: it removes elements, evicts, or compares a size.
bool boundsItself(const FunctionDecl &Method, const BoundApi &Api);

} // namespace clang::tidy::leak::containers

#endif // LEAKTIDY_LIB_CONTAINERS_H
