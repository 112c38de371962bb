//===-- UnawaitedFutureCheck.cpp - leak-unawaited-future ------------------===//

#include "UnawaitedFutureCheck.h"
#include "Catalog.h"
#include "Context.h"
#include "Matchers.h"
#include "Names.h"
#include "Options.h"
#include "Parents.h"
#include "References.h"
#include "Uses.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

bool isListedFunction(const FunctionDecl *Function,
                      llvm::ArrayRef<std::string> QualifiedNames) {
  if (!Function)
    return false;
  // Without template arguments: 'streambuf::putc' of any 'streambuf<T>'.
  const std::string Name = qualifiedName(*Function);
  return llvm::any_of(QualifiedNames, [&](const std::string &Listed) {
    return StringRef(Listed).ltrim(':') == Name;
  });
}

std::vector<std::string> toStrings(llvm::ArrayRef<llvm::StringRef> Items) {
  return {Items.begin(), Items.end()};
}

/// True when \p Call is inside a loop or a lambda: code that may run many
/// times, each time adding to the container.
bool runsRepeatedly(const Stmt &Call, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Pending{DynTypedNode::create(Call)};
  llvm::SmallPtrSet<const void *, 32> Seen;
  for (unsigned Guard = 0; !Pending.empty() && Guard < 4096; ++Guard) {
    const DynTypedNode Node = Pending.pop_back_val();
    for (const DynTypedNode &Parent : parentsOf(Node, Ctx)) {
      if (const auto *S = Parent.get<Stmt>();
          S && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(S))
        return true;
      const void *Identity = Parent.getMemoizationData();
      if (!Identity || Seen.insert(Identity).second)
        Pending.push_back(Parent);
    }
  }
  return false;
}

} // namespace

UnawaitedFutureCheck::UnawaitedFutureCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      FutureTypes(readNameList("FutureTypes", catalog::futureTypes())),
      LazyTaskTypes(readNameList("LazyTaskTypes", catalog::lazyTaskTypes())),
      BlockingSpawners(readNameList("BlockingSpawnFunctions",
                                    catalog::blockingFutureSpawners())),
      JoinFunctions(
          readIdentifierList("JoinFunctions", catalog::futureJoinMethods())),
      IgnoredProducers(readNameList("IgnoredResultFunctions",
                                    catalog::completionOnlyTaskProducers())),
      StrictMode(readBool("StrictMode", false)),
      DetachedTaskCheckEnabled(Context->isCheckEnabled("leak-detached-task")),
      Observers(FutureTypes), CompletionOnly(IgnoredProducers) {}

void UnawaitedFutureCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  std::vector<StringRef> TaskTypeNames = asRefs(FutureTypes);
  llvm::append_range(TaskTypeNames, LazyTaskTypes);
  const auto TaskType = matchers::isRecordNamed(TaskTypeNames);
  const auto InUserCode = unless(isExpansionInSystemHeader());

  // A future-like object produced by a call whose value may be thrown away.
  Finder->addMatcher(
      callExpr(InUserCode, matchers::isPRValueExpr(), hasType(TaskType))
          .bind("task-call"),
      this);

  // A local variable that holds a future-like object.
  Finder->addMatcher(varDecl(InUserCode, hasLocalStorage(),
                             unless(parmVarDecl()), hasType(TaskType),
                             hasInitializer(expr()))
                         .bind("task-var"),
                     this);

  // Futures added to a container that outlives the loop or callback adding
  // them: a data member, a global or a static.
  const auto TaskContainer = qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          hasAnyTemplateArgument(refersToType(TaskType)))))));
  const auto LongLivedContainer = expr(ignoringParenImpCasts(anyOf(
      memberExpr(member(fieldDecl(hasType(TaskContainer)).bind("container"))),
      declRefExpr(to(varDecl(hasGlobalStorage(), hasType(TaskContainer))
                         .bind("container"))))));
  // Whether the call runs repeatedly (in a loop or a callback) is decided in
  // check(): an ancestor matcher would build clang's parent map of the
  // whole translation unit.
  Finder->addMatcher(
      cxxMemberCallExpr(InUserCode,
                        callee(cxxMethodDecl(
                            hasAnyName(catalog::containerGrowMethods()))),
                        on(LongLivedContainer))
          .bind("growth"),
      this);

  // A future-like object assigned to a data member or a global.
  const auto LongLivedTask = expr(ignoringParenImpCasts(anyOf(
      memberExpr(member(fieldDecl(hasType(TaskType)).bind("stored"))),
      declRefExpr(
          to(varDecl(hasGlobalStorage(), hasType(TaskType)).bind("stored"))))));
  Finder->addMatcher(cxxOperatorCallExpr(InUserCode,
                                         hasOverloadedOperatorName("="),
                                         hasArgument(0, LongLivedTask))
                         .bind("store"),
                     this);
}

void UnawaitedFutureCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("task-call"))
    checkDiscarded(*Call, Result);
  else if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("task-var"))
    checkLocal(*Var, Result);
  else if (const auto *Growth =
               Result.Nodes.getNodeAs<CXXMemberCallExpr>("growth"))
    checkGrowth(*Growth, *Result.Nodes.getNodeAs<ValueDecl>("container"),
                Result);
  else if (const auto *Store =
               Result.Nodes.getNodeAs<CXXOperatorCallExpr>("store"))
    checkStore(*Store, *Result.Nodes.getNodeAs<ValueDecl>("stored"), Result);
}

UnawaitedFutureCheck::Flavor
UnawaitedFutureCheck::flavorOf(QualType Type,
                               const FunctionDecl *Producer) const {
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl()) {
    const std::string Name = Record->getQualifiedNameAsString();
    if (llvm::any_of(LazyTaskTypes, [&](const std::string &Listed) {
          return StringRef(Listed).ltrim(':') == Name;
        }))
      return Flavor::Lazy;
  }
  return isListedFunction(Producer, BlockingSpawners) ? Flavor::Blocking
                                                      : Flavor::Plain;
}

static std::string typeName(QualType Type, const ASTContext &Ctx) {
  return Type.getCanonicalType().getUnqualifiedType().getAsString(
      Ctx.getPrintingPolicy());
}

void UnawaitedFutureCheck::checkDiscarded(const CallExpr &Call,
                                          const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  // Code written inside a macro's body is not the user's to change here.
  if (isInMacroBody(Call.getBeginLoc(), SM))
    return;
  const ValueUse Use = classifyValueUse(Call, *Result.Context);
  if (Use == ValueUse::Used)
    return;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Callee && CompletionOnly.reportsCompletionOnly(*Callee))
    return;
  // A chain whose last continuation takes the task and observes it.
  if (Observers.observesAntecedent(Call, references(*Result.Context)))
    return;
  if (DetachedTaskCheckEnabled &&
      isListedFunction(Callee, toStrings(catalog::detachedTaskSpawners())))
    return; // Reported by leak-detached-task as detached work.
  const Flavor Kind = flavorOf(Call.getType(), Callee);
  // A dropped task in code that then waits for another one before going on.
  if (Kind == Flavor::Plain && !StrictMode && blocksAfter(Call, *Result.Context))
    return;

  const SourceLocation Loc = SM.getFileLoc(Call.getBeginLoc());
  const std::string Type = typeName(Call.getType(), *Result.Context);
  const std::string Producer = describeCallee(Call);
  switch (Kind) {
  case Flavor::Lazy:
    diag(Loc, "'%0' returned by '%1' is discarded: the coroutine never runs; "
              "'co_await' it or start it with 'co_spawn'")
        << Type << Producer << Call.getSourceRange();
    break;
  case Flavor::Blocking:
    diag(Loc, "'%0' returned by '%1' is discarded: the task is never awaited "
              "and cannot be cancelled; store the future and call 'get()' or "
              "'wait()' on it")
        << Type << Producer << Call.getSourceRange();
    diag(SM.getFileLoc(Call.getEndLoc()),
         "the discarded future's destructor blocks here until the task has "
         "finished, so this call does not run asynchronously",
         DiagnosticIDs::Note);
    break;
  case Flavor::Plain:
    diag(Loc, "'%0' returned by '%1' is discarded: its result and exceptions "
              "are lost and the work cannot be awaited; store it and call "
              "'get()' or 'wait()' on it")
        << Type << Producer << Call.getSourceRange();
    break;
  }
  if (Use == ValueUse::DiscardedByCast)
    diag(Loc, "casting to 'void' does not detach the work; it only hides the "
              "result",
         DiagnosticIDs::Note);
}

void UnawaitedFutureCheck::checkLocal(const VarDecl &Var,
                                      const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (Var.getLocation().isMacroID() || Var.getType()->isReferenceType())
    return;
  const Stmt *Body = enclosingBody(Var, *Result.Context);
  if (!Body)
    return;
  // A default-constructed future holds no work.
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(ignoreTemporaries(Var.getInit())))
    if (Construct->getNumArgs() == 0)
      return;

  const std::vector<VarUse> Uses =
      classifyUses(Var, *Body, *Result.Context, JoinFunctions,
                   toStrings(catalog::futureInspectorMethods()));
  const bool Unresolved = llvm::all_of(Uses, [](const VarUse &Use) {
    return Use.Kind == UseKind::Inspected || Use.Kind == UseKind::Assigned;
  });
  if (!Unresolved)
    return;

  const CallExpr *Producer = producingCall(Var.getInit());
  if (Producer &&
      Observers.observesAntecedent(*Producer, references(*Result.Context)))
    return;
  const FunctionDecl *Callee = Producer ? Producer->getDirectCallee() : nullptr;
  if (Callee && CompletionOnly.reportsCompletionOnly(*Callee))
    return;
  const Flavor Kind = flavorOf(Var.getType(), Callee);
  if (Kind == Flavor::Plain && !StrictMode && Var.getInit() &&
      blocksAfter(*Var.getInit(), *Result.Context))
    return;
  const std::string Type = typeName(Var.getType(), *Result.Context);
  switch (Kind) {
  case Flavor::Lazy:
    diag(Var.getLocation(), "'%0' stored in '%1' is never awaited: the "
                            "coroutine never runs; 'co_await' it or start it "
                            "with 'co_spawn'")
        << Type << Var.getName();
    break;
  case Flavor::Blocking:
    diag(Var.getLocation(),
         "'%0' returned by '%1' is stored in '%2' but never awaited: the "
         "task's result and exceptions are lost; call 'get()' or 'wait()' on "
         "it")
        << Type << describeCallee(*Producer) << Var.getName();
    if (const auto *Scope = dyn_cast<CompoundStmt>(Body))
      diag(SM.getFileLoc(Scope->getRBracLoc()),
           "'%0' is destroyed here, blocking until the task has finished",
           DiagnosticIDs::Note)
          << Var.getName();
    break;
  case Flavor::Plain:
    diag(Var.getLocation(),
         "'%0' stored in '%1' is never awaited: its result and exceptions are "
         "lost and nothing waits for the work; call 'get()' or 'wait()' on it "
         "or return it to the caller")
        << Type << Var.getName();
    break;
  }
}

bool UnawaitedFutureCheck::blocksAfter(const Stmt &S, ASTContext &Ctx) const {
  const FunctionDecl *Function = enclosingFunction(S, Ctx);
  return Function && Function->getBody() &&
         Observers.blocksAfter(S, *Function->getBody(), Ctx);
}

ReferenceIndex &UnawaitedFutureCheck::references(ASTContext &Ctx) {
  if (!References || &References->context() != &Ctx)
    References = std::make_unique<ReferenceIndex>(Ctx);
  return *References;
}

bool UnawaitedFutureCheck::isDrained(const ValueDecl &Container,
                                     ASTContext &Ctx) {
  if (auto It = DrainedContainers.find(&Container);
      It != DrainedContainers.end())
    return It->second;
  references(Ctx);
  // Any use of the container other than adding elements or asking for its
  // size counts as draining it: iterating it, erasing, clearing, swapping,
  // passing it on. Only a container that is never read is reported.
  const bool Drained =
      llvm::any_of(References->referencesTo(Container), [&](const Expr *Ref) {
        const std::optional<StringRef> Method =
            References->memberCalledOn(*Ref);
        return !Method ||
               !(llvm::is_contained(catalog::containerGrowMethods(), *Method) ||
                 llvm::is_contained(catalog::containerObserverMethods(),
                                    *Method));
      });
  DrainedContainers[&Container] = Drained;
  return Drained;
}

void UnawaitedFutureCheck::checkGrowth(const CXXMemberCallExpr &Call,
                                       const ValueDecl &Container,
                                       const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (isInMacroBody(Call.getBeginLoc(), SM) ||
      !runsRepeatedly(Call, *Result.Context) ||
      isDrained(Container, *Result.Context))
    return;
  diag(SM.getFileLoc(Call.getExprLoc()),
       "futures added to '%0' are never awaited or removed: the container "
       "grows with every call and keeps each task's state and result alive; "
       "wait for finished futures and erase them, or bound the container")
      << Container.getName() << Call.getSourceRange();
  diag(Container.getLocation(),
       "'%0' is declared here; nothing in this file waits on, erases or "
       "clears its elements",
       DiagnosticIDs::Note)
      << Container.getName();
}

bool UnawaitedFutureCheck::onlyAssignsOrInspects(const Expr &Ref) {
  if (const std::optional<StringRef> Method = References->memberCalledOn(Ref))
    return llvm::is_contained(catalog::futureInspectorMethods(), *Method);
  const DynTypedNodeList Parents = parentsOf(Ref, References->context());
  const auto *Assign =
      Parents.size() == 1 ? Parents[0].get<CXXOperatorCallExpr>() : nullptr;
  return Assign && Assign->getOperator() == OO_Equal &&
         Assign->getNumArgs() == 2 &&
         Assign->getArg(0)->IgnoreParenImpCasts() == &Ref;
}

bool UnawaitedFutureCheck::isAwaited(const ValueDecl &Stored, ASTContext &Ctx) {
  if (auto It = AwaitedStores.find(&Stored); It != AwaitedStores.end())
    return It->second;
  references(Ctx);
  const bool Awaited =
      llvm::any_of(References->referencesTo(Stored), [&](const Expr *Ref) {
        return !onlyAssignsOrInspects(*Ref);
      });
  AwaitedStores[&Stored] = Awaited;
  return Awaited;
}

bool UnawaitedFutureCheck::isAwaitedBefore(const CXXOperatorCallExpr &Assign,
                                           const ValueDecl &Stored,
                                           ASTContext &Ctx) {
  const FunctionDecl *Function = enclosingFunction(Assign, Ctx);
  if (!Function || !Function->getBody())
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  const SourceRange Body = Function->getBody()->getSourceRange();
  return llvm::any_of(References->referencesTo(Stored), [&](const Expr *Ref) {
    const SourceLocation Loc = Ref->getBeginLoc();
    return !SM.isBeforeInTranslationUnit(Loc, Body.getBegin()) &&
           SM.isBeforeInTranslationUnit(Loc, Assign.getBeginLoc()) &&
           !onlyAssignsOrInspects(*Ref);
  });
}

void UnawaitedFutureCheck::checkStore(const CXXOperatorCallExpr &Assign,
                                      const ValueDecl &Stored,
                                      const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (Assign.getNumArgs() != 2 || isInMacroBody(Assign.getBeginLoc(), SM) ||
      ReportedStores.contains(&Stored))
    return;
  // A new task from a call: not a reset to an empty one, not a copy of a
  // task held elsewhere.
  const CallExpr *Producer = producingCall(Assign.getArg(1));
  const FunctionDecl *Callee = Producer ? Producer->getDirectCallee() : nullptr;
  if (!Callee || Producer != ignoreTemporaries(Assign.getArg(1)))
    return;
  // An 'std::async' future in a member is waited for by the destructor of
  // its object: the usual way to keep the work's lifetime within it.
  const Flavor Kind = flavorOf(Stored.getType(), Callee);
  if (Kind == Flavor::Blocking ||
      CompletionOnly.reportsCompletionOnly(*Callee) ||
      Observers.observesAntecedent(*Producer, references(Ctx)))
    return;
  const std::string Type = typeName(Stored.getType(), Ctx);
  const SourceLocation Loc = SM.getFileLoc(Assign.getOperatorLoc());
  if (!isAwaited(Stored, Ctx)) {
    ReportedStores.insert(&Stored);
    if (Kind == Flavor::Lazy)
      diag(Loc, "'%0' stored in '%1' is never awaited: the coroutine never "
                "runs; 'co_await' it or start it with 'co_spawn'")
          << Type << Stored.getName() << Assign.getSourceRange();
    else
      diag(Loc, "'%0' stored in '%1' is never awaited: no code in this file "
                "waits on, gets or chains it, so its result and exceptions "
                "are lost and nothing waits for the work; wait for it where "
                "its owner stops (a 'stop()' or the destructor)")
          << Type << Stored.getName() << Assign.getSourceRange();
    diag(Stored.getLocation(), "'%0' is declared here", DiagnosticIDs::Note)
        << Stored.getName();
    return;
  }
  // Awaited somewhere, but replaced in a loop or a callback without waiting
  // for the task it holds.
  if (Kind == Flavor::Plain && runsRepeatedly(Assign, Ctx) &&
      !isAwaitedBefore(Assign, Stored, Ctx)) {
    ReportedStores.insert(&Stored);
    diag(Loc, "'%0' in '%1' is replaced here while the task it holds may "
              "still run: that task is never awaited, so its result and "
              "exceptions are lost; wait for it (or chain the new task to "
              "it) before replacing it")
        << Type << Stored.getName() << Assign.getSourceRange();
  }
}

} // namespace clang::tidy::leak
