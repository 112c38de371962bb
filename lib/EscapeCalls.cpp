//===-- EscapeCalls.cpp - what a call does with a callable ----------------===//

#include "EscapeWalk.h"
#include "Parents.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::leak::escape {

std::optional<Result> Walker::memberCall(const CXXMemberCallExpr &Call,
                                         Holder Kind, std::vector<Step> Path,
                                         unsigned Depth) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return std::nullopt;
  const llvm::StringRef Name = Method->getName();
  switch (Kind) {
  case Holder::Thread:
  case Holder::JoiningThread:
    if (S.DetachMethods.contains(Name))
      return escape(Route::DetachedThread, std::move(Path), Call.getExprLoc(),
                    "the thread is detached here: nothing waits for " + the() +
                        " to finish",
                    "runs on a detached thread");
    if (S.JoinMethods.contains(Name))
      return contained(Route::Joined);
    return std::nullopt;
  case Holder::Future:
  case Holder::BlockingFuture:
    if (Name == "then")
      return flow(Call, Holder::Future, std::move(Path), Depth + 1);
    if (S.FutureJoinMethods.contains(Name))
      return contained(Route::Joined);
    return std::nullopt;
  case Holder::Callable:
  case Holder::Container:
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Result> Walker::argument(const CallExpr &Call, const Expr &Arg,
                                       Holder Kind, std::vector<Step> Path,
                                       unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return unknown(Route::UnknownCallee);
  if (S.PassThrough.contains(*Callee))
    return flow(Call, Kind, std::move(Path), Depth + 1);
  if (S.NonStoring.contains(*Callee))
    return contained(Route::NonStoringCallee);
  if (A.isSink(*Callee) || S.BlockingSpawners.contains(*Callee))
    return sinkCall(Call, *Callee, Arg, std::move(Path), Depth);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        S.InsertMethods.contains(Method->getName()) &&
        Member->getImplicitObjectArgument())
      return store(*Member->getImplicitObjectArgument(), Call, Kind,
                   std::move(Path), Depth, true);
  }
  if (std::optional<Result> R =
          intoFunctionOfFile(Call, *Callee, Arg, Kind, Path, Depth))
    return R;
  return unknown(Route::UnknownCallee);
}

std::optional<Result> Walker::intoFunctionOfFile(const CallExpr &Call,
                                                 const FunctionDecl &Callee,
                                                 const Expr &Arg, Holder Kind,
                                                 const std::vector<Step> &Path,
                                                 unsigned Depth) {
  if (Kind != Holder::Callable || CalleeLevels >= MaxCalleeLevels ||
      isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->getBody())
    return std::nullopt;
  // Another override may run instead.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
      !Method->getParent()->hasAttr<FinalAttr>())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getFileLoc(Definition->getLocation())))
    return std::nullopt;
  unsigned Index = 0;
  while (Index < Call.getNumArgs() && Call.getArg(Index) != &Arg)
    ++Index;
  if (Index >= Call.getNumArgs() || Index >= Definition->getNumParams())
    return std::nullopt;
  const ParmVarDecl &Param = *Definition->getParamDecl(Index);
  const std::string Name = calleeName(Callee);
  std::vector<Step> Inside = Path;
  Inside.push_back({Call.getExprLoc(),
                    the(Kind) + " is passed to '" + Name + "' here"});
  ++CalleeLevels;
  std::optional<Result> R = trackVariable(Param, Kind, Inside, Depth + 1);
  --CalleeLevels;
  if (!R || R->Answer == Verdict::Unknown)
    return unknown(Route::UnknownCallee);
  if (R->Answer == Verdict::Contained)
    return contained(Route::NonStoringCallee);
  switch (R->Way) {
  case Route::StoredInMember: {
    // Kept by the object the function is called on: the callable outlives
    // this function when that object does.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
    const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
    if (!Object)
      return unknown(Route::UnknownCallee);
    // A member function of this very object: the member is one of ours.
    if (isa<CXXThisExpr>(stripped(Object)))
      return R;
    // The steps go on from where the function stores it.
    std::vector<Step> Kept = std::move(R->Steps);
    return store(*Object, Call, Kind, std::move(Kept), Depth, true);
  }
  case Route::StoredInObject:
    // An object the function was given: whose it is is not followed.
    return unknown(Route::UnknownCallee);
  case Route::Returned:
    // The function hands it back: the call's value is the callable.
    return flow(Call, Kind, Path, Depth + 1);
  default:
    return R;
  }
}

bool Walker::isAwaited(const Expr &E) {
  const Stmt *Cur = &E;
  for (unsigned Guard = 0; Guard < 16; ++Guard) {
    DynTypedNodeList Parents = parentsOf(*Cur, Ctx);
    if (Parents.empty())
      return false;
    const Stmt *Next = nullptr;
    for (const DynTypedNode &Parent : Parents) {
      const auto *P = Parent.get<Stmt>();
      if (!P)
        continue;
      if (isa<CoroutineSuspendExpr>(P))
        return true;
      // The promise's await_transform(operand) inside a co_await.
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(P)) {
        const CXXMethodDecl *Method = Call->getMethodDecl();
        if (Method && Method->getIdentifier() &&
            Method->getName() == "await_transform")
          return true;
      }
      if (!Next && (isTransparent(*P) || isa<OpaqueValueExpr>(P)))
        Next = P;
    }
    if (!Next)
      return false;
    Cur = Next;
  }
  return false;
}

std::optional<Result> Walker::sinkCall(const CallExpr &Call,
                                       const FunctionDecl &Callee,
                                       const Expr &Arg, std::vector<Step> Path,
                                       unsigned Depth) {
  const Expr *Target = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Target = Member->getImplicitObjectArgument();
  else if (Call.getNumArgs() > 0 && Call.getArg(0) != &Arg &&
           !isa<CXXOperatorCallExpr>(Call))
    Target = Call.getArg(0);
  if (isAwaited(Call))
    return contained(Route::Awaited);
  if (Target && boundByLocalOwner(Target, 0))
    return contained(Route::LocalOwner);

  const std::string Name = calleeName(Callee);
  const SourceLocation Loc =
      Call.getExprLoc().isValid() ? Call.getExprLoc() : Call.getBeginLoc();
  if (isTypeNamed(Call.getType(), S.FutureTypes, true)) {
    const bool Blocking = S.BlockingSpawners.contains(Callee);
    Path.push_back({Loc, the() + " is handed to '" + Name + "' here"});
    std::optional<Result> R =
        flow(Call, Blocking ? Holder::BlockingFuture : Holder::Future,
             std::move(Path), Depth + 1);
    if (!R)
      return contained(Route::Joined);
    if (R->escapes()) {
      if (!R->Sink) {
        R->Sink = &Callee;
        R->SinkTarget = Target;
        R->SinkCall = &Call;
      }
      if (R->Way == Route::UnjoinedTask)
        R->Summary = "is handed to '" + Name + "' and never waited for";
      else if (Blocking)
        R->Summary = "runs under '" + Name + "' whose future " + R->Summary;
      else
        R->Summary = "runs as a task of '" + Name + "' that " + R->Summary;
    }
    return R;
  }
  Result R = escape(Route::HandedToSink, std::move(Path), Loc,
                    the() + " is handed to '" + Name +
                        "' here, which keeps it after returning",
                    "is handed to '" + Name + "'");
  R.Sink = &Callee;
  R.SinkTarget = Target;
  R.SinkCall = &Call;
  return R;
}

bool Walker::boundByLocalOwner(const Expr *E, unsigned Depth) {
  if (!E || Depth > 4)
    return false;
  E = stripped(E);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return boundByLocalOwner(Call->getImplicitObjectArgument(), Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() > 0 &&
           boundByLocalOwner(Construct->getArg(0), Depth + 1);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_AddrOf &&
           boundByLocalOwner(Unary->getSubExpr(), Depth + 1);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
    return false;
  const QualType Type = Var->getType();
  if (Type->isReferenceType() || Type->isPointerType())
    return Var->getInit() && boundByLocalOwner(Var->getInit(), Depth + 1);
  if (isTypeNamed(Type, S.OwnerTypes, true))
    return true;
  return Var->getInit() && boundByLocalOwner(Var->getInit(), Depth + 1);
}

bool Walker::waitsForSignal(const LambdaExpr &Lambda, SourceLocation Site) {
  const SourceManager &SM = Ctx.getSourceManager();
  const SourceRange LambdaRange = Lambda.getSourceRange();
  auto Inside = [&](SourceLocation Loc) {
    return !SM.isBeforeInTranslationUnit(Loc, LambdaRange.getBegin()) &&
           !SM.isBeforeInTranslationUnit(LambdaRange.getEnd(), Loc);
  };
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (!Capture.capturesVariable())
      continue;
    const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (Var && Var->isInitCapture())
      if (const auto *Ref =
              dyn_cast_or_null<DeclRefExpr>(stripped(Var->getInit())))
        Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Init = Var ? stripped(Var->getInit()) : nullptr)
      if (const auto *Call = dyn_cast<CallExpr>(Init))
        if (Call->getNumArgs() == 1 && Call->getDirectCallee() &&
            S.PassThrough.contains(*Call->getDirectCallee()))
          if (const auto *Ref =
                  dyn_cast<DeclRefExpr>(stripped(Call->getArg(0))))
            Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() ||
        !isTypeNamed(Var->getType().getNonReferenceType(), S.SignalTypes, true))
      continue;
    std::vector<const DeclRefExpr *> Uses;
    collectUses(bodyOf(*Var), *Var, Uses);
    for (const DeclRefExpr *Use : Uses) {
      if (Inside(Use->getBeginLoc()))
        continue;
      DynTypedNodeList Parents = parentsOf(*Use, Ctx);
      const Stmt *Cur = Use;
      while (Parents.size() == 1 && Parents[0].get<ImplicitCastExpr>()) {
        Cur = Parents[0].get<Stmt>();
        Parents = parentsOf(*Cur, Ctx);
      }
      const auto *Member =
          Parents.size() == 1 ? Parents[0].get<MemberExpr>() : nullptr;
      if (!Member)
        continue;
      DynTypedNodeList Up = parentsOf(*Member, Ctx);
      const auto *Call =
          Up.size() == 1 ? Up[0].get<CXXMemberCallExpr>() : nullptr;
      const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
      if (!Method || !Method->getIdentifier())
        continue;
      if (S.SignalWaitMethods.contains(Method->getName()) &&
          SM.isBeforeInTranslationUnit(Site, Call->getBeginLoc()))
        return true;
      if (Method->getName() == "get_future") {
        std::optional<Result> Waited = flow(*Call, Holder::Future, {}, 0);
        if (Waited && Waited->Answer == Verdict::Contained)
          return true;
      }
    }
  }
  return false;
}

} // namespace clang::tidy::leak::escape
