//===-- DetachedTaskCheck.cpp - leak-detached-task ------------------------===//

#include "DetachedTaskCheck.h"
#include "Callables.h"
#include "Catalog.h"
#include "Context.h"
#include "FixIts.h"
#include "Options.h"
#include "RunOnce.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

AST_MATCHER_P(FunctionDecl, isNamedIn, const NameList *, Names) {
  return Names->contains(Node);
}

/// The last component of a qualified name ('thread' for '::std::thread').
llvm::StringRef lastComponent(llvm::StringRef QualifiedName) {
  return QualifiedName.rsplit("::").second.empty()
             ? QualifiedName
             : QualifiedName.rsplit("::").second;
}

/// The entry of \p Names declared directly in namespace \p Namespace
/// ('asio' picks '::asio::cancellation_signal'), or an empty string.
llvm::StringRef entryInNamespace(llvm::ArrayRef<llvm::StringRef> Names,
                                 llvm::StringRef Namespace) {
  for (llvm::StringRef Name : Names) {
    llvm::StringRef Rest = Name.ltrim(':');
    if (Rest.consume_front(Namespace) && Rest.consume_front("::") &&
        !Rest.contains("::"))
      return Name;
  }
  return {};
}

/// The qualified name of the namespace declaring \p D, or an empty string.
std::string enclosingNamespace(const Decl &D) {
  for (const DeclContext *Scope = D.getDeclContext(); Scope;
       Scope = Scope->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Scope);
        Namespace && !Namespace->isInline())
      return Namespace->getQualifiedNameAsString();
  return {};
}

/// The namespace declaring the class of \p Type ('boost::asio' for
/// boost::asio::detached_t).
std::string namespaceOf(QualType Type) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record ? enclosingNamespace(*Record) : std::string();
}

/// The first endless loop run by one of \p Bodies.
std::optional<EndlessLoop>
firstEndlessLoop(llvm::ArrayRef<const FunctionDecl *> Bodies,
                 ReferenceIndex &Refs) {
  for (const FunctionDecl *Body : Bodies)
    if (std::optional<EndlessLoop> Loop = findEndlessLoop(*Body, Refs))
      return Loop;
  return std::nullopt;
}

/// The construction of a thread in \p Start (`std::thread(f)`, a variable's
/// initializer), or null.
const CXXConstructExpr *threadConstruction(const Expr *Start) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(stripImplicit(Start));
  if (!Construct || Construct->getNumArgs() == 0 ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor->isCopyOrMoveConstructor())
    return nullptr;
  return Construct;
}

/// The type as written by an explicit temporary (`std::thread(...)`,
/// `std::thread{...}`) in \p Start, or null.
const TypeSourceInfo *writtenTemporaryType(const Expr *Start) {
  const Expr *E = ignoreTemporaries(Start);
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(E))
    return Cast->getTypeInfoAsWritten();
  if (const auto *Temporary = dyn_cast_or_null<CXXTemporaryObjectExpr>(E))
    return Temporary->getTypeSourceInfo();
  return nullptr;
}

/// Replaces the name token at the end of the written type \p Info
/// ('thread' in 'std::thread') with \p To, when \p Info names the class
/// directly (no typedef, alias or using-declaration on the way).
std::optional<FixItHint> renameWrittenType(const TypeSourceInfo *Info,
                                           llvm::StringRef From,
                                           llvm::StringRef To,
                                           const SourceManager &SM,
                                           const LangOptions &LangOpts) {
  if (!Info)
    return std::nullopt;
  const QualType Type = Info->getType();
  if (Type->getAs<TypedefType>() || Type->getAs<UsingType>())
    return std::nullopt;
  const SourceLocation Name = Info->getTypeLoc().getEndLoc();
  std::optional<std::string> Text = fixits::sourceText(Name, SM, LangOpts);
  if (!Text || *Text != From)
    return std::nullopt;
  return fixits::replaceRange(Name, To, SM);
}

/// True when \p Name is declared or referenced in \p Body.
bool usesName(const Stmt *Body, llvm::StringRef Name) {
  if (!Body)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Body);
      Ref && Ref->getDecl()->getIdentifier() && Ref->getDecl()->getName() == Name)
    return true;
  if (const auto *Declaration = dyn_cast<DeclStmt>(Body))
    for (const Decl *D : Declaration->decls())
      if (const auto *Named = dyn_cast<NamedDecl>(D);
          Named && Named->getIdentifier() && Named->getName() == Name)
        return true;
  return llvm::any_of(Body->children(),
                      [&](const Stmt *Child) { return usesName(Child, Name); });
}

/// True when \p S passes a cancellation token that can be cancelled (not the
/// empty token), directly or inside task options.
bool passesCancellationToken(const Stmt *S, ASTContext &Ctx) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *E = dyn_cast<Expr>(S);
      E && !E->isTypeDependent() &&
      isClassNamed(E->getType(), catalog::cancellationTokenTypes(), Ctx)) {
    const auto *Make = dyn_cast_or_null<CallExpr>(stripImplicit(E));
    const FunctionDecl *Maker = Make ? Make->getDirectCallee() : nullptr;
    return !Maker ||
           match(functionDecl(hasAnyName(catalog::emptyCancellationTokens())),
                 *Maker, Ctx)
               .empty();
  }
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return passesCancellationToken(Child, Ctx);
  });
}

} // namespace

DetachedTaskCheck::DetachedTaskCheck(StringRef Name, ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      ThreadTypes(readNameList("ThreadTypes", catalog::threadTypes())),
      SpawnFunctions(readNameList("SpawnFunctions", [] {
        std::vector<llvm::StringRef> Defaults(catalog::workSchedulers().begin(),
                                              catalog::workSchedulers().end());
        llvm::append_range(Defaults, catalog::detachedTaskSpawners());
        llvm::append_range(Defaults, catalog::blockingFutureSpawners());
        return Defaults;
      }())),
      DetachedTokens(
          readNameList("DetachedTokens", catalog::detachedCompletionTokens())),
      JoinFunctions(
          readIdentifierList("JoinFunctions", catalog::threadJoinMethods())),
      StrictMode(readBool("StrictMode", false)), SpawnNames(SpawnFunctions),
      UnawaitedFutureEnabled(Context->isCheckEnabled("leak-unawaited-future")) {}

void DetachedTaskCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  const auto ThreadClass = cxxRecordDecl(hasAnyName(asRefs(ThreadTypes)));
  const auto InUserCode = unless(isExpansionInSystemHeader());
  const auto DetachCallee = callee(cxxMethodDecl(
      hasAnyName(catalog::threadDetachMethods()), ofClass(ThreadClass)));
  // Rooted at call expressions, not at every expression: with majors that
  // traverse system headers, a matcher is tried on each node of its kind.
  Finder->addMatcher(
      cxxMemberCallExpr(InUserCode, DetachCallee).bind("detach-call"), this);
  Finder->addMatcher(
      callExpr(InUserCode, unless(cxxMemberCallExpr(DetachCallee)),
               callee(functionDecl(isNamedIn(&SpawnNames))))
          .bind("spawn-call"),
      this);
}

void DetachedTaskCheck::startTranslationUnit() {
  Index.reset();
  Pending.clear();
}

ReferenceIndex &DetachedTaskCheck::index(ASTContext &Ctx) {
  if (!Index || &Index->context() != &Ctx)
    Index = std::make_unique<ReferenceIndex>(Ctx);
  return *Index;
}

void DetachedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Detach =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("detach-call")) {
    if (!isInMacroBody(Detach->getBeginLoc(), SM))
      checkDetach(*Detach, *Result.Context);
    return;
  }
  if (const auto *Spawn = Result.Nodes.getNodeAs<CallExpr>("spawn-call"))
    if (!isInMacroBody(Spawn->getBeginLoc(), SM) && !Spawn->isTypeDependent())
      checkSpawn(*Spawn, *Result.Context);
}

void DetachedTaskCheck::noteStuckFlag(const StuckCondition &Stuck) {
  if (!Stuck.Flag || !Stuck.FlagUse)
    return;
  diag(Stuck.FlagUse->getExprLoc(), "nothing in this file sets '%0'",
       DiagnosticIDs::Note)
      << Stuck.Flag->getName();
}

void DetachedTaskCheck::noteEndlessLoop(const EndlessLoop &Loop) {
  if (Loop.Stuck.Flag)
    diag(Loop.Loop->getBeginLoc(),
         "this loop never ends: it only stops when '%0' changes, and nothing "
         "in it breaks, returns or throws",
         DiagnosticIDs::Note)
        << Loop.Stuck.Flag->getName();
  else
    diag(Loop.Loop->getBeginLoc(),
         "this loop never ends: its condition is always true and nothing in "
         "it breaks, returns or throws",
         DiagnosticIDs::Note);
  noteStuckFlag(Loop.Stuck);
}

//===--- Threads ----------------------------------------------------------===//

void DetachedTaskCheck::checkDetach(const CXXMemberCallExpr &Detach,
                                    ASTContext &Ctx) {
  ReferenceIndex &Refs = index(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Object = stripImplicit(Detach.getImplicitObjectArgument());
  if (!Object)
    return;

  // The thread is a temporary, a variable or a field: find where it starts.
  const ValueDecl *Holder = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    Holder = dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(Object))
    Holder = dyn_cast<FieldDecl>(Member->getMemberDecl());
  llvm::SmallVector<const Expr *, 2> Starts;
  if (Holder) {
    if (isa<ParmVarDecl>(Holder) || Holder->getType()->isReferenceType())
      Holder = nullptr; // Started somewhere we cannot see.
    else if (Refs.hasMemberCallOn(*Holder, JoinFunctions))
      return; // Some path joins or stops it.
    else
      Starts = Refs.valuesOf(*Holder);
  } else {
    Starts.push_back(Object);
  }

  std::optional<EndlessLoop> Loop;
  const Expr *LoopStart = nullptr;
  for (const Expr *Start : Starts) {
    const CXXConstructExpr *Construct = threadConstruction(Start);
    if (!Construct)
      continue;
    Loop = firstEndlessLoop(resolveCallable(Construct->getArg(0), Refs), Refs);
    if (Loop) {
      LoopStart = Start;
      break;
    }
  }

  // A thread started once per process (from main, through call_once) is a
  // fixed part of the program, not one more copy per request.
  if (Loop && !StrictMode &&
      runsOncePerProcess(*LoopStart, Refs))
    return;

  const LangOptions &LangOpts = getLangOpts();
  const catalog::StoppableThreadRewrite &Rewrite =
      catalog::stoppableThreadRewrite();
  const bool HasStoppableThread = LangOpts.CPlusPlus20 &&
                                  fixits::isDeclared(Rewrite.ToThread, Ctx) &&
                                  fixits::isDeclared(Rewrite.StopToken, Ctx);
  // The advice: a flag and join (before C++20), a stoppable thread, or,
  // for a thread that is stoppable already, not detaching it.
  const int Advice =
      !HasStoppableThread ? 0
      : isClassNamed(Object->getType(), {Rewrite.ToThread}, Ctx) ? 2
                                                                  : 1;
  const SourceLocation Loc = SM.getFileLoc(Detach.getExprLoc());
  if (!Loop) {
    if (StrictMode)
      diag(Loc, "detached thread cannot be stopped or joined: it may outlive "
                "the request and the objects it uses; keep the thread object "
                "and join it%select{|, or run the work on a '%1'|}0")
          << Advice << Rewrite.ToThread;
    return;
  }

  // The rewrite to a stoppable thread, for a field assigned once from a
  // thread running a lambda whose 'while (true)' is the endless loop.
  std::vector<FixItHint> Fixes;
  const auto *Field = dyn_cast_or_null<FieldDecl>(Holder);
  const auto *LoopCond =
      Loop->Condition
          ? dyn_cast<CXXBoolLiteralExpr>(stripImplicit(Loop->Condition))
          : nullptr;
  if (HasStoppableThread && Field && Starts.size() == 1 && LoopCond &&
      LoopCond->getValue() && isa<WhileStmt, DoStmt>(Loop->Loop) &&
      isClassNamed(Field->getType(), {Rewrite.FromThread}, Ctx)) {
    const CXXConstructExpr *Construct = threadConstruction(LoopStart);
    const auto *Lambda =
        Construct && Construct->getNumArgs() == 1
            ? dyn_cast<LambdaExpr>(stripImplicit(Construct->getArg(0)))
            : nullptr;
    const llvm::StringRef TokenName = "st";
    bool Safe = Lambda && Lambda->getCallOperator() == Loop->Function &&
                Lambda->getCallOperator()->getNumParams() == 0 &&
                !usesName(Lambda->getBody(), TokenName) &&
                llvm::none_of(Lambda->captures(), [&](const LambdaCapture &C) {
                  return C.capturesVariable() &&
                         C.getCapturedVar()->getName() == TokenName;
                });
    // Every other use of the field must compile with the stoppable thread:
    // the one assignment, this detach, and const queries.
    const Stmt *Assignment = nullptr;
    for (const Expr *Ref : Refs.referencesTo(*Field)) {
      if (!Safe)
        break;
      const Stmt *Parent = parentStmt(*Ref, Ctx);
      while (Parent && isa<ImplicitCastExpr>(Parent))
        Parent = parentStmt(*Parent, Ctx);
      if (const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
          Assign && Assign->getOperator() == OO_Equal && !Assignment &&
          stripImplicit(Assign->getArg(1)) == stripImplicit(LoopStart)) {
        Assignment = Assign;
        continue;
      }
      const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
      const auto *Method =
          Member ? dyn_cast<CXXMethodDecl>(Member->getMemberDecl()) : nullptr;
      const Stmt *Call = Member ? parentStmt(*Member, Ctx) : nullptr;
      if (Call == &Detach)
        continue;
      Safe = Method && Method->isConst();
    }
    Safe = Safe && Assignment && isa<CompoundStmt>(parentStmt(Detach, Ctx));
    const TypeSourceInfo *FieldType = Field->getTypeSourceInfo();
    const llvm::StringRef From = lastComponent(Rewrite.FromThread);
    const llvm::StringRef To = lastComponent(Rewrite.ToThread);
    std::optional<FixItHint> RenameField =
        Safe ? renameWrittenType(FieldType, From, To, SM, LangOpts) : std::nullopt;
    std::optional<FixItHint> RenameTemporary =
        Safe ? renameWrittenType(writtenTemporaryType(LoopStart), From, To, SM,
                                 LangOpts)
             : std::nullopt;
    const std::string Parameter =
        (Rewrite.StopToken + " " + TokenName).str();
    std::optional<FixItHint> AddParameter;
    if (Safe && !Lambda->hasExplicitParameters()) {
      const SourceLocation AfterIntroducer = Lexer::getLocForEndOfToken(
          Lambda->getIntroducerRange().getEnd(), 0, SM, LangOpts);
      if (fixits::isEditable(Lambda->getIntroducerRange(), SM) &&
          AfterIntroducer.isValid())
        AddParameter =
            FixItHint::CreateInsertion(AfterIntroducer, "(" + Parameter + ")");
    } else if (Safe) {
      FunctionTypeLoc Proto = Lambda->getCallOperator()
                                  ->getTypeSourceInfo()
                                  ->getTypeLoc()
                                  .IgnoreParens()
                                  .getAsAdjusted<FunctionTypeLoc>();
      if (Proto && Proto.getLParenLoc().isValid() &&
          fixits::isEditable(SourceRange(Proto.getLParenLoc(),
                                         Proto.getRParenLoc()),
                             SM))
        AddParameter = FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Proto.getLParenLoc().getLocWithOffset(1), Proto.getRParenLoc()),
            Parameter);
    }
    std::optional<FixItHint> Condition =
        Safe ? fixits::replaceRange(
                   LoopCond->getSourceRange(),
                   ("!" + TokenName + "." + Rewrite.StopRequested + "()").str(),
                   SM)
             : std::nullopt;
    std::optional<FixItHint> RemoveDetach =
        Safe ? fixits::removeStatement(Detach, SM, LangOpts) : std::nullopt;
    if (RenameField && RenameTemporary && AddParameter && Condition &&
        RemoveDetach)
      Fixes = {*RenameField, *RenameTemporary, *AddParameter, *Condition,
               *RemoveDetach};
  }

  {
    auto Warning =
        diag(Loc, "detached thread runs an endless loop: nothing can stop or "
                  "join it, so it outlives the request and the objects it "
                  "uses; %select{keep the thread, end the loop with a flag set "
                  "on shutdown and join it|run it on a '%1' and end the loop "
                  "when its '%2' asks to stop|keep the '%1' instead of "
                  "detaching it and end the loop when its '%2' asks to stop}0")
        << Advice << Rewrite.ToThread << Rewrite.StopToken;
    for (const FixItHint &Fix : Fixes)
      Warning << Fix;
  }
  if (Holder && LoopStart && Fixes.empty())
    diag(SM.getFileLoc(LoopStart->getBeginLoc()), "the thread is started here",
         DiagnosticIDs::Note);
  noteEndlessLoop(*Loop);
  if (Fixes.empty() && HasStoppableThread)
    diag(Loc,
         "for example, keep a '%0' member started with a lambda taking "
         "'%1 st', loop while '!st.%2()' and do not detach it: its destructor "
         "then asks the loop to stop and joins it",
         DiagnosticIDs::Note)
        << Rewrite.ToThread << Rewrite.StopToken << Rewrite.StopRequested;
}

//===--- Spawn functions --------------------------------------------------===//

void DetachedTaskCheck::checkSpawn(const CallExpr &Call, ASTContext &Ctx) {
  // A completion token that detaches: co_spawn(ex, work, detached).
  for (const Expr *Arg : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && !Arg->isTypeDependent() &&
        isClassNamed(Arg->getType(), asRefs(DetachedTokens), Ctx))
      return checkTokenSpawn(Call, *Arg, Ctx);

  // A task or future handed back: dropped, or kept by the caller.
  const QualType Type = Call.getType();
  if (!Type->isVoidType() && Type->isRecordType() &&
      !isClassNamed(Type, asRefs(DetachedTokens), Ctx)) {
    if (classifyValueUse(Call, Ctx) != ValueUse::Used)
      checkDroppedTask(Call, Ctx);
    return;
  }

  // A handler that schedules itself again, forever.
  ReferenceIndex &Refs = index(Ctx);
  llvm::SmallVector<const FunctionDecl *, 2> Handlers;
  for (const Expr *Arg : Call.arguments())
    llvm::append_range(Handlers, resolveCallable(Arg, Refs));
  if (Handlers.empty())
    return;
  std::optional<ReschedulingChain> Chain = findEndlessRescheduling(
      Handlers,
      [&](const CallExpr &Inner) {
        return isSpawnFunction(Inner.getDirectCallee());
      },
      Refs);
  if (!Chain)
    return;
  const FunctionDecl *Enclosing = enclosingFunction(Call, Ctx);
  const bool Inside = Enclosing && Chain->Reachable.contains(Enclosing);
  Pending.push_back(PendingChain{&Call, Enclosing, std::move(*Chain), Inside});
}

void DetachedTaskCheck::checkTokenSpawn(const CallExpr &Call, const Expr &Token,
                                        ASTContext &Ctx) {
  ReferenceIndex &Refs = index(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LangOpts = getLangOpts();

  // The work is given before the token (after the executor, for co_spawn).
  std::optional<EndlessLoop> Loop;
  for (unsigned I = 0; I < Call.getNumArgs() && !Loop; ++I) {
    if (Call.getArg(I) == &Token)
      break;
    Loop = firstEndlessLoop(resolveWork(Call.getArg(I), Refs), Refs);
  }
  if (!StrictMode && (!Loop || runsOncePerProcess(Call, Refs)))
    return;

  const std::string Namespace = namespaceOf(Token.getType());
  const llvm::StringRef Binder =
      entryInNamespace(catalog::cancellationSlotBinders(), Namespace);
  const llvm::StringRef SignalType =
      entryInNamespace(catalog::cancellationSignalTypes(), Namespace);
  // Cancellation slots exist when this version of the library declares
  // them (the binder may need one more include); the fix-it needs the binder.
  const bool CanBind = !Binder.empty() && fixits::isDeclared(Binder, Ctx);
  const bool HasSlots =
      CanBind || (!SignalType.empty() && fixits::isDeclared(SignalType, Ctx));
  const std::string TokenText =
      fixits::sourceText(Token.getSourceRange(), SM, LangOpts)
          .value_or(Lexer::getSourceText(
                        CharSourceRange::getTokenRange(Token.getSourceRange()),
                        SM, LangOpts)
                        .str());
  const SourceLocation Loc = SM.getFileLoc(Call.getBeginLoc());

  // Fix-it: bind the slot of the enclosing class's cancellation signal.
  std::optional<FixItHint> Fix;
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(enclosingFunction(Call, Ctx));
  if (Loop && CanBind && Method && !Method->isStatic() &&
      !Method->getParent()->isLambda()) {
    const FieldDecl *Signal = nullptr;
    unsigned Signals = 0;
    for (const FieldDecl *Field : Method->getParent()->fields())
      if (isClassNamed(Field->getType(), {SignalType}, Ctx)) {
        Signal = Field;
        ++Signals;
      }
    if (Signals == 1 && !TokenText.empty())
      Fix = fixits::replaceRange(
          Token.getSourceRange(),
          (llvm::Twine(Namespace) + "::" + lastComponent(Binder) + "(" +
           Signal->getName() + "." + catalog::cancellationSignalUse().SlotMethod +
           "(), " + TokenText + ")")
              .str(),
          SM);
  }

  if (!Loop) {
    diag(Loc, "coroutine spawned with '%0' cannot be cancelled or awaited: it "
              "may outlive the request and the objects it uses; %select{use a "
              "completion handler that observes its end|bind a cancellation "
              "slot to the completion token}1")
        << TokenText << HasSlots;
    return;
  }
  {
    auto Warning =
        diag(Loc, "coroutine spawned with '%0' runs an endless loop: it has no "
                  "cancellation slot, so nothing can stop it short of "
                  "destroying its execution context; %select{give the loop a "
                  "stop condition, such as a flag set on shutdown|bind a "
                  "cancellation slot to the completion token and emit the "
                  "signal on shutdown}1")
        << TokenText << HasSlots;
    if (Fix)
      Warning << *Fix;
  }
  noteEndlessLoop(*Loop);
  if (Fix)
    return;
  std::string Emit = catalog::cancellationSignalUse().EmitCall.str();
  if (size_t At = Emit.find("%ns"); At != std::string::npos)
    Emit.replace(At, 3, Namespace);
  if (HasSlots)
    diag(Token.getBeginLoc(),
         "for example, spawn it with '%0::%1(signal.%2(), %3)' and call "
         "'signal.%5' on shutdown, where 'signal' is declared '%0::%4 signal;' "
         "in an object that outlives the coroutine",
         DiagnosticIDs::Note)
        << Namespace << lastComponent(Binder)
        << catalog::cancellationSignalUse().SlotMethod << TokenText
        << lastComponent(SignalType) << Emit;
  else
    diag(Token.getBeginLoc(),
         "'%0' has no cancellation slots: test a flag set on shutdown in the "
         "loop, or keep the timer or socket the loop waits on and cancel it",
         DiagnosticIDs::Note)
        << Namespace;
}

void DetachedTaskCheck::checkDroppedTask(const CallExpr &Call, ASTContext &Ctx) {
  ReferenceIndex &Refs = index(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  const std::string Spawner = Callee->getQualifiedNameAsString();
  const bool Blocking =
      !match(functionDecl(hasAnyName(catalog::blockingFutureSpawners())),
             *Callee, Ctx)
           .empty();

  if (Blocking) {
    // std::async: leak-unawaited-future owns the discarded future; only a
    // call that starts a thread is a task at all.
    if (UnawaitedFutureEnabled || Call.getNumArgs() == 0)
      return;
    const auto *Policy = dyn_cast<DeclRefExpr>(stripImplicit(Call.getArg(0)));
    if (!Policy || match(enumConstantDecl(hasAnyName(catalog::asyncLaunchPolicies())),
                         *Policy->getDecl(), Ctx)
                       .empty())
      return;
  } else {
    // A cancellation token (other than the empty one) lets the owner stop it.
    const bool HasToken = llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
      return !isa<CXXDefaultArgExpr>(Arg) && passesCancellationToken(Arg, Ctx);
    });
    if (HasToken)
      return;
  }

  // The work is the first argument that names code.
  std::optional<EndlessLoop> Loop;
  for (const Expr *Arg : Call.arguments()) {
    llvm::SmallVector<const FunctionDecl *, 2> Bodies = resolveCallable(Arg, Refs);
    Loop = firstEndlessLoop(Bodies, Refs);
    if (!Bodies.empty())
      break;
  }
  // Only an endless body (or strict mode) makes a finding: a finite task
  // ends by itself and hands its outcome to whatever it calls, and a
  // discarded std::async future joins it in its destructor. Work started
  // once per process is a fixed part of the program.
  if (!StrictMode && (!Loop || runsOncePerProcess(Call, Refs)))
    return;

  const SourceLocation Loc = SM.getFileLoc(Call.getBeginLoc());
  if (Blocking) {
    if (Loop)
      diag(Loc, "task started by '%0' runs an endless loop and its future is "
                "discarded: the future's destructor waits here for a task "
                "that never ends; keep the future and give the loop a stop "
                "condition")
          << Spawner;
    else
      diag(Loc, "future of the task started by '%0' is discarded: its "
                "destructor waits here until the task ends, and the task's "
                "result and errors are lost; keep the future and wait for it "
                "where the result is needed")
          << Spawner;
  } else {
    const std::string Namespace = enclosingNamespace(*Callee);
    llvm::StringRef TokenType =
        entryInNamespace(catalog::cancellationTokenTypes(), Namespace);
    if (TokenType.empty() && !catalog::cancellationTokenTypes().empty())
      TokenType = catalog::cancellationTokenTypes().front();
    if (Loop)
      diag(Loc, "task created by '%0' is dropped while it runs an endless "
                "loop: without a cancellation token nothing can cancel or "
                "wait for it; keep the task, pass a '%1' and end the loop "
                "when cancellation is requested")
          << Spawner << TokenType.ltrim(':');
    else
      diag(Loc, "task created by '%0' is dropped: nothing can cancel or wait "
                "for it, and its errors are lost; keep the task and wait for "
                "it, or pass a '%1'")
          << Spawner << TokenType.ltrim(':');
  }
  if (Loop)
    noteEndlessLoop(*Loop);
}

//===--- Self-rescheduling handlers ---------------------------------------===//

void DetachedTaskCheck::endTranslationUnit() {
  if (Pending.empty())
    return;
  ASTContext &Ctx = Index->context();
  const SourceManager &SM = Ctx.getSourceManager();
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  };
  // One chain is identified by the first function of its cycle.
  auto ChainKey = [&](const ReschedulingChain &Chain) {
    return *std::min_element(
        Chain.Cycle.begin(), Chain.Cycle.end(),
        [&](const FunctionDecl *A, const FunctionDecl *B) {
          return Before(A->getLocation(), B->getLocation());
        });
  };
  llvm::DenseMap<const FunctionDecl *, bool> HasEntry;
  for (const PendingChain &P : Pending)
    HasEntry[ChainKey(P.Chain)] |= !P.InsideChain;

  llvm::DenseMap<const FunctionDecl *, const PendingChain *> InsideReport;
  for (const PendingChain &P : Pending) {
    const FunctionDecl *Key = ChainKey(P.Chain);
    if (P.InsideChain) {
      // Reported once per chain, when no call outside the chain starts it.
      if (HasEntry[Key])
        continue;
      const PendingChain *&Chosen = InsideReport[Key];
      if (!Chosen ||
          Before(P.Chain.Reschedule->getBeginLoc(),
                 Chosen->Chain.Reschedule->getBeginLoc()))
        Chosen = &P;
      continue;
    }
    // A call reached from another starting call's handler is part of that
    // start (a post that posts the chain): report the outermost one.
    if (llvm::any_of(Pending, [&](const PendingChain &Other) {
          return &Other != &P && !Other.InsideChain &&
                 ChainKey(Other.Chain) == Key && P.Enclosing &&
                 Other.Chain.Reachable.contains(P.Enclosing);
        }))
      continue;
    const FunctionDecl *Callee = P.Call->getDirectCallee();
    diag(SM.getFileLoc(P.Call->getBeginLoc()),
         "handler passed to '%0' reschedules itself forever: nothing on the "
         "way checks a stop condition, so it runs until its execution context "
         "is destroyed; check a flag set on shutdown before rescheduling")
        << (Callee ? Callee->getQualifiedNameAsString() : std::string("it"));
    diag(SM.getFileLoc(P.Chain.Reschedule->getBeginLoc()),
         "the handler schedules itself again here", DiagnosticIDs::Note);
    for (const StuckCondition &Guard : P.Chain.StuckGuards)
      noteStuckFlag(Guard);
  }
  for (const auto &Entry : InsideReport) {
    const PendingChain &P = *Entry.second;
    diag(SM.getFileLoc(P.Chain.Reschedule->getBeginLoc()),
         "handler reschedules itself here forever: nothing on the way checks "
         "a stop condition, so it runs until its execution context is "
         "destroyed; check a flag set on shutdown before rescheduling");
    for (const StuckCondition &Guard : P.Chain.StuckGuards)
      noteStuckFlag(Guard);
  }
  Pending.clear();
}

} // namespace clang::tidy::leak
