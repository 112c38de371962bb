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

/// Functions whose returned task only reports completion of work that goes
/// on whether or not the task is kept: dropping it loses nothing.
llvm::ArrayRef<llvm::StringRef> completionOnlyTaskProducers();

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

/// Member functions of a future that attach a continuation; a continuation
/// whose parameter is the future itself (task-based) runs whatever the
/// outcome of the work.
llvm::ArrayRef<llvm::StringRef> futureContinuationMethods();

/// Member functions of a future that rethrow the work's exception, so that
/// calling one inside a try block observes every outcome.
llvm::ArrayRef<llvm::StringRef> futureRethrowingMethods();

/// Member functions of a container that neither add nor remove elements.
llvm::ArrayRef<llvm::StringRef> containerObserverMethods();

//===--- Detached work (CatalogDetached.cpp) ------------------------------===//

/// Thread classes whose objects run a callable and can be detached from it
/// (a class in joiningThreadTypes() also joins in its destructor).
llvm::ArrayRef<llvm::StringRef> threadTypes();

/// Member functions of a thread object that give up its thread.
llvm::ArrayRef<llvm::StringRef> threadDetachMethods();

/// Member functions of a thread object that wait for or stop its thread
/// (after them the thread's callable no longer runs on unowned).
llvm::ArrayRef<llvm::StringRef> threadJoinMethods();

/// Functions and member functions that hand work (a coroutine, a task body or
/// a completion handler) to an executor, a timer or a thread pool.
llvm::ArrayRef<llvm::StringRef> workSchedulers();

/// Completion token types that throw away the only way to observe, wait for
/// or cancel the work they complete.
llvm::ArrayRef<llvm::StringRef> detachedCompletionTokens();

/// Functions that run their callable argument at most once per flag (their
/// first argument); with a static or global flag, once per process.
llvm::ArrayRef<llvm::StringRef> runOnceFunctions();

/// Launch policy enumerators that make an async call start a new thread.
llvm::ArrayRef<llvm::StringRef> asyncLaunchPolicies();

/// Cancellation token types accepted by task spawners.
llvm::ArrayRef<llvm::StringRef> cancellationTokenTypes();

/// Static functions returning a cancellation token that is never cancelled.
llvm::ArrayRef<llvm::StringRef> emptyCancellationTokens();

/// Types through which a thread is asked to stop.
llvm::ArrayRef<llvm::StringRef> stopTokenTypes();

/// Condition variable types; their waits with a predicate end a wait loop.
llvm::ArrayRef<llvm::StringRef> conditionVariableTypes();

/// Member functions of a condition variable that wait.
llvm::ArrayRef<llvm::StringRef> conditionWaitMethods();

/// Cancellation signal types (a signal emits, its slot receives).
llvm::ArrayRef<llvm::StringRef> cancellationSignalTypes();

/// Functions that bind a cancellation slot to a completion token.
llvm::ArrayRef<llvm::StringRef> cancellationSlotBinders();

/// The names the cancellation advice writes around a cancellation signal: the
/// member function giving its slot, and the call that cancels.
struct CancellationSignalUse {
  llvm::StringRef SlotMethod;
  llvm::StringRef EmitCall; ///< '%ns' stands for the signal's namespace.
};
const CancellationSignalUse &cancellationSignalUse();

/// The rewrite of a detached endless thread into a stoppable one: the thread
/// type it replaces, the stoppable thread type, its stop token type and the
/// token's member function that says a stop was requested.
struct StoppableThreadRewrite {
  llvm::StringRef FromThread;
  llvm::StringRef ToThread;
  llvm::StringRef StopToken;
  llvm::StringRef StopRequested;
};
const StoppableThreadRewrite &stoppableThreadRewrite();
//===--- Pagination (CatalogPagination.cpp) -------------------------------===//

/// Member functions that read, from a page of results, the token, key, cursor
/// or "more pages" flag that leads to the next page.
llvm::ArrayRef<llvm::StringRef> paginationTokenGetters();

/// Member functions that write a continuation token or start key into the
/// request for the next page.
llvm::ArrayRef<llvm::StringRef> paginationTokenSetters();

/// Member functions of a request that bound the number of items per page,
/// in order of preference for a fix-it.
llvm::ArrayRef<llvm::StringRef> pageSizeSetters();

/// Functions that send one request (an SQL statement, an HTTP call) and
/// return one page of results; a value carried between two of their calls is
/// a page position (an offset, a keyset value, a next link).
llvm::ArrayRef<llvm::StringRef> pageRequestFunctions();

/// Functions that bind a variable to receive the rows of the statement they
/// are part of (built with overloaded ',' operators): the statement fills it.
llvm::ArrayRef<llvm::StringRef> statementOutputBinders();

/// Classes whose reads each return the next block of rows of a server-side
/// cursor: the cursor itself carries the position.
llvm::ArrayRef<llvm::StringRef> pageCursorTypes();

/// Member functions (and member operators, as 'operator+=') that add
/// elements to a standard-like container or a queue adaptor ('push').
llvm::ArrayRef<llvm::StringRef> containerGrowMethods();

/// Member functions that empty, shrink or hand over a container's elements.
llvm::ArrayRef<llvm::StringRef> containerShrinkMethods();

/// Functions that return an output iterator inserting into their first
/// argument.
llvm::ArrayRef<llvm::StringRef> insertingIteratorFunctions();

/// Functions that exchange or hand over the contents of their arguments.
llvm::ArrayRef<llvm::StringRef> contentTransferFunctions();

/// Functions that return their argument unchanged as far as its value is
/// concerned (casts to rvalue or const).
llvm::ArrayRef<llvm::StringRef> valuePassThroughFunctions();

/// Member functions that every container has: a class with all of them is
/// treated as a container of elements.
llvm::ArrayRef<llvm::StringRef> containerMembers();
/// Member functions that read one element of a container.
llvm::ArrayRef<llvm::StringRef> containerElementAccessors();

/// Member types of a keyed container whose 'operator[]' inserts missing keys.
llvm::ArrayRef<llvm::StringRef> keyedContainerMemberTypes();

/// The member type naming a container's element type (characters make it a
/// string rather than a collection of items).
llvm::StringRef containerElementMemberType();
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

/// Member functions that answer an incoming request ('http_request::reply'):
/// a function that calls one on its parameter received that request, so it
/// runs once per request even where the request type is also one that
/// clients build for the requests they send.
llvm::ArrayRef<llvm::StringRef> requestReplyMethods();

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

/// Thread classes whose destructor joins (a local one cannot outlive its
/// scope).
llvm::ArrayRef<llvm::StringRef> joiningThreadTypes();

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

//===--- Shared containers (CatalogSharedContainers.cpp) ------------------===//

/// Container classes that bound themselves: caches with a declared capacity
/// that evict on insertion (LRU caches, ring buffers). Classes derived from
/// them are bounded too.
llvm::ArrayRef<llvm::StringRef> boundedContainerTypes();

/// Regular expressions on qualified names of functions that evict entries
/// from a container ('evictExpired', 'prune', 'trim').
llvm::ArrayRef<llvm::StringRef> evictionFunctionPatterns();

/// Scoped lock types: holding one serializes access to a container but does
/// not limit its size.
llvm::ArrayRef<llvm::StringRef> lockGuardTypes();

/// Member functions returning the number of elements of a container: a
/// comparison of their result with a bound caps it.
llvm::ArrayRef<llvm::StringRef> containerSizeMethods();

//===--- C API handles (CatalogHandles.cpp) -------------------------------===//

/// A C function that acquires a handle and the function that releases it. A
/// function returning a pointer returns the handle; any other stores it
/// through its last writable pointer-to-pointer parameter that does not point
/// to strings ('sqlite3_open(path, &db)', 'ldap_search_s(..., &res)').
struct HandlePair {
  llvm::StringRef Acquire;
  llvm::StringRef Release;
};

/// Acquire/release pairs of libpq, hiredis, SQLite, libcurl, ODBC, OpenLDAP
/// and the MySQL/MariaDB client.
llvm::ArrayRef<HandlePair> handlePairs();

/// Acquiring functions that leave the handle null when they fail, i.e. when
/// they return a non-zero status ('sqlite3_prepare_v2'): their failure paths
/// need no release.
llvm::ArrayRef<llvm::StringRef> nullOnFailureAcquirers();

/// A function that takes over the handle passed as one of its arguments
/// ('rd_kafka_new' and the configuration it is created from): passing it
/// there releases it.
struct HandleTakeover {
  llvm::StringRef Function;
  unsigned Argument;
};
llvm::ArrayRef<HandleTakeover> handleTakeovers();

/// Functions that report the state of a handle ('PQstatus'): a release run
/// only when one says the handle is healthy misses the failed ones.
llvm::ArrayRef<llvm::StringRef> handleStatusFunctions();

} // namespace clang::tidy::leak::catalog

#endif // LEAKTIDY_LIB_CATALOG_H
