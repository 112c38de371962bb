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

/// Member functions of a future that wait for, consume or chain its result.
llvm::ArrayRef<llvm::StringRef> futureJoinMethods();

//===--- Escape (CatalogEscape.cpp) ---------------------------------------===//

/// Functions and member functions that keep a callable argument after they
/// return and run it later: executors, timers and I/O operations, task
/// continuations, RPC completion callbacks, signal connections.
llvm::ArrayRef<llvm::StringRef> escapingSinks();

/// Regular expressions over qualified names (written '::ns::Class::method')
/// for families of sinks, such as every asynchronous operation of asio.
llvm::ArrayRef<llvm::StringRef> escapingSinkPatterns();

/// Sinks whose callable lives as long as the response of the current request
/// (not longer): it outlives the handler function, not the request.
llvm::ArrayRef<llvm::StringRef> requestScopedSinks();

/// Thread classes that run the callable they are constructed with and must be
/// joined or detached.
llvm::ArrayRef<llvm::StringRef> threadTypes();

/// Thread classes whose destructor joins (a local one cannot outlive its
/// scope).
llvm::ArrayRef<llvm::StringRef> joiningThreadTypes();

/// Member functions of a thread that let it run on unowned.
llvm::ArrayRef<llvm::StringRef> threadDetachMethods();

/// Member functions of a thread that wait for it to finish.
llvm::ArrayRef<llvm::StringRef> threadJoinMethods();

/// Classes that own the callables handed to them (execution contexts, thread
/// pools, signals): when such an object is a local variable, what it holds
/// cannot outlive the local's scope.
llvm::ArrayRef<llvm::StringRef> callableOwnerTypes();

/// Classes that hold the callable they are constructed or assigned from
/// (type-erased function wrappers, pairs and tuples).
llvm::ArrayRef<llvm::StringRef> callableWrapperTypes();

/// Functions known to call their callable argument only before they return
/// and not to keep it (standard algorithms, std::invoke, std::call_once...).
llvm::ArrayRef<llvm::StringRef> nonStoringCallees();

/// Member functions that insert their argument into the container they are
/// called on.
llvm::ArrayRef<llvm::StringRef> containerInsertMethods();

/// Functions that build a callable from another one and its bound arguments.
llvm::ArrayRef<llvm::StringRef> bindFunctions();

/// Functions whose result carries their callable argument on (casts, handler
/// adaptors): where the result goes, the callable goes.
llvm::ArrayRef<llvm::StringRef> callablePassThroughFunctions();

/// Synchronization objects a caller waits on until work it handed off has
/// signalled completion, and the member functions that wait.
llvm::ArrayRef<llvm::StringRef> completionSignalTypes();
llvm::ArrayRef<llvm::StringRef> completionWaitMethods();

//===--- Streams (CatalogStreams.cpp) -------------------------------------===//

/// Streams, cursors, result sets, transactions, RPC writers and sockets:
/// objects tied to one request whose lifetime a lambda must not extend or
/// outlive. A class derived from a listed one is one too.
llvm::ArrayRef<llvm::StringRef> streamTypes();

/// Standard I/O streams: reported when a local one is captured by reference
/// (a copy or moved-in stream is the lambda's own).
llvm::ArrayRef<llvm::StringRef> referenceStreamTypes();

/// Base classes of objects that live for one request, call or connection
/// (shared per request, or driven by the RPC library until the call ends).
llvm::ArrayRef<llvm::StringRef> perRequestClasses();

/// Members that make their class a per-request object: server-side per-call
/// RPC objects and database cursors and streams.
llvm::ArrayRef<llvm::StringRef> perRequestMemberTypes();

/// Smart pointers that own (share) the object they point to.
llvm::ArrayRef<llvm::StringRef> owningHandleTypes();

/// Owning handles a std::weak_ptr can observe (the weak_ptr fix-it).
llvm::ArrayRef<llvm::StringRef> weakObservableHandleTypes();

/// Functions that wrap a reference to their argument (std::ref): a bound
/// argument passed through them is bound by reference.
llvm::ArrayRef<llvm::StringRef> referenceWrapperFunctions();

/// Member functions an object uses to hand out a shared or weak handle to
/// itself (the 'self' that keeps a per-request object alive in a lambda).
llvm::ArrayRef<llvm::StringRef> selfHandleMethods();

/// C functions that release a stream handle (a result, reply or statement).
llvm::ArrayRef<llvm::StringRef> streamReleaseFunctions();

} // namespace clang::tidy::leak::catalog

#endif // LEAKTIDY_LIB_CATALOG_H
