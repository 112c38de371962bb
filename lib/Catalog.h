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

//===--- Request handlers (CatalogHandlers.cpp) ---------------------------===//

/// Classes whose virtual member functions the framework calls once per
/// request: a member function overriding a virtual declared in one of them,
/// or in a class derived from one (a generated 'Foo::Service'), is a handler.
llvm::ArrayRef<llvm::StringRef> handlerBaseClasses();

/// Types of the objects a server creates for each incoming request: a
/// function that takes one as a parameter runs while a request is served.
llvm::ArrayRef<llvm::StringRef> requestTypes();

/// Types whose objects live for one call (gRPC reactors, async responders):
/// the member functions of a class that derives from one, or holds one by
/// value, run for every call.
llvm::ArrayRef<llvm::StringRef> perCallTypes();

/// Functions whose callable arguments (lambdas, functions, bound member
/// functions) are request handlers: route registration of web frameworks.
llvm::ArrayRef<llvm::StringRef> handlerRegistrationFunctions();

/// Functions that wrap a callable without changing what runs ('std::bind'):
/// the callable they are given is what a registration registers.
llvm::ArrayRef<llvm::StringRef> callableWrappers();

/// Functions that receive one message, line, event or connection: a loop
/// that calls one runs its body once per message.
llvm::ArrayRef<llvm::StringRef> messageReadFunctions();

/// Member functions that bound a loop over a container ('size', 'end'): a
/// loop whose condition calls one runs once per item.
llvm::ArrayRef<llvm::StringRef> containerBoundMethods();

/// Regular expressions on qualified names of functions that run once at
/// start-up ('init...', 'setup...').
llvm::ArrayRef<llvm::StringRef> setupFunctionPatterns();

/// Regular expressions on qualified names of connection pools: objects built
/// inside them are pooled, and calls to them are not per-request builds.
llvm::ArrayRef<llvm::StringRef> poolFunctionPatterns();

//===--- Clients and connections (CatalogClients.cpp) ---------------------===//

/// An expensive client type, or a function that opens a connection.
struct ClientEntry {
  /// Qualified name of the class (derived classes are clients too) or of
  /// the factory function.
  llvm::StringRef Name;
  /// What every new one costs, completing "each one ..." / "each call ...".
  llvm::StringRef Cost;
  /// Safe to use from several threads at once, so one shared instance (a
  /// function-local 'static') can serve every request.
  bool ThreadSafe;
  /// What to do instead, when not the generic advice for its thread-safety.
  llvm::StringRef Advice;
  /// Literal first arguments that open a private, per-call instance rather
  /// than a shared target (SQLite's ":memory:").
  llvm::ArrayRef<llvm::StringRef> PrivateTargets;
};

/// Client classes; classes derived from them are clients too.
llvm::ArrayRef<ClientEntry> clientTypes();

/// Functions that open a connection and return a handle to it.
llvm::ArrayRef<ClientEntry> clientFactories();

/// The catalog entry named \p Name (as written in the lists above), if any.
const ClientEntry *findClientEntry(llvm::StringRef Name);

/// The names of clientTypes(), clientFactories(), and of the thread-safe
/// entries of both: the defaults of the options that extend them.
llvm::ArrayRef<llvm::StringRef> clientTypeNames();
llvm::ArrayRef<llvm::StringRef> clientFactoryNames();
llvm::ArrayRef<llvm::StringRef> threadSafeClientNames();

/// Functions that allocate an object of their first template argument and
/// return an owning pointer to it ('std::make_shared').
llvm::ArrayRef<llvm::StringRef> smartPointerFactories();

/// Functions that build a thin object sharing a client they are given (a
/// gRPC stub from a channel): rebuilt together with the client.
llvm::ArrayRef<llvm::StringRef> clientWrappers();

/// Regular expressions on file names of test code.
llvm::ArrayRef<llvm::StringRef> testFilePatterns();

} // namespace clang::tidy::leak::catalog

#endif // LEAKTIDY_LIB_CATALOG_H
