//===-- UnreleasedHandleCheck.cpp - leak-unreleased-handle ----------------===//

#include "UnreleasedHandleCheck.h"
#include "Catalog.h"
#include "Compat.h"
#include "ConstructorHandles.h"
#include "Context.h"
#include "FixIts.h"
#include "GuardedRelease.h"
#include "Matchers.h"
#include "Options.h"
#include "Parents.h"
#include "References.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

std::string defaultPairs() {
  std::vector<std::string> Items;
  for (const catalog::HandlePair &Pair : catalog::handlePairs())
    Items.push_back((Pair.Acquire + "=" + Pair.Release).str());
  return joinList(Items);
}

std::vector<std::string>
firsts(llvm::ArrayRef<std::pair<std::string, std::string>> Pairs) {
  std::vector<std::string> Names;
  for (const auto &Pair : Pairs)
    Names.push_back(Pair.first);
  return Names;
}

std::vector<std::string>
seconds(llvm::ArrayRef<std::pair<std::string, std::string>> Pairs) {
  std::vector<std::string> Names;
  for (const auto &Pair : Pairs)
    Names.push_back(Pair.second);
  return Names;
}

/// The local variable (not static) that \p E names; a parameter only with
/// \p OrParameter.
const VarDecl *localVariable(const Expr *E, bool OrParameter = false) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() ||
      (isa<ParmVarDecl>(Var) && !OrParameter) ||
      !Var->getType()->isPointerType())
    return nullptr;
  return Var;
}

/// Where the handle returned by \p Call goes, through parentheses and
/// casts: the variable it initializes, or the assignment it is the value of.
struct Receiver {
  const VarDecl *Initialized = nullptr;
  const BinaryOperator *Assignment = nullptr;
};
Receiver receiverOf(const CallExpr &Call, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  const Stmt *Child = &Call;
  DynTypedNodeList Parents = parentsOf(Call, Ctx);
  while (Parents.size() == 1) {
    const DynTypedNode Parent = Parents[0];
    if (const auto *E = Parent.get<Expr>();
        E && isa<ParenExpr, CastExpr, ExprWithCleanups>(E)) {
      Child = E;
      Parents = parentsOf(Parent, Ctx);
      continue;
    }
    if (const auto *Var = Parent.get<VarDecl>(); Var && Var->getInit() == Child)
      return {Var, nullptr};
    if (const auto *Assign = Parent.get<BinaryOperator>();
        Assign && Assign->getOpcode() == BO_Assign && Assign->getRHS() == Child)
      return {nullptr, Assign};
    return {};
  }
  return {};
}

/// The local variable that receives the handle returned by \p Call, through
/// its initializer or an assignment (also to a parameter, which then holds
/// a handle of its own function); null when the handle goes elsewhere.
const VarDecl *receivingVariable(const Receiver &To) {
  if (const VarDecl *Var = To.Initialized)
    return Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
                   Var->getType()->isPointerType()
               ? Var
               : nullptr;
  return To.Assignment
             ? localVariable(To.Assignment->getLHS(), /*OrParameter=*/true)
             : nullptr;
}

std::string unqualified(StringRef Name) { return Name.ltrim(':').str(); }

std::vector<std::string> takeoverFunctions() {
  std::vector<std::string> Names;
  for (const catalog::HandleTakeover &T : catalog::handleTakeovers())
    Names.push_back(T.Function.str());
  return Names;
}

/// True when the release function \p Release, declared in the translation
/// unit's global scope, takes more than one argument.
bool takesMoreThanHandle(StringRef Release, ASTContext &Ctx) {
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Release)))
    if (const auto *F = dyn_cast<FunctionDecl>(D->getUnderlyingDecl()))
      return F->getNumParams() > 1;
  return false;
}

/// The release written in a pair for C++ objects owned through a raw
/// pointer ('::sql::Statement::executeQuery=delete').
constexpr StringRef DeleteRelease = "delete";

/// What releases \p What: "call 'PQclear' on it", or "delete it".
std::string releaseWords(StringRef Release, StringRef What) {
  if (Release == DeleteRelease)
    return ("delete " + What).str();
  return ("call '" + Release + "' on " + What).str();
}

/// The release as a command with no object: "call 'PQclear'", or
/// "delete it".
std::string releaseVerb(StringRef Release) {
  if (Release == DeleteRelease)
    return "delete it";
  return ("call '" + Release + "'").str();
}

/// The owning smart pointer for a handle to \p Pointee.
std::string ownerType(StringRef Release, StringRef Pointee) {
  if (Release == DeleteRelease)
    return ("std::unique_ptr<" + Pointee + ">").str();
  return ("std::unique_ptr<" + Pointee + ", decltype(&" + Release + ")>").str();
}

} // namespace

UnreleasedHandleCheck::UnreleasedHandleCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : LeakCheck(Name, Context), HandlePairs(readPairs("HandlePairs")),
      NullOnFailure(readNameList("NullOnFailureFunctions",
                                 catalog::nullOnFailureAcquirers())),
      Acquirers(firsts(HandlePairs)), Releasers(seconds(HandlePairs)),
      NullOnFailureList(NullOnFailure), Takeovers(takeoverFunctions()),
      Functions{[this](const FunctionDecl &F) { return Acquirers.contains(F); },
                [this](const FunctionDecl &F) { return Releasers.contains(F); },
                [this](const FunctionDecl &F) {
                  return NullOnFailureList.contains(F);
                },
                // A C function (the library's own API) reads the handle; a C++
                // function may keep or release it.
                [](const FunctionDecl &F) { return F.isExternC(); },
                // 'rd_kafka_new(type, conf, ...)' takes over 'conf'.
                [this](const FunctionDecl &F, unsigned Index) {
                  const std::optional<StringRef> Entry = Takeovers.match(F);
                  return Entry &&
                         llvm::any_of(catalog::handleTakeovers(),
                                      [&](const catalog::HandleTakeover &T) {
                                        return T.Function == *Entry &&
                                               T.Argument == Index;
                                      });
                },
                // A function of this file that may throw.
                [this](const CallExpr &Call) {
                  const FunctionDecl *Callee = Call.getDirectCallee();
                  return Callee && Effects.mayThrow(*Callee);
                }},
      StatusFunctions(readNameList("HandleStatusFunctions",
                                   catalog::handleStatusFunctions())),
      StatusNames(StatusFunctions) {}

UnreleasedHandleCheck::Pairs
UnreleasedHandleCheck::readPairs(StringRef Option) {
  PairsText = compat::optionString(Options, Option, defaultPairs());
  Pairs Result;
  for (const std::string &Item : parseList(PairsText)) {
    const auto [Acquire, Release] = StringRef(Item).split('=');
    const std::vector<std::string> Names = {Acquire.trim().str(),
                                            Release.trim().str()};
    const bool Deletes = Names[1] == DeleteRelease;
    if (!StringRef(Item).contains('=') || Release.contains('=') ||
        !invalidQualifiedNames(Deletes ? llvm::ArrayRef(Names).take_front()
                                       : llvm::ArrayRef(Names))
             .empty()) {
      reportBadEntry(Option, Item,
                     "'acquire=release' with two qualified function names "
                     "such as '::PQexec=::PQclear', or 'delete' as the "
                     "release of an object the acquiring function allocates");
      continue;
    }
    Result.emplace_back(Names[0], Names[1]);
  }
  return Result;
}

void UnreleasedHandleCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LeakCheck::storeOptions(Opts);
  Options.store(Opts, "HandlePairs", PairsText);
}

std::string
UnreleasedHandleCheck::releaseFor(const FunctionDecl &Acquire) const {
  const std::optional<StringRef> Entry = Acquirers.match(Acquire);
  for (const auto &[A, R] : HandlePairs)
    if (Entry && A == *Entry)
      return unqualified(R);
  return {};
}

void UnreleasedHandleCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  if (HandlePairs.empty())
    return;
  const std::vector<std::string> AcquireNames = firsts(HandlePairs);
  const auto Acquire = matchers::isFunctionNamed(asRefs(AcquireNames));
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(Acquire))
          .bind("acquire-call"),
      this);
  // Releases of a member handle, to see whether any runs for a failed one.
  if (!StatusFunctions.empty()) {
    const std::vector<std::string> ReleaseNames = seconds(HandlePairs);
    Finder->addMatcher(
        callExpr(unless(isExpansionInSystemHeader()),
                 callee(matchers::isFunctionNamed(asRefs(ReleaseNames))),
                 hasArgument(0, ignoringParenImpCasts(
                                    memberExpr(hasObjectExpression(
                                        ignoringParenImpCasts(cxxThisExpr()))))))
            .bind("member-release"),
        this);
  }
  // Handles acquired into data members by a constructor that may throw.
  Finder->addMatcher(cxxConstructorDecl(isDefinition(),
                                        unless(isExpansionInSystemHeader()))
                         .bind("constructor"),
                     this);
}

void UnreleasedHandleCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Ctor = Result.Nodes.getNodeAs<CXXConstructorDecl>(
          "constructor")) {
    checkConstructor(*Ctor, Result);
    return;
  }
  if (const auto *Release =
          Result.Nodes.getNodeAs<CallExpr>("member-release")) {
    checkMemberRelease(*Release, Result);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("acquire-call");
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || isInMacroBody(Call->getBeginLoc(), *Result.SourceManager) ||
      Call->isTypeDependent() || Call->containsErrors())
    return;
  ASTContext &Ctx = *Result.Context;
  const VarDecl *Var = nullptr;
  if (const std::optional<unsigned> Out =
          ownership::handleOutParameter(*Callee)) {
    if (*Out >= Call->getNumArgs())
      return;
    if (const auto *Address =
            dyn_cast<UnaryOperator>(Call->getArg(*Out)->IgnoreParenCasts()))
      if (Address->getOpcode() == UO_AddrOf)
        Var = localVariable(Address->getSubExpr());
  } else if (Callee->getReturnType()->isPointerType()) {
    const Receiver To = receiverOf(*Call, Ctx);
    Var = receivingVariable(To);
    if (const FieldDecl *Member =
            To.Assignment ? ownership::thisMember(To.Assignment->getLHS())
                          : nullptr)
      checkMemberAcquisition(*Call, *Member, To.Assignment, Result);
    if (!Var && classifyValueUse(*Call, Ctx) != ValueUse::Used)
      checkDiscarded(*Call, Result);
    else if (!Var)
      checkPassedStraight(*Call, Result);
  }
  if (Var && Analyzed.insert(Var).second)
    checkVariable(*Var, Result);
}

void UnreleasedHandleCheck::checkMemberAcquisition(
    const CallExpr &Acquisition, const FieldDecl &Member,
    const BinaryOperator *Assignment,
    const MatchFinder::MatchResult &Result) {
  const FunctionDecl &Acquire = *Acquisition.getDirectCallee();
  // An acquisition that leaves nothing on failure has nothing to overwrite.
  if (StatusFunctions.empty() || NullOnFailureList.contains(Acquire))
    return;
  const Expr *Guard = guarded::statusOnlyGuardBefore(
      Acquisition, Member, StatusNames, Releasers, *Result.Context);
  const SourceManager &SM = *Result.SourceManager;
  if (!Guard || isInMacroBody(Guard->getBeginLoc(), SM))
    return;
  const std::string Release = releaseFor(Acquire);
  {
    auto Diag =
        diag(SM.getFileLoc(Acquisition.getBeginLoc()),
             "handle in member '%0' acquired by '%1' overwrites the handle of "
             "an earlier attempt: the status test before it stops only a "
             "healthy handle, and a failed one, which still needs '%2', is "
             "lost here; call '%2' on '%0' when it is set before acquiring "
             "again")
        << Member.getName() << Acquire.getName() << Release
        << Acquisition.getSourceRange();
    // 'conn_ = acquire(...);' as a statement of a block: release what the
    // member holds on the line before.
    if (Assignment && fixits::enclosingBlock(*Assignment, *Result.Context) &&
        !fixits::findVisibleVariable(Member.getName(), *Assignment,
                                     *Result.Context))
      if (const std::optional<FixItHint> Fix = fixits::insertLineBefore(
              *Assignment,
              ("if (" + Member.getName() + ") " + Release + "(" +
               Member.getName() + ");")
                  .str(),
              SM))
        Diag << *Fix;
  }
  diag(SM.getFileLoc(Guard->getBeginLoc()),
       "this test lets a handle in a failed state through", DiagnosticIDs::Note)
      << Guard->getSourceRange();
}

void UnreleasedHandleCheck::checkMemberRelease(
    const CallExpr &Release, const MatchFinder::MatchResult &Result) {
  const FieldDecl *Field = guarded::releasedMember(Release);
  if (!Field || isInMacroBody(Release.getBeginLoc(), *Result.SourceManager))
    return;
  Context = Result.Context;
  GuardedReleases[Field].push_back(
      {&Release, guarded::statusGuard(Release, *Field, StatusNames, Releasers,
                                      *Result.Context)});
}

void UnreleasedHandleCheck::endTranslationUnit() {
  if (!Context)
    return;
  ASTContext &Ctx = *Context;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[Field, Releases] : GuardedReleases) {
    // One release that runs whatever the state is enough.
    if (llvm::any_of(Releases,
                     [](const MemberRelease &R) { return !R.Guard; }))
      continue;
    if (!References || &References->context() != &Ctx)
      References = std::make_unique<ReferenceIndex>(Ctx);
    // A handle the member receives from an acquisition that must be
    // released whatever happens (not one that leaves nothing on failure).
    const CallExpr *Acquisition = nullptr;
    for (const Expr *Value : References->valuesOf(*Field)) {
      const auto *Call = dyn_cast_or_null<CallExpr>(stripImplicit(Value));
      const FunctionDecl *Acquire = Call ? Call->getDirectCallee() : nullptr;
      if (Acquire && Acquirers.contains(*Acquire) &&
          !NullOnFailureList.contains(*Acquire)) {
        Acquisition = Call;
        break;
      }
    }
    if (!Acquisition)
      continue;
    const FunctionDecl &Acquire = *Acquisition->getDirectCallee();
    const MemberRelease &First = Releases.front();
    const std::optional<std::string> Guard =
        fixits::sourceText(First.Guard->getSourceRange(), SM, Ctx.getLangOpts());
    diag(SM.getFileLoc(First.Release->getBeginLoc()),
         "'%0' releases member '%1' only when '%2' holds: a handle in a "
         "failed or broken state is never released, though every handle '%3' "
         "returns needs '%0'; release it whenever '%1' is set")
        << unqualified(releaseFor(Acquire)) << Field->getName()
        << (Guard && Guard->size() <= 60 ? *Guard : "the status test")
        << Acquire.getName()
        << First.Release->getSourceRange();
    diag(SM.getFileLoc(Acquisition->getBeginLoc()),
         "'%0' receives a handle from '%1' here", DiagnosticIDs::Note)
        << Field->getName() << Acquire.getName();
  }
  GuardedReleases.clear();
}

void UnreleasedHandleCheck::checkConstructor(
    const CXXConstructorDecl &Ctor, const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (Ctor.isTemplated() || Ctor.getLocation().isMacroID())
    return;
  // One report per acquisition and line: 'a().b()' where both may throw
  // is one way out.
  llvm::DenseSet<std::pair<const CallExpr *, unsigned>> Reported;
  for (const ownership::MemberLeak &Leak : ownership::findConstructorLeaks(
           Ctor, *Result.Context, Functions, Effects)) {
    const CallExpr &Acquisition = *Leak.Acquisition;
    if (!Reported
             .insert({&Acquisition, SM.getExpansionLineNumber(
                                        Leak.Throw->getBeginLoc())})
             .second)
      continue;
    if (isInMacroBody(Leak.Throw->getBeginLoc(), SM) ||
        isInMacroBody(Acquisition.getBeginLoc(), SM))
      continue;
    const FunctionDecl &Acquire = *Acquisition.getDirectCallee();
    const std::string Release = releaseFor(Acquire);
    const auto *Call = dyn_cast<CallExpr>(Leak.Throw);
    const FunctionDecl *Thrower = Call ? Call->getDirectCallee() : nullptr;
    const SourceLocation Loc = SM.getFileLoc(Leak.Throw->getBeginLoc());
    const std::string Advice =
        releaseVerb(Release) + " before throwing or hold the handle " +
        "in a 'std::unique_ptr' member" +
        (Release == DeleteRelease ? "" : " with '" + Release + "' as its deleter");
    if (Thrower)
      diag(Loc, "handle in member '%0' acquired by '%1' leaks when '%2' "
                "throws out of the constructor: no destructor runs for an "
                "object whose constructor throws; %3")
          << Leak.Field->getName() << Acquire.getName() << Thrower->getName()
          << Advice << Leak.Throw->getSourceRange();
    else
      diag(Loc, "handle in member '%0' acquired by '%1' leaks when this "
                "throw leaves the constructor: no destructor runs for an "
                "object whose constructor throws; %2")
          << Leak.Field->getName() << Acquire.getName() << Advice
          << Leak.Throw->getSourceRange();
    diag(SM.getFileLoc(Acquisition.getBeginLoc()),
         "'%0' receives the handle here", DiagnosticIDs::Note)
        << Leak.Field->getName();
  }
}

void UnreleasedHandleCheck::checkPassedStraight(
    const CallExpr &Call, const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  // The call whose argument the handle is, through parentheses and casts.
  const Expr *Child = &Call;
  const CallExpr *Outer = nullptr;
  const CXXConstructExpr *Construct = nullptr;
  {
    TraversalKindScope AsIs(Ctx, TK_AsIs);
    DynTypedNodeList Parents = parentsOf(Call, Ctx);
    while (Parents.size() == 1) {
      if (const auto *E = Parents[0].get<Expr>();
          E && isa<ParenExpr, CastExpr>(E)) {
        Child = E;
        Parents = parentsOf(Parents[0], Ctx);
        continue;
      }
      Outer = Parents[0].get<CallExpr>();
      Construct = Parents[0].get<CXXConstructExpr>();
      if (const auto *Member = Parents[0].get<MemberExpr>();
          Member && Member->isArrow() && Member->getBase() == Child) {
        // 'con->createStatement()->executeQuery(...)': used once and lost.
        const FunctionDecl &Acquire = *Call.getDirectCallee();
        diag(Result.SourceManager->getFileLoc(Call.getBeginLoc()),
             "handle returned by '%0' is used once through '->' and never "
             "released: it leaks each time this code runs; store it and %1 "
             "after its use")
            << Acquire.getName() << releaseWords(releaseFor(Acquire), "it")
            << Call.getSourceRange();
        return;
      }
      break;
    }
  }
  // 'std::string Value = memcached_get(...)': a constructor whose parameter
  // points to const characters copies the string and cannot take it over
  // (a 'std::unique_ptr<const T>' can).
  if (Construct) {
    const auto Arg = llvm::find(Construct->arguments(), Child);
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    const auto Index = static_cast<unsigned>(Arg - Construct->arg_begin());
    if (Arg == Construct->arg_end() || Index >= Ctor->getNumParams())
      return;
    const QualType Param = Ctor->getParamDecl(Index)->getType();
    if (!Param->isPointerType() || !Param->getPointeeType().isConstQualified() ||
        !Param->getPointeeType()->isAnyCharacterType())
      return;
    const FunctionDecl &Acquire = *Call.getDirectCallee();
    diag(Result.SourceManager->getFileLoc(Call.getBeginLoc()),
         "handle returned by '%0' is copied into a '%1' and never released: "
         "it leaks each time this code runs; store it and %2 after the copy")
        << Acquire.getName() << Ctor->getParent()->getName()
        << releaseWords(releaseFor(Acquire), "it") << Call.getSourceRange();
    return;
  }
  const FunctionDecl *Callee = Outer ? Outer->getDirectCallee() : nullptr;
  if (!Callee || Outer->getCallee()->IgnoreParenCasts() == Child ||
      Functions.IsRelease(*Callee) || Functions.IsAcquire(*Callee))
    return;
  const auto Arg = llvm::find(Outer->arguments(), Child);
  if (Arg == Outer->arg_end())
    return;
  // Read and left alone: a variadic argument ('printf'), an argument of the
  // library's C API, or a string (which carries no trace of the function
  // that frees it) given to code that never calls a release function.
  const bool Variadic =
      static_cast<unsigned>(Arg - Outer->arg_begin()) >= Callee->getNumParams();
  const bool String =
      Call.getType()->getPointeeType()->isAnyCharacterType() &&
      !Effects.mayCall(*Callee, Functions.IsRelease, FunctionEffects::CallsRelease);
  if (!Variadic && !Functions.OnlyUses(*Callee) && !String) {
    checkOwningParameter(*Callee, Arg - Outer->arg_begin(), Call, Result);
    return;
  }
  const FunctionDecl &Acquire = *Call.getDirectCallee();
  diag(Result.SourceManager->getFileLoc(Call.getBeginLoc()),
       "handle returned by '%0' is passed straight to '%1', which does not "
       "release it: it leaks each time this code runs; store it and %2 "
       "after the call")
      << Acquire.getName() << Callee->getName()
      << releaseWords(releaseFor(Acquire), "it") << Call.getSourceRange();
}

void UnreleasedHandleCheck::checkOwningParameter(
    const FunctionDecl &Callee, unsigned Index, const CallExpr &Acquisition,
    const MatchFinder::MatchResult &Result) {
  // A function of this file given a handle straight from an acquisition
  // owns it: its caller cannot release it. Whether it does, on every path,
  // is read from its body once per parameter.
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->getBody() || Definition->isTemplated() ||
      Index >= Definition->getNumParams())
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return;
  const ParmVarDecl &Param = *Definition->getParamDecl(Index);
  const SourceManager &SM = *Result.SourceManager;
  if (!Param.getType()->isPointerType() ||
      SM.isInSystemHeader(SM.getFileLoc(Definition->getLocation())) ||
      !Analyzed.insert(&Param).second)
    return;
  ASTContext &Ctx = *Result.Context;
  const std::optional<ownership::HandleEvents> Events = ownership::collectEvents(
      Param, *Definition->getBody(), Ctx, Functions, &Acquisition);
  if (!Events)
    return;
  const std::optional<std::vector<ownership::Leak>> Leaks = ownership::findLeaks(
      *Events, Definition, *Definition->getBody(), Ctx, Functions);
  if (!Leaks || Leaks->empty())
    return;
  const ownership::Leak &Leak = Leaks->front();
  const FunctionDecl &Acquire = *Acquisition.getDirectCallee();
  const std::string Release = releaseFor(Acquire);
  const auto *Thrower = dyn_cast_or_null<CallExpr>(Leak.Where);
  const FunctionDecl *ThrowerDecl =
      Thrower ? Thrower->getDirectCallee() : nullptr;
  const SourceLocation Loc = SM.getFileLoc(
      Leak.Where ? Leak.Where->getBeginLoc() : Definition->getBodyRBrace());
  if (isInMacroBody(Loc, SM))
    return;
  if (ThrowerDecl)
    diag(Loc, "handle parameter '%0', which callers pass straight from "
              "'%1', leaks when '%2' throws before the handle is handed "
              "over; own it first (a 'std::unique_ptr'%3) so that the "
              "exception releases it")
        << Param.getName() << Acquire.getName() << ThrowerDecl->getName()
        << (Release == DeleteRelease
                ? std::string()
                : " with '" + Release + "' as its deleter")
        << Thrower->getSourceRange();
  else
    diag(Loc, "handle parameter '%0', which callers pass straight from "
              "'%1', is not released on this path: it leaks each time the "
              "path runs; %2 or hand it over")
        << Param.getName() << Acquire.getName() << releaseWords(Release, "it");
  diag(SM.getFileLoc(Acquisition.getBeginLoc()),
       "a caller passes the handle from '%0' to '%1' here, and so cannot "
       "release it",
       DiagnosticIDs::Note)
      << Acquire.getName() << Definition->getName();
}

void UnreleasedHandleCheck::checkDiscarded(
    const CallExpr &Call, const MatchFinder::MatchResult &Result) {
  const FunctionDecl &Callee = *Call.getDirectCallee();
  // 'curl_slist_append(list, ...)' extends a list it is given: the result is
  // that list again.
  const QualType Handle = Callee.getReturnType().getCanonicalType();
  if (llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
        return Arg->getType().getCanonicalType() == Handle;
      }))
    return;
  diag(Result.SourceManager->getFileLoc(Call.getBeginLoc()),
       "handle returned by '%0' is discarded: it can never be released and "
       "leaks each time this code runs; store it and %1")
      << Callee.getName() << releaseWords(releaseFor(Callee), "it")
      << Call.getSourceRange();
}

void UnreleasedHandleCheck::checkVariable(
    const VarDecl &Var, const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (Var.getLocation().isMacroID())
    return;
  const auto [Function, Body] = ownership::enclosingFunction(Var, Ctx);
  if (!Body || (Function && Function->isTemplated()))
    return;
  const std::optional<ownership::HandleEvents> Events =
      ownership::collectEvents(Var, *Body, Ctx, Functions);
  if (!Events)
    return;
  const std::optional<std::vector<ownership::Leak>> Leaks =
      ownership::findLeaks(*Events, Function, *Body, Ctx, Functions);
  if (!Leaks)
    return;
  for (const ownership::Leak &Leak : *Leaks) {
    const CallExpr &Acquisition = *Leak.Acquisition;
    if (isInMacroBody(Acquisition.getBeginLoc(), SM))
      continue;
    const FunctionDecl &Acquire = *Acquisition.getDirectCallee();
    const std::string Release = releaseFor(Acquire);
    const SourceLocation Loc = SM.getFileLoc(Acquisition.getBeginLoc());
    if (Leak.Overwritten) {
      auto Diag = diag(Loc, "handle '%0' acquired by '%1' is acquired again "
                            "before it is released: every earlier handle "
                            "leaks; %2 before acquiring the next one")
                  << Var.getName() << Acquire.getName() << releaseVerb(Release)
                  << Acquisition.getSourceRange();
      addFixIt(Diag, *Events, Release, Ctx);
    } else {
      const std::string Pointee =
          Var.getType()->getPointeeType().getUnqualifiedType().getAsString(
              Ctx.getPrintingPolicy());
      // A release that needs more than the handle ('mongoc_client_pool_push'
      // takes the pool too) cannot be a unique_ptr's deleter.
      const bool Deleter = Release == DeleteRelease ||
                           !takesMoreThanHandle(Release, Ctx);
      auto Diag = diag(Loc, "handle '%0' acquired by '%1' is not released "
                            "on every path: it leaks each time such a path "
                            "runs; %2 on every path%select{| or own it with "
                            "'%4'}3")
                  << Var.getName() << Acquire.getName()
                  << releaseVerb(Release) << Deleter
                  << ownerType(Release, Pointee)
                  << Acquisition.getSourceRange();
      addFixIt(Diag, *Events, Release, Ctx);
    }
    if (Leak.Overwritten)
      diag(SM.getFileLoc(Leak.Where->getBeginLoc()),
           "'%0' receives a new handle here while the previous one is still "
           "held",
           DiagnosticIDs::Note)
          << Var.getName();
    else if (const auto *Thrower = dyn_cast_or_null<CallExpr>(Leak.Where);
             Thrower && Thrower->getDirectCallee())
      diag(SM.getFileLoc(Thrower->getBeginLoc()),
           "'%0' leaks when '%1' throws here: it throws out of this function",
           DiagnosticIDs::Note)
          << Var.getName() << Thrower->getDirectCallee()->getName();
    else if (Leak.Where)
      diag(SM.getFileLoc(Leak.Where->getBeginLoc()),
           isa<CXXThrowExpr>(Leak.Where)
               ? "'%0' leaks when the exception thrown here leaves the function"
               : "'%0' leaks when the function returns here",
           DiagnosticIDs::Note)
          << Var.getName();
    else if (const auto *Block = dyn_cast<CompoundStmt>(Body))
      diag(SM.getFileLoc(Block->getRBracLoc()),
           "'%0' leaks at the end of the function", DiagnosticIDs::Note)
          << Var.getName();
  }
}

void UnreleasedHandleCheck::addFixIt(DiagnosticBuilder &Diag,
                                     const ownership::HandleEvents &Events,
                                     const std::string &Release,
                                     ASTContext &Ctx) {
  // Only 'T *x = acquire(...);', one acquisition, every use local and plain,
  // every release a statement of its own: then a unique_ptr owning 'x'
  // releases it exactly where it goes out of scope.
  const VarDecl &Var = *Events.Var;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LangOpts = Ctx.getLangOpts();
  if (Events.Acquisitions.size() != 1 || !Var.getInit() ||
      Var.getInit()->IgnoreImplicit()->IgnoreParenCasts() !=
          Events.Acquisitions.front() ||
      Release.empty() || Var.getType()->getPointeeType()->isVoidType() ||
      (Release != DeleteRelease && takesMoreThanHandle(Release, Ctx)) ||
      !fixits::isDeclared("std::unique_ptr", Ctx) ||
      (Release != DeleteRelease && !fixits::isDeclared(Release, Ctx)))
    return;
  const auto *Declaration = dyn_cast_or_null<DeclStmt>([&]() -> const Stmt * {
    TraversalKindScope AsIs(Ctx, TK_AsIs);
    const DynTypedNodeList Parents = parentsOf(Var, Ctx);
    return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
  }());
  if (!Declaration || !Declaration->isSingleDecl() ||
      !isa_and_nonnull<CompoundStmt>(parentStmt(*Declaration, Ctx)))
    return;

  std::vector<FixItHint> Hints;
  const std::string Pointee =
      Var.getType()->getPointeeType().getUnqualifiedType().getAsString(
          Ctx.getPrintingPolicy());
  const std::optional<std::string> Init =
      fixits::sourceText(Var.getInit()->getSourceRange(), SM, LangOpts);
  if (!Init)
    return;
  const std::optional<FixItHint> Declare = fixits::replaceRange(
      SourceRange(Var.getBeginLoc(), Var.getEndLoc()),
      ownerType(Release, Pointee) + " " + Var.getName().str() + "(" + *Init +
          (Release == DeleteRelease ? ")" : ", &" + Release + ")"),
      SM);
  if (!Declare)
    return;
  Hints.push_back(*Declare);
  for (const ownership::Reference &Ref : Events.References) {
    std::optional<FixItHint> Hint;
    switch (Ref.Kind) {
    case ownership::RefKind::ArrowBase:
      continue;
    case ownership::RefKind::Use:
      Hint = fixits::replaceRange(Ref.Ref->getSourceRange(),
                                  Var.getName().str() + ".get()", SM);
      break;
    case ownership::RefKind::Release:
      if (!isa_and_nonnull<CompoundStmt>(parentStmt(*Ref.At, Ctx)) ||
          (isa<CallExpr>(Ref.At) && cast<CallExpr>(Ref.At)->getNumArgs() != 1))
        return;
      Hint = fixits::removeStatement(*Ref.At, SM, LangOpts);
      break;
    default:
      return;
    }
    if (!Hint)
      return;
    Hints.push_back(*Hint);
  }
  for (const FixItHint &Hint : Hints)
    Diag << Hint;
}

} // namespace clang::tidy::leak
