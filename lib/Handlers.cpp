//===-- Handlers.cpp - does this code run once per request? ---------------===//

#include "Handlers.h"
#include "HandlerExprs.h"
#include "HandlerReasons.h"
#include "LazyInit.h"
#include "Parents.h"
#include "RequestData.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::leak::handlers {

namespace {

/// Deepest chain of calls followed from a handler to a helper.
constexpr unsigned MaxCallDepth = 6;
/// Deepest wrapping followed to find the callable given to a registration.
constexpr unsigned MaxCallableDepth = 4;

/// The function that identifies \p F in the index: the template pattern of an
/// instantiation, then its first declaration.
const FunctionDecl *normalize(const FunctionDecl *F) {
  if (!F)
    return nullptr;
  if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
    F = Pattern;
  return F->getCanonicalDecl();
}

/// True when \p Child of loop \p Loop runs on every iteration.
bool isIterationPart(const Stmt &Loop, const Stmt *Child) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return isSame(For->getBody(), Child) || isSame(For->getCond(), Child) ||
           isSame(For->getInc(), Child);
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return isSame(While->getBody(), Child) || isSame(While->getCond(), Child);
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return isSame(Do->getBody(), Child) || isSame(Do->getCond(), Child);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return isSame(Range->getBody(), Child);
  return false;
}

/// The expression \p E is an operand of, skipping wrappers around it.
const Stmt *valueParent(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  while (const Stmt *Parent = singleParentStmt(*Current, Ctx)) {
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups>(Parent)) {
      Current = Parent;
      continue;
    }
    return Parent;
  }
  return nullptr;
}

/// True when lambda \p Lambda runs where it is written: called right away
/// ('[&] { ... }()'), or stored in a local variable that is only ever called.
bool isInvokedInPlace(const LambdaExpr &Lambda, ASTContext &Ctx) {
  const Stmt *Parent = valueParent(Lambda, Ctx);
  if (const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
    return Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
           stripWrappers(Call->getArg(0)) == &Lambda;
  // 'auto Step = [&] { ... };' followed by calls 'Step()'.
  const Stmt *Current = &Lambda;
  DynTypedNodeList Parents = parentsOf(Lambda, Ctx);
  while (!Parents.empty() && Parents[0].get<Expr>() &&
         isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups, CXXConstructExpr>(
             Parents[0].get<Expr>())) {
    Current = Parents[0].get<Expr>();
    Parents = parentsOf(*Current, Ctx);
  }
  if (Parents.empty())
    return false;
  const auto *Var = Parents[0].get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || Var->isStaticLocal() ||
      !Var->getInit() || stripWrappers(Var->getInit()) != &Lambda)
    return false;
  const DeclContext *Owner = Var->getParentFunctionOrMethod();
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Owner);
  if (!Function || !Function->getBody())
    return false;
  // Every use of the variable must be a call.
  bool OnlyCalled = true;
  bool Called = false;
  llvm::SmallVector<const Stmt *, 32> Work{Function->getBody()};
  while (!Work.empty() && OnlyCalled) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var) {
      const Stmt *Use = valueParent(*Ref, Ctx);
      const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Use);
      if (Call && Call->getOperator() == OO_Call &&
          stripWrappers(Call->getArg(0)) == Ref)
        Called = true;
      else
        OnlyCalled = false;
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return OnlyCalled && Called;
}

} // namespace

llvm::StringRef Reason::unit() const {
  switch (Kind) {
  case RootKind::ItemLoop:
    return "item";
  case RootKind::MessageLoop:
    return "message";
  default:
    return "request";
  }
}

bool PerRequestPath::dependsOnRequest(const Expr &E) const {
  if (!RequestData)
    return false;
  if (!Outputs || Outputs->empty() || !SM)
    return mentionsAny(&E, *RequestData);
  const SourceLocation At = SM->getExpansionLoc(E.getBeginLoc());
  llvm::DenseSet<const ValueDecl *> Held;
  for (const ValueDecl *D : *RequestData) {
    const auto It = Outputs->find(D);
    if (It == Outputs->end() || SM->isBeforeInTranslationUnit(It->second, At))
      Held.insert(D);
  }
  return mentionsAny(&E, Held);
}

//===----------------------------------------------------------------------===//
// The index of one translation unit
//===----------------------------------------------------------------------===//

struct HandlerIndex::Impl {
  explicit Impl(const Config &C)
      : HandlerFunctions(C.HandlerFunctions),
        Registrations(C.RegistrationFunctions), BaseClasses(C.BaseClasses),
        RequestTypes(C.RequestTypes), ReplyMethods(C.ReplyMethods),
        PerCallTypes(C.PerCallTypes),
        Wrappers(C.CallableWrappers), MessageReads(C.MessageReadFunctions),
        SetupFunctions(C.SetupFunctions), PoolFunctions(C.PoolFunctions) {
    for (const std::string &Method : C.ContainerBoundMethods)
      BoundMethods.insert(Method);
  }

  struct CallSite {
    const CallExpr *Call;
    const FunctionDecl *Caller;
  };

  const RegexList HandlerFunctions;
  const NameList Registrations;
  const NameList BaseClasses;
  const NameList RequestTypes;
  const NameList ReplyMethods;
  const NameList PerCallTypes;
  const NameList Wrappers;
  const NameList MessageReads;
  const RegexList SetupFunctions;
  const RegexList PoolFunctions;
  llvm::StringSet<> BoundMethods;

  const ASTContext *Built = nullptr;
  llvm::DenseMap<const FunctionDecl *, Reason> Registered;
  llvm::DenseMap<const FunctionDecl *, std::vector<CallSite>> Callers;
  llvm::DenseMap<const FunctionDecl *, std::optional<Reason>> DirectCache;

  void build(ASTContext &Ctx);
  void noteCall(const CallExpr &Call, const FunctionDecl *Caller,
                ASTContext &Ctx);
  void collectCallables(const Expr *E, unsigned Depth,
                        llvm::SmallVectorImpl<const FunctionDecl *> &Out) const;
  std::optional<Reason> direct(const FunctionDecl &F, ASTContext &Ctx);
  bool excluded(const FunctionDecl &F) const;

  struct Place {
    const FunctionDecl *Function = nullptr;
    llvm::SmallVector<const Stmt *, 4> Loops;
    bool RunsOnce = false;
  };
  Place locate(const Stmt &S, ASTContext &Ctx);

  void paths(const Stmt &S, ASTContext &Ctx, unsigned Limit, unsigned Depth,
             llvm::SmallPtrSetImpl<const FunctionDecl *> &Visiting,
             std::vector<PerRequestPath> &Out);
};

namespace {

/// Walks the user code of a translation unit (system headers, implicit code
/// and template instantiations are skipped) and hands every call to the
/// index with the function it is in (a lambda's call operator for lambdas).
class IndexBuilder {
public:
  using Callback =
      llvm::function_ref<void(const CallExpr &, const FunctionDecl *)>;
  IndexBuilder(const SourceManager &SM, Callback OnCall)
      : SM(SM), OnCall(OnCall) {}

  void walkDecl(const Decl *D) {
    if (!D || (D->isImplicit() && !isa<TranslationUnitDecl>(D)))
      return;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
      walkDecl(Template->getTemplatedDecl());
      return;
    }
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
      walkDecl(Template->getTemplatedDecl());
      return;
    }
    if (const auto *Specialization =
            dyn_cast<ClassTemplateSpecializationDecl>(D);
        Specialization &&
        Specialization->getSpecializationKind() != TSK_ExplicitSpecialization)
      return; // An instantiation: its pattern is walked instead.
    if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      if (!Function->doesThisDeclarationHaveABody())
        return;
      if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function))
        for (const CXXCtorInitializer *Init : Constructor->inits())
          if (Init->isWritten())
            walkStmt(Init->getInit(), Function);
      walkStmt(Function->getBody(), Function);
      return;
    }
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      walkStmt(Var->getInit(), nullptr);
      return;
    }
    if (const auto *Context = dyn_cast<DeclContext>(D))
      for (const Decl *Member : Context->decls())
        walkDecl(Member);
  }

private:
  void walkStmt(const Stmt *S, const FunctionDecl *Caller) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      OnCall(*Call, Caller);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        walkStmt(Init, Caller);
      walkStmt(Lambda->getBody(), Lambda->getCallOperator());
      return;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      // Local classes and their member functions.
      for (const Decl *D : Decls->decls())
        if (!isa<VarDecl>(D))
          walkDecl(D);
    }
    for (const Stmt *Child : S->children())
      walkStmt(Child, Caller);
  }

  const SourceManager &SM;
  Callback OnCall;
};

} // namespace

void HandlerIndex::Impl::build(ASTContext &Ctx) {
  if (Built == &Ctx)
    return;
  Built = &Ctx;
  Registered.clear();
  Callers.clear();
  DirectCache.clear();
  auto OnCall = [&](const CallExpr &Call, const FunctionDecl *Caller) {
    noteCall(Call, Caller, Ctx);
  };
  IndexBuilder Builder(Ctx.getSourceManager(), OnCall);
  Builder.walkDecl(Ctx.getTranslationUnitDecl());
}

void HandlerIndex::Impl::collectCallables(
    const Expr *E, unsigned Depth,
    llvm::SmallVectorImpl<const FunctionDecl *> &Out) const {
  if (!E || Depth > MaxCallableDepth)
    return;
  E = stripWrappers(E);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(Function);
    else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
             Var && Var->hasLocalStorage() && Var->getInit())
      collectCallables(Var->getInit(), Depth + 1, Out); // A stored lambda.
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf)
      collectCallables(Unary->getSubExpr(), Depth + 1, Out);
    return;
  }
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    collectCallables(Cast->getSubExpr(), Depth + 1, Out);
    return;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    // A handler object built around the callable ('new Handler(lambda)').
    collectCallables(New->getInitializer(), Depth + 1, Out);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A converting constructor, such as std::function's from a lambda, or a
    // handler object built around the callable.
    for (const Expr *Arg : Construct->arguments())
      collectCallables(Arg, Depth + 1, Out);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Wrappers.contains(*Callee))
      for (const Expr *Arg : Call->arguments())
        collectCallables(Arg, Depth + 1, Out);
  }
}

void HandlerIndex::Impl::noteCall(const CallExpr &Call,
                                  const FunctionDecl *Caller, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (std::optional<llvm::StringRef> Entry = Registrations.match(*Callee)) {
    // The note points at the registering function's name ('server.Get'),
    // or at the handler when the registration is a call operator
    // ('CROW_ROUTE(app, "/")(handler)').
    const bool IsCallOperator = isa<CXXOperatorCallExpr>(Call);
    for (unsigned I = IsCallOperator ? 1 : 0; I < Call.getNumArgs(); ++I) {
      llvm::SmallVector<const FunctionDecl *, 2> Handlers;
      collectCallables(Call.getArg(I), 0, Handlers);
      for (const FunctionDecl *Handler : Handlers) {
        const FunctionDecl *Key = normalize(Handler);
        if (Registered.count(Key))
          continue;
        Reason R;
        R.Kind = RootKind::Registered;
        R.Loc = SM.getFileLoc(IsCallOperator ? Call.getArg(I)->getBeginLoc()
                                             : Call.getExprLoc());
        R.Function = Handler;
        R.Note = describeFunction(*Handler) +
                 " is a request handler: it is registered with '" +
                 qualifiedName(*Callee) + "' here";
        Registered.try_emplace(Key, std::move(R));
      }
    }
  }
  if (!Caller)
    return;
  const FunctionDecl *Target = normalize(Callee);
  if (!Target || SM.isInSystemHeader(SM.getExpansionLoc(Target->getLocation())))
    return;
  Callers[Target].push_back({&Call, Caller});
}

std::optional<Reason> HandlerIndex::Impl::direct(const FunctionDecl &F,
                                                 ASTContext &Ctx) {
  build(Ctx);
  const FunctionDecl *Key = normalize(&F);
  auto Cached = DirectCache.find(Key);
  if (Cached != DirectCache.end())
    return Cached->second;
  std::optional<Reason> Result;
  auto Found = Registered.find(Key);
  if (Found != Registered.end()) {
    Result = Found->second;
  } else {
    const FunctionDecl &Definition = F.getDefinition() ? *F.getDefinition() : F;
    const auto *Method = dyn_cast<CXXMethodDecl>(&Definition);
    const bool IsLambda = Method && Method->getParent()->isLambda();
    if (!IsLambda && !HandlerFunctions.empty()) {
      if (std::optional<llvm::StringRef> Pattern =
              HandlerFunctions.match(Definition)) {
        Reason R;
        R.Kind = RootKind::Configured;
        R.Loc = Definition.getLocation();
        R.Function = &Definition;
        R.Note = quoted(Definition) +
                 " is a request handler: its name matches the "
                 "'HandlerFunctions' entry '" +
                 Pattern->str() + "'";
        Result = std::move(R);
      }
    }
    if (!Result && Method && !IsLambda)
      Result = overrideReason(*Method, BaseClasses);
    if (!Result && Method && !IsLambda)
      Result = perCallReason(*Method, PerCallTypes);
    if (!Result)
      Result = requestParameterReason(Definition, RequestTypes, ReplyMethods);
  }
  DirectCache[Key] = Result;
  return Result;
}

bool HandlerIndex::Impl::excluded(const FunctionDecl &F) const {
  if (F.isMain() || isa<CXXDestructorDecl>(F))
    return true;
  // A constructor runs at start-up, unless its class is a per-call object.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    return !perCallReason(*Ctor, PerCallTypes);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->getParent()->isLambda())
    return false;
  const std::string Name = qualifiedName(F);
  return SetupFunctions.matchText(Name).has_value() ||
         PoolFunctions.matchText(Name).has_value();
}

HandlerIndex::Impl::Place HandlerIndex::Impl::locate(const Stmt &S,
                                                     ASTContext &Ctx) {
  Place Result;
  // A lambda's body is code of its own unless the lambda runs where it is
  // written; then the walk goes on through the enclosing code.
  auto StopsAt = [&](const LambdaExpr &Lambda) {
    const CXXMethodDecl *Operator = Lambda.getCallOperator();
    if (direct(*Operator, Ctx) || !isInvokedInPlace(Lambda, Ctx)) {
      Result.Function = Operator;
      return true;
    }
    return false;
  };
  DynTypedNode Node = DynTypedNode::create(S);
  const Stmt *Child = &S;
  for (unsigned Step = 0; Step < 4096; ++Step) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return Result;
    const DynTypedNode Parent = Parents[0];
    if (const auto *ParentStmt = Parent.get<Stmt>()) {
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(ParentStmt) &&
          isIterationPart(*ParentStmt, Child))
        Result.Loops.push_back(ParentStmt);
      if (const auto *Lambda = dyn_cast<LambdaExpr>(ParentStmt);
          Lambda && isSame(Lambda->getBody(), Child) && StopsAt(*Lambda))
        return Result;
      Child = ParentStmt;
      Node = Parent;
      continue;
    }
    if (const auto *Var = Parent.get<VarDecl>()) {
      if (!Var->hasLocalStorage() || Var->isStaticLocal()) {
        Result.RunsOnce = true; // Initializer of a static or thread_local.
        return Result;
      }
      Node = Parent;
      continue;
    }
    if (const auto *Function = Parent.get<FunctionDecl>()) {
      // Some parent maps reach a lambda's body through its call operator and
      // closure class: climb to the lambda expression.
      const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      const LambdaExpr *Lambda = nullptr;
      if (Method && Method->getParent()->isLambda()) {
        DynTypedNode Up = Parent;
        for (unsigned Climb = 0; Climb < 4 && !Lambda; ++Climb) {
          DynTypedNodeList Above = parentsOf(Up, Ctx);
          if (Above.empty())
            break;
          Up = Above[0];
          Lambda = Up.get<LambdaExpr>();
        }
      }
      if (!Lambda) {
        Result.Function = Function;
        return Result;
      }
      if (StopsAt(*Lambda))
        return Result;
      Child = Lambda;
      Node = DynTypedNode::create(*Lambda);
      continue;
    }
    if (Parent.get<CXXCtorInitializer>()) {
      Node = Parent;
      continue;
    }
    // A default member initializer, a global: no function around it.
    return Result;
  }
  return Result;
}

void HandlerIndex::Impl::paths(
    const Stmt &S, ASTContext &Ctx, unsigned Limit, unsigned Depth,
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Visiting,
    std::vector<PerRequestPath> &Out) {
  if (Limit == 0)
    return;
  if (const auto *E = dyn_cast<Expr>(&S);
      E && isFirstTimeInitialization(*E, Ctx))
    return;
  const Place Where = locate(S, Ctx);
  if (Where.RunsOnce || !Where.Function)
    return;
  const FunctionDecl &Function = *Where.Function;
  const FunctionDecl *Definition =
      Function.getDefinition() ? Function.getDefinition() : &Function;
  const Stmt *Body = Definition->getBody();

  if (std::optional<Reason> Root = direct(Function, Ctx)) {
    auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
    for (const ParmVarDecl *Param : Definition->parameters())
      Data->insert(Param);
    auto Outputs = std::make_shared<OutputWrites>();
    propagateRequestData(Body, *Data, Outputs.get(), &Ctx.getSourceManager());
    Out.push_back({std::move(*Root), {}, std::move(Data), std::move(Outputs),
                   &Ctx.getSourceManager()});
    return;
  }
  if (excluded(*Definition))
    return;

  for (const Stmt *Loop : Where.Loops) {
    std::optional<Reason> Root =
        loopReason(*Loop, Definition, Ctx, MessageReads, BoundMethods);
    if (!Root)
      continue;
    // What changes from one iteration to the next is the loop's data: its
    // own variables, the variables it updates that outlive an iteration,
    // and what is computed from them.
    auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
    llvm::DenseSet<const ValueDecl *> Modified;
    llvm::DenseSet<const ValueDecl *> BodyLocals;
    collectModified(Loop, Modified);
    collectDeclared(loopBody(*Loop), BodyLocals);
    for (const ValueDecl *D : Modified)
      if (!BodyLocals.contains(D))
        Data->insert(D);
    collectLoopVariables(*Loop, *Data);
    auto Outputs = std::make_shared<OutputWrites>();
    propagateRequestData(Body, *Data, Outputs.get(), &Ctx.getSourceManager());
    Out.push_back({std::move(*Root), {}, std::move(Data), std::move(Outputs),
                   &Ctx.getSourceManager()});
    break;
  }

  const FunctionDecl *Key = normalize(&Function);
  if (Depth >= MaxCallDepth || !Visiting.insert(Key).second)
    return;
  auto Sites = Callers.find(Key);
  if (Sites != Callers.end()) {
    // Copy: the recursion may grow the map.
    const std::vector<CallSite> CallSites = Sites->second;
    for (const CallSite &Site : CallSites) {
      if (Out.size() >= Limit)
        break;
      std::vector<PerRequestPath> Outer;
      paths(*Site.Call, Ctx, Limit - Out.size(), Depth + 1, Visiting, Outer);
      for (PerRequestPath &Path : Outer) {
        // A parameter holds request data when its argument does.
        auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
        const unsigned Offset = isa<CXXOperatorCallExpr>(Site.Call) &&
                                        isa<CXXMethodDecl>(Definition)
                                    ? 1
                                    : 0;
        for (unsigned I = Offset; I < Site.Call->getNumArgs(); ++I) {
          if (I - Offset >= Definition->getNumParams())
            break;
          if (Path.dependsOnRequest(*Site.Call->getArg(I)))
            Data->insert(Definition->getParamDecl(I - Offset));
        }
        auto Outputs = std::make_shared<OutputWrites>();
        propagateRequestData(Body, *Data, Outputs.get(),
                             &Ctx.getSourceManager());
        Path.Calls.push_back({Site.Call, Definition});
        Path.RequestData = std::move(Data);
        Path.Outputs = std::move(Outputs);
        Path.SM = &Ctx.getSourceManager();
        Out.push_back(std::move(Path));
        if (Out.size() >= Limit)
          break;
      }
    }
  }
  Visiting.erase(Key);
}

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

HandlerIndex::HandlerIndex(const Config &C) : P(std::make_unique<Impl>(C)) {}
HandlerIndex::~HandlerIndex() = default;

std::vector<PerRequestPath>
HandlerIndex::perRequestPaths(const Stmt &S, ASTContext &Ctx, unsigned Limit) {
  P->build(Ctx);
  std::vector<PerRequestPath> Out;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visiting;
  P->paths(S, Ctx, Limit, 0, Visiting, Out);
  return Out;
}

std::optional<Reason> HandlerIndex::handlerReason(const FunctionDecl &F,
                                                  ASTContext &Ctx) {
  return P->direct(F, Ctx);
}

void HandlerIndex::reset() {
  P->Built = nullptr;
  P->Registered.clear();
  P->Callers.clear();
  P->DirectCache.clear();
}

bool HandlerIndex::isStartupOrPool(const FunctionDecl &F) const {
  return P->excluded(F);
}

bool HandlerIndex::isPoolClass(const CXXRecordDecl &Record) const {
  return P->PoolFunctions.matchText(qualifiedName(Record)).has_value();
}

} // namespace clang::tidy::leak::handlers
