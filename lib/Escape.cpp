//===-- Escape.cpp - does a callable outlive the current function? --------===//

#include "Escape.h"
#include "Catalog.h"
#include "Context.h"
#include "EscapeWalk.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace clang::tidy::leak::escape {

static std::vector<std::string> toStrings(llvm::ArrayRef<llvm::StringRef> List) {
  return {List.begin(), List.end()};
}

Knowledge Knowledge::fromCatalog() {
  Knowledge K;
  K.Sinks = toStrings(catalog::escapingSinks());
  K.SinkPatterns = toStrings(catalog::escapingSinkPatterns());
  K.ThreadTypes = toStrings(catalog::threadTypes());
  K.JoiningThreadTypes = toStrings(catalog::joiningThreadTypes());
  K.ThreadDetachMethods = toStrings(catalog::threadDetachMethods());
  K.ThreadJoinMethods = toStrings(catalog::threadJoinMethods());
  K.OwnerTypes = toStrings(catalog::callableOwnerTypes());
  K.WrapperTypes = toStrings(catalog::callableWrapperTypes());
  K.NonStoringCallees = toStrings(catalog::nonStoringCallees());
  K.InsertMethods = toStrings(catalog::containerInsertMethods());
  K.PassThroughFunctions = toStrings(catalog::callablePassThroughFunctions());
  for (llvm::StringRef Bind : catalog::bindFunctions())
    K.PassThroughFunctions.push_back(Bind.str());
  K.FutureTypes = toStrings(catalog::futureTypes());
  K.BlockingFutureSpawners = toStrings(catalog::blockingFutureSpawners());
  K.FutureJoinMethods = toStrings(catalog::futureJoinMethods());
  K.SignalTypes = toStrings(catalog::completionSignalTypes());
  K.SignalWaitMethods = toStrings(catalog::completionWaitMethods());
  return K;
}

static llvm::StringSet<> identifierSet(llvm::ArrayRef<std::string> List) {
  llvm::StringSet<> Set;
  for (const std::string &Item : List)
    Set.insert(Item);
  return Set;
}

Analysis::Sets::Sets(const Knowledge &K)
    : Sinks(K.Sinks), ThreadTypes(K.ThreadTypes),
      JoiningThreadTypes(K.JoiningThreadTypes), OwnerTypes(K.OwnerTypes),
      WrapperTypes(K.WrapperTypes), NonStoring(K.NonStoringCallees),
      PassThrough(K.PassThroughFunctions), FutureTypes(K.FutureTypes),
      BlockingSpawners(K.BlockingFutureSpawners), SignalTypes(K.SignalTypes),
      DetachMethods(identifierSet(K.ThreadDetachMethods)),
      JoinMethods(identifierSet(K.ThreadJoinMethods)),
      InsertMethods(identifierSet(K.InsertMethods)),
      FutureJoinMethods(identifierSet(K.FutureJoinMethods)),
      SignalWaitMethods(identifierSet(K.SignalWaitMethods)) {
  for (const std::string &Pattern : K.SinkPatterns) {
    llvm::Regex Regex(Pattern);
    std::string Error;
    if (Regex.isValid(Error))
      SinkPatterns.push_back(std::move(Regex));
  }
}

Analysis::Analysis(const Knowledge &K) : Names(std::make_unique<Sets>(K)) {}
Analysis::~Analysis() = default;

bool Analysis::isSink(const FunctionDecl &F) const {
  if (Names->Sinks.contains(F))
    return true;
  if (Names->SinkPatterns.empty())
    return false;
  const std::string Name = "::" + qualifiedName(F);
  return llvm::any_of(Names->SinkPatterns,
                      [&](const llvm::Regex &Pattern) { return Pattern.match(Name); });
}

//===----------------------------------------------------------------------===//
// Names for messages
//===----------------------------------------------------------------------===//

const Decl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  TraversalKindScope Scope(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(S);
  for (unsigned Guard = 0; Guard < 512; ++Guard) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    const DynTypedNode *Next = nullptr;
    for (const DynTypedNode &Parent : Parents) {
      if (const auto *Lambda = Parent.get<LambdaExpr>())
        if (Node.get<Stmt>() == Lambda->getBody())
          return Lambda->getCallOperator();
      if (const auto *Function = Parent.get<FunctionDecl>())
        return Function;
      if (const auto *Block = Parent.get<BlockDecl>())
        return Block;
      if (!Next)
        Next = &Parent;
    }
    Node = *Next;
  }
  return nullptr;
}

static bool isLambdaOperator(const Decl *D) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(D);
  return Method && Method->getParent()->isLambda();
}

std::string describeFunction(const Decl *Function) {
  if (!Function || isLambdaOperator(Function))
    return "the enclosing lambda";
  if (const auto *Named = dyn_cast<FunctionDecl>(Function))
    return "'" + Named->getNameAsString() + "'";
  return "the enclosing block";
}

std::string calleeName(const FunctionDecl &F) {
  if (isa<CXXMethodDecl>(&F)) {
    // Member functions by their classes only: 'basic_waitable_timer::async_wait'.
    std::string Name = F.getNameAsString();
    for (const DeclContext *Ctx = F.getDeclContext(); Ctx; Ctx = Ctx->getParent()) {
      const auto *Record = dyn_cast<RecordDecl>(Ctx);
      if (!Record || !Record->getIdentifier())
        break;
      Name = (Record->getName() + "::" + Name).str();
    }
    return Name;
  }
  std::string Name = qualifiedName(F);
  return Name.empty() ? F.getNameAsString() : Name;
}

static std::string writtenText(const Expr &E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E.getSourceRange());
  Range = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  if (Range.isInvalid())
    return "an outside object";
  std::string Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
  if (Text.empty() || Text.size() > 60 || Text.find('\n') != std::string::npos)
    return "an outside object";
  return "'" + Text + "'";
}

//===----------------------------------------------------------------------===//
// The walk
//===----------------------------------------------------------------------===//

constexpr unsigned MaxDepth = 12;

bool isTransparent(const Stmt &P) {
  if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, ExprWithCleanups, ConstantExpr,
          CXXFunctionalCastExpr, InitListExpr, CXXStdInitializerListExpr,
          ParenListExpr, AbstractConditionalOperator>(P))
    return true;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(&P))
    return !Cast->getTypeAsWritten()->isVoidType();
  return false;
}

const Expr *stripped(const Expr *E) {
  return E ? ignoreTemporaries(E)->IgnoreParenImpCasts() : nullptr;
}

std::optional<Result> Walker::flow(const Expr &Start, Holder Kind,
                                   std::vector<Step> Path, unsigned Depth) {
  if (Depth > MaxDepth)
    return unknown();
  const Stmt *Cur = &Start;
  for (unsigned Guard = 0; Guard < 128; ++Guard) {
    DynTypedNodeList Parents = parentsOf(*Cur, Ctx);
    if (Parents.empty())
      return unknown();
    if (Parents.size() > 1) {
      // The operand of co_await is also the argument of the promise's
      // await_transform: either way, it is awaited here.
      if (isAwaited(*cast<Expr>(Cur)))
        return contained(Route::Awaited);
      return unknown();
    }
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Var = Parent.get<VarDecl>())
      return intoVariable(*Var, Kind, std::move(Path), Depth);
    // A constructor's member initializer (the parent map may give the
    // initializer or the constructor itself).
    const CXXCtorInitializer *Init = Parent.get<CXXCtorInitializer>();
    if (const auto *Ctor = Parent.get<CXXConstructorDecl>())
      for (const CXXCtorInitializer *Candidate : Ctor->inits())
        if (Candidate->getInit() == Cur)
          Init = Candidate;
    if (Init) {
      if (!Init->isAnyMemberInitializer())
        return unknown();
      const FieldDecl *Field = Init->getAnyMember();
      Result R = escape(Route::StoredInMember, std::move(Path),
                        Init->getSourceLocation(),
                        the() + " is stored in member '" +
                            Field->getNameAsString() + "' here",
                        "is stored in member '" + Field->getNameAsString() + "'");
      R.StoredIn = Field;
      return R;
    }
    const auto *P = Parent.get<Stmt>();
    if (!P)
      return unknown();

    if (isTransparent(*P)) {
      Cur = P;
      continue;
    }
    if (isa<CoroutineSuspendExpr>(P))
      return contained(Route::Awaited);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      const QualType Type = Construct->getType();
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      const bool Joining = isTypeNamed(Type, S.JoiningThreadTypes, true);
      if (Kind == Holder::Callable &&
          (Joining || isTypeNamed(Type, S.ThreadTypes, true))) {
        const std::string TypeName =
            Ctor ? qualifiedName(*Ctor->getParent()) : "thread";
        Path.push_back({Construct->getBeginLoc(),
                        the() + " runs on the '" + TypeName + "' started here"});
        std::optional<Result> R =
            flow(*Construct, Joining ? Holder::JoiningThread : Holder::Thread,
                 std::move(Path), Depth + 1);
        if (R && R->escapes()) {
          R->OnThread = true;
          if (R->Way != Route::DetachedThread)
            R->Summary = "runs on a thread that " + R->Summary;
        }
        return R;
      }
      const bool CopyOrMove = Ctor && Ctor->isCopyOrMoveConstructor();
      const auto *Record = recordOf(Type);
      const auto *Class = dyn_cast_or_null<CXXRecordDecl>(Record);
      if (CopyOrMove || (Class && Class->isLambda()) ||
          isTypeNamed(Type, S.WrapperTypes, true)) {
        Cur = P;
        continue;
      }
      return unknown(Route::UnknownCallee);
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(P)) {
      // Captured by another lambda (an explicit or implicit capture): it goes
      // wherever that lambda goes.
      if (Cur == Lambda->getBody())
        return unknown();
      Path.push_back({Cur->getBeginLoc(),
                      the() + " is captured by another lambda here"});
      return flow(*Lambda, Holder::Callable, std::move(Path), Depth + 1);
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      DynTypedNodeList Up = parentsOf(*Member, Ctx);
      if (Up.size() == 1)
        if (const auto *Call = Up[0].get<CXXMemberCallExpr>())
          if (Call->getCallee() == Member)
            return memberCall(*Call, Kind, std::move(Path), Depth);
      return std::nullopt; // A field of the value is read.
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0 &&
          Op->getArg(0) == Cur)
        return contained(Route::Called);
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        if (Op->getArg(1) == Cur)
          return store(*Op->getArg(0), *Op, Kind, std::move(Path), Depth, false);
        return std::nullopt; // The value is overwritten.
      }
      if (Op->isComparisonOp() || Op->getOperator() == OO_Exclaim)
        return std::nullopt;
      return argument(*Op, *cast<Expr>(Cur), Kind, std::move(Path), Depth);
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (Call->getCallee() == Cur)
        return contained(Route::Called);
      return argument(*Call, *cast<Expr>(Cur), Kind, std::move(Path), Depth);
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
      if (Binary->getOpcode() == BO_Assign && Binary->getRHS() == Cur)
        return store(*Binary->getLHS(), *Binary, Kind, std::move(Path), Depth,
                     false);
      if (Binary->getOpcode() == BO_Comma && Binary->getRHS() == Cur) {
        Cur = P;
        continue;
      }
      if (Binary->getOpcode() == BO_Comma)
        return discarded(*cast<Expr>(Cur), Kind, std::move(Path));
      return std::nullopt;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(P)) {
      const Decl *Function = enclosingFunction(*Return, Ctx);
      Result R = escape(Route::Returned, std::move(Path), Return->getBeginLoc(),
                        the(Kind) + " is returned here",
                        "is returned from " + describeFunction(Function));
      R.ReturnedFrom = Function;
      return R;
    }
    if (isa<CoreturnStmt>(P))
      return unknown();
    if (!isa<Expr>(P)) {
      if (classifyValueUse(*cast<Expr>(Cur), Ctx) != ValueUse::Used)
        return discarded(*cast<Expr>(Cur), Kind, std::move(Path));
      return std::nullopt; // A condition or a range: read, not kept.
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
      if (Unary->getOpcode() == UO_LNot)
        return std::nullopt;
    }
    return unknown();
  }
  return unknown();
}

Result Walker::discarded(const Expr &E, Holder Kind, std::vector<Step> Path) {
  switch (Kind) {
  case Holder::Thread:
    return unknown(); // Destroying a joinable thread terminates the program.
  case Holder::Future:
    return escape(Route::UnjoinedTask, std::move(Path), E.getBeginLoc(),
                  "the task is discarded here: nothing waits for it",
                  "runs as a task nobody waits for");
  case Holder::JoiningThread:
  case Holder::BlockingFuture:
    return contained(Route::Joined);
  case Holder::Callable:
  case Holder::Container:
    return contained(Route::LocalScope);
  }
  return unknown();
}

std::optional<Result> Walker::intoVariable(const VarDecl &Var, Holder Kind,
                                           std::vector<Step> Path,
                                           unsigned Depth) {
  if (Var.isInitCapture()) {
    for (const DynTypedNode &Parent : parentsOf(Var, Ctx))
      if (const auto *Lambda = Parent.get<LambdaExpr>()) {
        Path.push_back({Var.getLocation(),
                        the() + " is captured by another lambda here"});
        return flow(*Lambda, Holder::Callable, std::move(Path), Depth + 1);
      }
    return unknown();
  }
  if (isa<ParmVarDecl>(Var))
    return unknown(); // A default argument.
  if (Var.hasGlobalStorage()) {
    const std::string Name = Var.getNameAsString();
    const bool Static = Var.isStaticLocal();
    const std::string What =
        Static ? "static '" + Name + "'"
               : (Var.isStaticDataMember() ? "static member '" : "global '") +
                     Name + "'";
    Result R = escape(Static ? Route::StoredInStatic : Route::StoredInGlobal,
                      std::move(Path), Var.getLocation(),
                      the(Kind) + " is stored in " + What + " here",
                      "is stored in " + What);
    R.StoredIn = &Var;
    return R;
  }
  return trackVariable(Var, Kind, Path, Depth);
}

void collectUses(const Stmt *S, const VarDecl &Var,
                 std::vector<const DeclRefExpr *> &Uses) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == &Var)
      Uses.push_back(Ref);
  for (const Stmt *Child : S->children())
    collectUses(Child, Var, Uses);
}

const Stmt *bodyOf(const VarDecl &Var) {
  const DeclContext *Context = Var.getParentFunctionOrMethod();
  if (!Context)
    return nullptr;
  if (const auto *Function = dyn_cast<FunctionDecl>(Context))
    return Function->getBody();
  if (const auto *Block = dyn_cast<BlockDecl>(Context))
    return Block->getBody();
  return nullptr;
}

std::optional<Result> Walker::trackVariable(const VarDecl &Var, Holder Kind,
                                            const std::vector<Step> &Path,
                                            unsigned Depth) {
  if (Depth > MaxDepth)
    return unknown();
  const auto Key = std::make_pair(static_cast<const void *>(&Var),
                                  static_cast<unsigned>(Kind));
  if (!Visiting.insert(Key).second)
    return std::nullopt;
  std::vector<const DeclRefExpr *> Uses;
  collectUses(bodyOf(Var), Var, Uses);
  bool Joined = false;
  bool Unknown = false;
  for (const DeclRefExpr *Use : Uses) {
    std::optional<Result> R = flow(*Use, Kind, Path, Depth + 1);
    if (!R)
      continue;
    if (R->escapes()) {
      Visiting.erase(Key);
      return R;
    }
    if (R->Answer == Verdict::Unknown)
      Unknown = true;
    else if (R->Way == Route::Joined || R->Way == Route::Awaited ||
             R->Way == Route::Synchronized)
      Joined = true;
  }
  Visiting.erase(Key);
  if (Joined)
    return contained(Route::Joined);
  if (Unknown)
    return unknown();
  switch (Kind) {
  case Holder::Thread:
    return unknown(); // Neither joined nor detached.
  case Holder::Future:
    return escape(Route::UnjoinedTask, Path, Var.getLocation(),
                  "the task held in '" + Var.getNameAsString() +
                      "' is never waited for",
                  "runs as a task nobody waits for");
  default:
    return contained(Route::LocalScope);
  }
}

Storage Walker::classify(const Expr *E, bool Indirect, unsigned Depth) {
  Storage Result;
  if (!E || Depth > 8)
    return Result;
  E = stripped(E);
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = stripped(Member->getBase());
    if (isa<CXXThisExpr>(Base)) {
      Result.Where = Indirect ? Storage::Object : Storage::Member;
      Result.Decl = Member->getMemberDecl();
      return Result;
    }
    Storage Inner = classify(Base, Indirect || Member->isArrow(), Depth + 1);
    if (Inner.Where == Storage::Member)
      Inner.Decl = Inner.Decl ? Inner.Decl : Member->getMemberDecl();
    return Inner;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return classify(Subscript->getBase(),
                    Indirect || Subscript->getBase()->getType()->isPointerType(),
                    Depth + 1);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return Result;
    const OverloadedOperatorKind Kind = Op->getOperator();
    if (Kind == OO_Subscript)
      return classify(Op->getArg(0), Indirect, Depth + 1);
    if (Kind == OO_Star || Kind == OO_Arrow)
      return classify(Op->getArg(0), true, Depth + 1);
    return Result;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return classify(Call->getImplicitObjectArgument(), Indirect, Depth + 1);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_Deref)
      return classify(Unary->getSubExpr(), true, Depth + 1);
    if (Unary->getOpcode() == UO_AddrOf)
      return classify(Unary->getSubExpr(), Indirect, Depth + 1);
    return Result;
  }
  if (isa<CXXThisExpr>(E)) {
    Result.Where = Storage::Member;
    return Result;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return Result;
  if (Var->hasGlobalStorage()) {
    Result.Where = Var->isStaticLocal() ? Storage::Static : Storage::Global;
    Result.Decl = Var;
    return Result;
  }
  const QualType Type = Var->getType();
  const bool Owned = !isa<ParmVarDecl>(Var) && Var->getInit();
  if (Type->isReferenceType()) {
    if (Owned)
      return classify(Var->getInit(), Indirect, Depth + 1);
    Result.Where = Storage::Object;
    return Result;
  }
  if (Indirect && Type->isPointerType()) {
    const auto *Address =
        Owned ? dyn_cast<UnaryOperator>(stripped(Var->getInit())) : nullptr;
    if (Address && Address->getOpcode() == UO_AddrOf)
      return classify(Address->getSubExpr(), false, Depth + 1);
    Result.Where = Storage::Object;
    return Result;
  }
  Result.Where = Indirect ? Storage::Object : Storage::Local;
  Result.Var = Var;
  return Result;
}

std::optional<Result> Walker::store(const Expr &Target, const Stmt &At,
                                    Holder Kind, std::vector<Step> Path,
                                    unsigned Depth, bool Insertion) {
  const Storage Where = classify(&Target, false, 0);
  const SourceLocation Loc = At.getBeginLoc();
  const std::string Verb = Insertion ? " is added to " : " is stored in ";
  auto Named = [&](const ValueDecl *Decl, llvm::StringRef Kind) {
    return Decl ? (Kind + " '" + Decl->getNameAsString() + "'").str()
                : writtenText(Target, Ctx);
  };
  switch (Where.Where) {
  case Storage::Member: {
    const std::string What = Named(Where.Decl, "member");
    Result R = escape(Route::StoredInMember, std::move(Path), Loc,
                      the(Kind) + Verb + What + " here", Verb.substr(1) + What);
    R.StoredIn = Where.Decl;
    return R;
  }
  case Storage::Global:
  case Storage::Static: {
    const bool Static = Where.Where == Storage::Static;
    const std::string What = Named(Where.Decl, Static ? "static" : "global");
    Result R = escape(Static ? Route::StoredInStatic : Route::StoredInGlobal,
                      std::move(Path), Loc, the(Kind) + Verb + What + " here",
                      Verb.substr(1) + What);
    R.StoredIn = Where.Decl;
    return R;
  }
  case Storage::Object: {
    const std::string What = writtenText(Target, Ctx);
    return escape(Route::StoredInObject, std::move(Path), Loc,
                  the(Kind) + Verb + What +
                      " here, an object that outlives this function",
                  Verb.substr(1) + What);
  }
  case Storage::Local: {
    const bool Direct = isa<DeclRefExpr>(stripped(&Target)) && !Insertion;
    return trackVariable(*Where.Var, Direct ? Kind : Holder::Container, Path,
                         Depth + 1);
  }
  case Storage::Unknown:
    break;
  }
  return unknown();
}

Result Analysis::analyze(const Expr &Callable, ASTContext &Ctx,
                         llvm::StringRef Noun) const {
  TraversalKindScope Scope(Ctx, TK_AsIs);
  Walker W(*this, *Names, Ctx, Noun);
  std::optional<Result> R = W.flow(Callable, Holder::Callable, {}, 0);
  if (!R) {
    Result Contained;
    Contained.Answer = Verdict::Contained;
    Contained.Way = Route::LocalScope;
    return Contained;
  }
  if (R->escapes() &&
      (R->Way == Route::DetachedThread || R->Way == Route::HandedToSink ||
       R->Way == Route::UnjoinedTask))
    if (const auto *Lambda = dyn_cast<LambdaExpr>(stripped(&Callable)))
      if (W.waitsForSignal(*Lambda, R->site())) {
        Result Contained;
        Contained.Answer = Verdict::Contained;
        Contained.Way = Route::Synchronized;
        return Contained;
      }
  return *R;
}

} // namespace clang::tidy::leak::escape
