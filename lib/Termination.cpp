//===-- Termination.cpp - does spawned work ever end? ---------------------===//

#include "Termination.h"
#include "Callables.h"
#include "Catalog.h"
#include "Compat.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>

namespace clang::tidy::leak {

const Stmt *writtenBody(const FunctionDecl &F) {
  const Stmt *Body = F.getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coroutine->getBody();
  return Body;
}

//===--- Conditions that never change -------------------------------------===//

/// True when every member function and friend of \p Record that could write
/// a field is defined in this translation unit.
static bool allMembersDefinedHere(const CXXRecordDecl &Record,
                                  bool IncludeConst) {
  if (!Record.hasDefinition())
    return false;
  const CXXRecordDecl &Definition = *Record.getDefinition();
  if (Definition.hasFriends())
    return false;
  for (const Decl *Member : Definition.decls()) {
    const FunctionDecl *Function = Member->getAsFunction();
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function)) {
      if (Method->isImplicit() || Method->isDeleted() ||
          Method->isDefaulted() || compat::isPureVirtual(*Method) ||
          (Method->isConst() && !IncludeConst))
        continue;
      if (!Method->isDefined())
        return false;
      continue;
    }
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(Member))
      if (!Nested->isImplicit() && !Nested->isLambda() &&
          Nested->hasDefinition() &&
          !allMembersDefinedHere(*Nested, IncludeConst))
        return false;
  }
  return true;
}

/// True when no other translation unit can change \p D.
static bool isReachableOnlyHere(const ValueDecl &D) {
  const CXXRecordDecl *Record = nullptr;
  bool Mutable = false;
  if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    if (isa<ParmVarDecl>(Var) || Var->getType()->isReferenceType())
      return false;
    if (Var->hasLocalStorage() || Var->isStaticLocal())
      return true;
    if (!Var->isStaticDataMember())
      return !Var->isExternallyVisible();
    Record = dyn_cast<CXXRecordDecl>(Var->getDeclContext());
  } else if (const auto *Field = dyn_cast<FieldDecl>(&D)) {
    Record = dyn_cast<CXXRecordDecl>(Field->getParent());
    Mutable = Field->isMutable();
  }
  if (!Record || D.getAccess() != AS_private)
    return false;
  return allMembersDefinedHere(*Record, Mutable);
}

/// The value \p D starts with, as a truth value, when it is known on every
/// path (initializer, in-class initializer, constructor initializers).
static std::optional<bool> initialTruth(const ValueDecl &D,
                                        ReferenceIndex &Index) {
  ASTContext &Ctx = Index.context();
  llvm::SmallVector<const Expr *, 4> Initializers;
  bool StaticStorage = false;
  if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    const VarDecl *Definition = Var->getDefinition();
    if (!Definition)
      Definition = Var;
    if (const Expr *Init = Definition->getInit())
      Initializers.push_back(Init);
    StaticStorage = Var->hasGlobalStorage();
  } else if (const auto *Field = dyn_cast<FieldDecl>(&D)) {
    if (const Expr *Init = Field->getInClassInitializer())
      Initializers.push_back(Init);
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Field->getParent()))
      for (const CXXConstructorDecl *Ctor : Record->ctors())
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->isWritten() && Init->getMember() == Field)
            Initializers.push_back(Init->getInit());
  }
  if (Initializers.empty()) {
    // Zero-initialised, or value-initialised by its class (std::atomic).
    if (StaticStorage || D.getType()->isRecordType())
      return false;
    return std::nullopt;
  }
  std::optional<bool> Truth;
  for (const Expr *Init : Initializers) {
    std::optional<bool> Value = constantTruth(Init, Ctx);
    if (!Value || (Truth && *Truth != *Value))
      return std::nullopt;
    Truth = Value;
  }
  return Truth;
}

static std::optional<StuckCondition> stuckFlag(const Expr *Use, bool Value,
                                               ReferenceIndex &Index) {
  Use = stripImplicit(Use);
  const ValueDecl *Flag = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Use))
    Flag = dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(Use))
    Flag = dyn_cast<ValueDecl>(Member->getMemberDecl());
  if (!Flag || !isa<VarDecl, FieldDecl>(Flag) || !isReachableOnlyHere(*Flag))
    return std::nullopt;
  if (initialTruth(*Flag, Index) != Value)
    return std::nullopt;
  for (const Expr *Ref : Index.referencesTo(*Flag)) {
    ReferenceUse RefUse = Index.classify(*Ref);
    if (RefUse.MayWrite && RefUse.StoredTruth != Value)
      return std::nullopt;
  }
  return StuckCondition{Flag, Use};
}

std::optional<StuckCondition> stuckCondition(const Expr *Cond, bool Value,
                                             ReferenceIndex &Index) {
  if (!Cond)
    return Value ? std::optional<StuckCondition>(StuckCondition{})
                 : std::nullopt;
  const Expr *E = stripImplicit(Cond);
  if (!E || E->isValueDependent())
    return std::nullopt;
  if (std::optional<bool> Constant = constantTruth(E, Index.context()))
    return *Constant == Value ? std::optional<StuckCondition>(StuckCondition{})
                              : std::nullopt;
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot)
    return stuckCondition(Not->getSubExpr(), !Value, Index);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // 'F.load()', 'F.test()', 'operator bool': a const query of the flag.
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->isConst())
      return stuckFlag(Call->getImplicitObjectArgument(), Value, Index);
    return std::nullopt;
  }
  if (isa<DeclRefExpr, MemberExpr>(E))
    return stuckFlag(E, Value, Index);
  return std::nullopt;
}

//===--- Endless loops ----------------------------------------------------===//

/// Calls \p Visit on every statement below \p S, not entering lambdas.
template <typename Fn> static void forEachStmt(const Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  Visit(S);
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

static bool isLoop(const Stmt &S) {
  return isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S);
}

/// True when something in \p S leaves the loop that holds it; \p BreakLeaves
/// says whether a 'break' here leaves that loop.
static bool leavesLoop(const Stmt *S, bool BreakLeaves) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, IndirectGotoStmt,
          CoyieldExpr>(S))
    return true;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return true;
  const bool Inner = isLoop(*S) || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leavesLoop(Child, BreakLeaves && !Inner))
      return true;
  return false;
}

/// True when \p Loop reads a stop token or waits on a condition variable
/// with a predicate: it is stopped some other way than by its condition.
static bool waitsForStop(const Stmt &Loop, ASTContext &Ctx) {
  bool Found = false;
  forEachStmt(&Loop, [&](const Stmt *S) {
    if (Found)
      return;
    if (const auto *E = dyn_cast<Expr>(S);
        E && !E->isTypeDependent() &&
        isClassNamed(E->getType(), catalog::stopTokenTypes(), Ctx)) {
      Found = true;
      return;
    }
    const auto *Wait = dyn_cast<CXXMemberCallExpr>(S);
    if (!Wait || Wait->getNumArgs() < 2 || !Wait->getMethodDecl() ||
        !Wait->getMethodDecl()->getIdentifier() ||
        !llvm::is_contained(catalog::conditionWaitMethods(),
                            Wait->getMethodDecl()->getName()) ||
        !isClassNamed(Wait->getObjectType(), catalog::conditionVariableTypes(),
                      Ctx))
      return;
    const Expr *Last = Wait->getArg(Wait->getNumArgs() - 1);
    const CXXRecordDecl *Predicate =
        Last->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (Predicate && Predicate->hasDefinition() &&
        (Predicate->isLambda() ||
         llvm::any_of(Predicate->methods(), [](const CXXMethodDecl *M) {
           return M->getOverloadedOperator() == OO_Call;
         })))
      Found = true;
  });
  return Found;
}

/// True when \p Loop sits in the try block of a try statement of its own
/// function: its way out is an exception that the function handles.
static bool isInsideTryBlock(const Stmt &Loop, ASTContext &Ctx) {
  const Stmt *Child = &Loop;
  for (const Stmt *Parent = parentStmt(Loop, Ctx); Parent;
       Child = Parent, Parent = parentStmt(*Parent, Ctx)) {
    if (isa<LambdaExpr>(Parent))
      return false;
    if (const auto *Try = dyn_cast<CXXTryStmt>(Parent);
        Try && Try->getTryBlock() == Child)
      return true;
  }
  return false;
}

static std::optional<EndlessLoop> endlessLoopIn(const FunctionDecl &F,
                                                ReferenceIndex &Index) {
  std::optional<EndlessLoop> Result;
  forEachStmt(writtenBody(F), [&](const Stmt *S) {
    if (Result || !isLoop(*S) || isa<CXXForRangeStmt>(S))
      return;
    const Expr *Cond = nullptr;
    const Stmt *Body = nullptr;
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      Cond = While->getCond();
      Body = While->getBody();
    } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
      Cond = Do->getCond();
      Body = Do->getBody();
    } else if (const auto *For = dyn_cast<ForStmt>(S)) {
      Cond = For->getCond();
      Body = For->getBody();
      if (leavesLoop(For->getInc(), true))
        return;
    }
    std::optional<StuckCondition> Stuck = stuckCondition(Cond, true, Index);
    if (!Stuck || leavesLoop(Body, true) || leavesLoop(Cond, true) ||
        waitsForStop(*S, Index.context()) || isInsideTryBlock(*S, Index.context()))
      return;
    Result = EndlessLoop{S, Cond, *Stuck, &F};
  });
  return Result;
}

static std::optional<EndlessLoop>
findEndlessLoopFrom(const FunctionDecl &F, ReferenceIndex &Index,
                    unsigned Depth,
                    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (!Seen.insert(&F).second)
    return std::nullopt;
  if (std::optional<EndlessLoop> Loop = endlessLoopIn(F, Index))
    return Loop;
  if (Depth >= 3)
    return std::nullopt;
  const SourceManager &SM = Index.context().getSourceManager();
  llvm::SmallVector<const FunctionDecl *, 8> Callees;
  forEachStmt(writtenBody(F), [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = userDefinition(Call->getDirectCallee(), SM))
        Callees.push_back(Callee);
  });
  for (const FunctionDecl *Callee : Callees)
    if (std::optional<EndlessLoop> Loop =
            findEndlessLoopFrom(*Callee, Index, Depth + 1, Seen))
      return Loop;
  return std::nullopt;
}

std::optional<EndlessLoop> findEndlessLoop(const FunctionDecl &Body,
                                           ReferenceIndex &Index) {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  return findEndlessLoopFrom(Body, Index, 0, Seen);
}

//===--- Self-rescheduling handlers ---------------------------------------===//

namespace {

enum class Reach { Always, Maybe, Never };

/// Whether \p S runs whenever the body of its function runs, looking at the
/// conditions between them; conditions stuck at the needed value count as
/// always true and are added to \p Stuck.
Reach reachability(const Stmt &S, ReferenceIndex &Index,
                   llvm::SmallVectorImpl<StuckCondition> &Stuck) {
  ASTContext &Ctx = Index.context();
  auto Needs = [&](const Expr *Cond, bool Value) {
    if (std::optional<StuckCondition> Always =
            stuckCondition(Cond, Value, Index)) {
      if (Always->Flag)
        Stuck.push_back(*Always);
      return Reach::Always;
    }
    if (stuckCondition(Cond, !Value, Index))
      return Reach::Never;
    return Reach::Maybe;
  };
  Reach Result = Reach::Always;
  const Stmt *Child = &S;
  for (const Stmt *Parent = parentStmt(S, Ctx); Parent && !isa<LambdaExpr>(Parent);
       Child = Parent, Parent = parentStmt(*Parent, Ctx)) {
    Reach Step = Reach::Always;
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (Child == If->getThen())
        Step = Needs(If->getCond(), true);
      else if (Child == If->getElse())
        Step = Needs(If->getCond(), false);
    } else if (const auto *While = dyn_cast<WhileStmt>(Parent)) {
      if (Child == While->getBody())
        Step = Reach::Maybe;
    } else if (const auto *For = dyn_cast<ForStmt>(Parent)) {
      if (Child == For->getBody() || Child == For->getInc())
        Step = Reach::Maybe;
    } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent)) {
      if (Child == Range->getBody())
        Step = Reach::Maybe;
    } else if (const auto *Switch = dyn_cast<SwitchStmt>(Parent)) {
      if (Child == Switch->getBody())
        Step = Reach::Maybe;
    } else if (isa<CXXCatchStmt>(Parent)) {
      Step = Reach::Maybe;
    } else if (const auto *Conditional =
                   dyn_cast<AbstractConditionalOperator>(Parent)) {
      if (Child == Conditional->getTrueExpr())
        Step = Needs(Conditional->getCond(), true);
      else if (Child == Conditional->getFalseExpr())
        Step = Needs(Conditional->getCond(), false);
    } else if (const auto *Logical = dyn_cast<BinaryOperator>(Parent);
               Logical && Logical->isLogicalOp() &&
               Child == Logical->getRHS()) {
      Step = Needs(Logical->getLHS(), Logical->getOpcode() == BO_LAnd);
    }
    if (Step == Reach::Never)
      return Reach::Never;
    if (Step == Reach::Maybe)
      Result = Reach::Maybe;
  }
  return Result;
}

struct Edge {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Target = nullptr;
  bool Schedules = false;
  /// Conditions on the way to the call that only a flag nobody sets keeps
  /// from stopping the chain.
  llvm::SmallVector<StuckCondition, 1> Guards;
};

class ChainFinder {
public:
  ChainFinder(llvm::function_ref<bool(const CallExpr &)> IsScheduler,
              ReferenceIndex &Index)
      : IsScheduler(IsScheduler), Index(Index) {}

  std::optional<ReschedulingChain> find(const FunctionDecl &Handler) {
    Stack.clear();
    if (!search(Handler, Edge{}))
      return std::nullopt;
    // Everything the handler leads to, to tell where the chain lives.
    llvm::SmallVector<const FunctionDecl *, 8> Work{&Handler};
    Found.Reachable.insert(&Handler);
    while (!Work.empty()) {
      const FunctionDecl *F = Work.pop_back_val();
      for (const Edge &E : edgesOf(*F))
        if (Found.Reachable.insert(E.Target).second)
          Work.push_back(E.Target);
    }
    return Found;
  }

private:
  struct Frame {
    const FunctionDecl *Function;
    Edge Via;
  };

  bool search(const FunctionDecl &F, const Edge &Via) {
    if (Stack.size() > 8 || !Visited.insert(&F).second)
      return false;
    Stack.push_back(Frame{&F, Via});
    const std::vector<Edge> Edges = edgesOf(F);
    for (const Edge &E : Edges) {
      auto OnStack = llvm::find_if(
          Stack, [&](const Frame &Fr) { return Fr.Function == E.Target; });
      if (OnStack != Stack.end()) {
        if (closeCycle(OnStack - Stack.begin(), E))
          return true;
        continue;
      }
      if (search(*E.Target, E))
        return true;
    }
    Stack.pop_back();
    return false;
  }

  bool closeCycle(size_t Start, const Edge &Closing) {
    llvm::SmallVector<const CallExpr *, 4> Schedules;
    if (Closing.Schedules)
      Schedules.push_back(Closing.Call);
    for (size_t I = Start + 1; I < Stack.size(); ++I)
      if (Stack[I].Via.Schedules)
        Schedules.push_back(Stack[I].Via.Call);
    if (Schedules.empty())
      return false; // Plain recursion, not rescheduling.
    const SourceManager &SM = Index.context().getSourceManager();
    Found.Reschedule = *std::min_element(
        Schedules.begin(), Schedules.end(),
        [&](const CallExpr *A, const CallExpr *B) {
          return SM.isBeforeInTranslationUnit(A->getBeginLoc(),
                                              B->getBeginLoc());
        });
    for (size_t I = Start; I < Stack.size(); ++I)
      Found.Cycle.push_back(Stack[I].Function);
    Found.StuckGuards.append(Closing.Guards.begin(), Closing.Guards.end());
    for (size_t I = Start + 1; I < Stack.size(); ++I)
      Found.StuckGuards.append(Stack[I].Via.Guards.begin(),
                               Stack[I].Via.Guards.end());
    return true;
  }

  /// The calls of \p F that run whenever \p F runs, to the user functions
  /// they call or the handlers they schedule.
  std::vector<Edge> edgesOf(const FunctionDecl &F) {
    auto Cached = Edges.find(&F);
    if (Cached != Edges.end())
      return Cached->second;
    std::vector<Edge> Result;
    const SourceManager &SM = Index.context().getSourceManager();
    llvm::SmallVector<const Stmt *, 4> Exits;
    llvm::SmallVector<const CallExpr *, 8> Calls;
    forEachStmt(writtenBody(F), [&](const Stmt *S) {
      if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(S))
        Exits.push_back(S);
      else if (const auto *Call = dyn_cast<CallExpr>(S))
        Calls.push_back(Call);
    });
    for (const CallExpr *Call : Calls) {
      llvm::SmallVector<StuckCondition, 1> Stuck;
      if (reachability(*Call, Index, Stuck) != Reach::Always)
        continue;
      // A return or throw before the call that may happen stops the chain.
      const bool MayLeaveBefore = llvm::any_of(Exits, [&](const Stmt *Exit) {
        if (!SM.isBeforeInTranslationUnit(Exit->getBeginLoc(),
                                          Call->getBeginLoc()))
          return false;
        llvm::SmallVector<StuckCondition, 1> ExitStuck;
        if (reachability(*Exit, Index, ExitStuck) != Reach::Never)
          return true;
        return false;
      });
      if (MayLeaveBefore)
        continue;
      // Guards stuck at the value that skips an early exit count too.
      for (const Stmt *Exit : Exits)
        if (SM.isBeforeInTranslationUnit(Exit->getBeginLoc(),
                                         Call->getBeginLoc()))
          collectNeverTaken(*Exit, Stuck);
      if (IsScheduler(*Call)) {
        for (const Expr *Arg : Call->arguments())
          for (const FunctionDecl *Target : resolveCallable(Arg, Index))
            Result.push_back(Edge{Call, Target, true, Stuck});
        continue;
      }
      if (const FunctionDecl *Callee = userDefinition(Call->getDirectCallee(), SM)) {
        Result.push_back(Edge{Call, Callee, false, Stuck});
        continue;
      }
      if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
          Operator && Operator->getOperator() == OO_Call &&
          Operator->getNumArgs() >= 1)
        for (const FunctionDecl *Target :
             resolveCallable(Operator->getArg(0), Index))
          Result.push_back(Edge{Call, Target, false, Stuck});
    }
    Edges[&F] = Result;
    return Result;
  }

  /// Records the flags of the conditions that keep \p Exit from running.
  void collectNeverTaken(const Stmt &Exit,
                         llvm::SmallVectorImpl<StuckCondition> &Stuck) {
    ASTContext &Ctx = Index.context();
    const Stmt *Child = &Exit;
    for (const Stmt *Parent = parentStmt(Exit, Ctx);
         Parent && !isa<LambdaExpr>(Parent);
         Child = Parent, Parent = parentStmt(*Parent, Ctx)) {
      const auto *If = dyn_cast<IfStmt>(Parent);
      if (!If || (Child != If->getThen() && Child != If->getElse()))
        continue;
      if (std::optional<StuckCondition> Never = stuckCondition(
              If->getCond(), Child != If->getThen(), Index);
          Never && Never->Flag) {
        Stuck.push_back(*Never);
        return;
      }
    }
  }

  llvm::function_ref<bool(const CallExpr &)> IsScheduler;
  ReferenceIndex &Index;
  llvm::SmallVector<Frame, 8> Stack;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Visited;
  llvm::DenseMap<const FunctionDecl *, std::vector<Edge>> Edges;
  ReschedulingChain Found;
};

} // namespace

std::optional<ReschedulingChain>
findEndlessRescheduling(llvm::ArrayRef<const FunctionDecl *> Handlers,
                        llvm::function_ref<bool(const CallExpr &)> IsScheduler,
                        ReferenceIndex &Index) {
  for (const FunctionDecl *Handler : Handlers) {
    ChainFinder Finder(IsScheduler, Index);
    if (std::optional<ReschedulingChain> Chain = Finder.find(*Handler))
      return Chain;
  }
  return std::nullopt;
}

} // namespace clang::tidy::leak
