//===-- Catalog.h - what LeakTidy knows about libraries --------*- C++ -*-===//
//
// All knowledge of library APIs lives here: which types are futures, which
// functions spawn work, which calls join it. Checks read these lists as the
// defaults of their options, so every list can be replaced per project.
//
// One section per domain; each is implemented in lib/Catalog<Domain>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_CATALOG_H
#define LEAKTIDY_LIB_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::leak::catalog {

//===--- Futures and tasks (CatalogFutures.cpp) ---------------------------===//

/// Class templates whose objects are a handle to work that runs elsewhere and
/// must be awaited (get/wait/then/co_await) to observe completion and errors.
llvm::ArrayRef<llvm::StringRef> futureTypes();

/// Functions that start work asynchronously and return a future whose
/// destructor blocks until that work finishes (std::async semantics).
llvm::ArrayRef<llvm::StringRef> blockingFutureSpawners();

/// Class templates of lazily started coroutine tasks: the work only starts
/// when the task is awaited or spawned, so a dropped task never runs.
llvm::ArrayRef<llvm::StringRef> lazyTaskTypes();

/// Functions that start a task that runs on its own (no blocking destructor);
/// a dropped result means detached work (reported by leak-detached-task).
llvm::ArrayRef<llvm::StringRef> detachedTaskSpawners();

/// Member functions of a future that wait for, consume or chain its result.
llvm::ArrayRef<llvm::StringRef> futureJoinMethods();

/// Member functions of a future that only look at its state.
llvm::ArrayRef<llvm::StringRef> futureInspectorMethods();

/// Member functions that add an element to a standard-like container.
llvm::ArrayRef<llvm::StringRef> containerGrowthMethods();

/// Member functions of a container that neither add nor remove elements.
llvm::ArrayRef<llvm::StringRef> containerObserverMethods();

} // namespace clang::tidy::leak::catalog

#endif // LEAKTIDY_LIB_CATALOG_H
