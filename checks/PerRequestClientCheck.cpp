//===-- PerRequestClientCheck.cpp - leak-per-request-client ---------------===//

#include "PerRequestClientCheck.h"
#include "Catalog.h"
#include "Compat.h"
#include "Context.h"
#include "FixIts.h"
#include "HandlerExprs.h"
#include "LazyInit.h"
#include "Matchers.h"
#include "Options.h"
#include "Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

/// Matches the construction of a copy or a move: no new connection.
AST_MATCHER(CXXConstructExpr, constructsCopyOrMove) {
  const CXXConstructorDecl *Constructor = Node.getConstructor();
  return Constructor && Constructor->isCopyOrMoveConstructor();
}

/// How deep isStable looks into the initializers of constants.
constexpr unsigned MaxStableDepth = 4;

constexpr llvm::StringRef GenericCost = "holds its own connections and buffers";

/// The statement holding \p E as an operand, past implicit wrappers.
const Stmt *operandParent(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  while (true) {
    DynTypedNodeList Parents = parentsOf(*Current, Ctx);
    if (Parents.empty())
      return nullptr;
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return nullptr;
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups>(Parent)) {
      Current = Parent;
      continue;
    }
    return Parent;
  }
}

/// The local variable whose initializer is \p E, if any.
const VarDecl *initializedVariable(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  while (true) {
    DynTypedNodeList Parents = parentsOf(*Current, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *Var = Parents[0].get<VarDecl>())
      return Var->getInit() && handlers::stripWrappers(Var->getInit()) == handlers::stripWrappers(&E) ? Var
                                                                  : nullptr;
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent || !isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                        CXXBindTemporaryExpr, ExprWithCleanups>(Parent))
      return nullptr;
    Current = Parent;
  }
}

/// True when \p E has the same value on every request: literals, constants,
/// globals and statics, and what is built from them alone.
bool isStable(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > MaxStableDepth)
    return false;
  E = E->IgnoreParenImpCasts();
  auto AllStable = [Depth](auto Range) {
    return llvm::all_of(Range,
                        [Depth](const Expr *A) { return isStable(A, Depth); });
  };
  if (isa<IntegerLiteral, FloatingLiteral, StringLiteral, CharacterLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, CXXDefaultArgExpr,
          CXXDefaultInitExpr, UnaryExprOrTypeTraitExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (isa<EnumConstantDecl, FunctionDecl>(D))
      return true;
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      if (!Var->hasLocalStorage() || Var->isStaticLocal() || Var->isConstexpr())
        return true;
      return !isa<ParmVarDecl>(Var) && Var->getType().isConstQualified() &&
             !Var->getType()->isReferenceType() &&
             isStable(Var->getInit(), Depth + 1);
    }
    return false;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
           isStable(Member->getBase(), Depth);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return AllStable(Construct->arguments());
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return AllStable(List->inits());
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return isStable(Cast->getSubExpr(), Depth);
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    return isStable(Temporary->getSubExpr(), Depth);
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return isStable(Cleanups->getSubExpr(), Depth);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return isStable(Bind->getSubExpr(), Depth);
  if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = MemberCall->getMethodDecl();
    return Method && Method->isConst() &&
           isStable(MemberCall->getImplicitObjectArgument(), Depth) &&
           AllStable(MemberCall->arguments());
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
        Method && !Method->isStatic() && !isa<CXXOperatorCallExpr>(Call))
      return false;
    return AllStable(Call->arguments());
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return !Unary->isIncrementDecrementOp() &&
           isStable(Unary->getSubExpr(), Depth);
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    return !Binary->isAssignmentOp() && isStable(Binary->getLHS(), Depth) &&
           isStable(Binary->getRHS(), Depth);
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(E))
    return isStable(Conditional->getCond(), Depth) &&
           isStable(Conditional->getTrueExpr(), Depth) &&
           isStable(Conditional->getFalseExpr(), Depth);
  return false;
}

/// True when the code of \p Function may replace or move from \p Var, which
/// a shared 'static' must not allow.
bool isReplacedOrMoved(const VarDecl &Var, const FunctionDecl &Function,
                       ASTContext &Ctx) {
  const Stmt *Body = Function.getBody();
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == &Var) {
      const Stmt *Parent = operandParent(*Ref, Ctx);
      if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
            (Callee->getName() == "move" || Callee->getName() == "forward" ||
             Callee->getName() == "swap" || Callee->getName() == "exchange"))
          return true;
      }
      if (const auto *Binary = dyn_cast_or_null<BinaryOperator>(Parent);
          Binary && Binary->isAssignmentOp() && handlers::stripWrappers(Binary->getLHS()) == Ref)
        return true;
      if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
          Operator && Operator->isAssignmentOp() &&
          Operator->getNumArgs() > 0 && handlers::stripWrappers(Operator->getArg(0)) == Ref)
        return true;
      if (const auto *Member = dyn_cast_or_null<MemberExpr>(Parent)) {
        const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
        if (Method && Method->getIdentifier() &&
            (Method->getName() == "reset" || Method->getName() == "release" ||
             Method->getName() == "swap"))
          return true;
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// True when \p Target outlives one iteration of \p Loop: a member, a
/// global or static, or a variable declared before the loop.
bool outlivesIteration(const ValueDecl *Target, const Stmt &Loop,
                       const SourceManager &SM) {
  if (!Target)
    return false;
  if (isa<FieldDecl>(Target))
    return true;
  const auto *Var = dyn_cast<VarDecl>(Target);
  if (!Var)
    return false;
  if (!Var->hasLocalStorage() || Var->isStaticLocal())
    return true;
  const SourceLocation Loc = SM.getFileLoc(Var->getLocation());
  return !SM.isPointWithin(Loc, SM.getFileLoc(Loop.getBeginLoc()),
                           SM.getFileLoc(Loop.getEndLoc()));
}

/// True when the client \p Value, built in \p Loop, is kept beyond the
/// iteration: stored into an object from outside the loop, directly or
/// through the local variable \p Var. A loop that fills a pool or one client
/// per shard builds them on purpose.
bool isKeptBeyondIteration(const Expr &Value, const VarDecl *Var,
                           const Stmt &Loop, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (outlivesIteration(handlers::storedInto(Value, Ctx), Loop, SM))
    return true;
  if (!Var)
    return false;
  llvm::SmallVector<const Stmt *, 64> Work{&Loop};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var &&
        outlivesIteration(handlers::storedInto(*Ref, Ctx), Loop, SM))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// The type a smart pointer factory call allocates, as written.
QualType allocatedType(const CallExpr &Call) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreImplicit());
  if (Ref && Ref->getNumTemplateArgs() > 0 &&
      Ref->getTemplateArgs()[0].getArgument().getKind() ==
          TemplateArgument::Type)
    return Ref->getTemplateArgs()[0].getArgument().getAsType();
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Callee && Callee->getTemplateSpecializationArgs() &&
      Callee->getTemplateSpecializationArgs()->size() > 0 &&
      Callee->getTemplateSpecializationArgs()->get(0).getKind() ==
          TemplateArgument::Type)
    return Callee->getTemplateSpecializationArgs()->get(0).getAsType();
  return {};
}

std::string typeName(QualType Type, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressUnwrittenScope = true;
  return compat::typeAsWritten(Type.getLocalUnqualifiedType(), Policy);
}

/// Returns the phrase "for every request" for a path's unit.
std::string everyUnit(const handlers::Reason &Root) {
  if (Root.Kind == handlers::RootKind::ItemLoop)
    return "for every item of a loop";
  if (Root.Kind == handlers::RootKind::MessageLoop)
    return "for every message a loop reads";
  return "for every request";
}

} // namespace

/// A call in \p Function that wraps the client held by \p Var (a gRPC stub
/// built on a channel).
const CallExpr *
PerRequestClientCheck::findWrapperOf(const VarDecl &Var,
                                     const FunctionDecl &Function) const {
  llvm::SmallVector<const Stmt *, 64> Work{Function.getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && WrapperNames.contains(*Callee) &&
          llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
            Arg = handlers::stripWrappers(Arg);
            // A converting copy ('shared_ptr<Channel>' to
            // 'shared_ptr<ChannelInterface>').
            if (const auto *Convert = dyn_cast<CXXConstructExpr>(Arg);
                Convert && Convert->getNumArgs() == 1)
              Arg = handlers::stripWrappers(Convert->getArg(0));
            const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
            return Ref && Ref->getDecl() == &Var;
          }))
        return Call;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return nullptr;
}


PerRequestClientCheck::PerRequestClientCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      ClientTypes(readNameList("ClientTypes", catalog::clientTypeNames())),
      ClientFactories(
          readNameList("ClientFactories", catalog::clientFactoryNames())),
      ThreadSafeClients(
          readNameList("ThreadSafeClients", catalog::threadSafeClientNames())),
      SmartPointerFactories(readNameList("SmartPointerFactories",
                                         catalog::smartPointerFactories())),
      ClientWrappers(readNameList("ClientWrappers", catalog::clientWrappers())),
      IgnoredFiles(readRegexList("IgnoredFiles", catalog::testFilePatterns())),
      HandlerOptions(readHandlerOptions()), TypeNames(ClientTypes),
      FactoryNames(ClientFactories), ThreadSafeNames(ThreadSafeClients),
      WrapperNames(ClientWrappers), IgnoredFilePatterns(IgnoredFiles),
      Handlers(HandlerOptions) {}

void PerRequestClientCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // An empty list matches nothing.
  const std::vector<StringRef> Types = asRefs(ClientTypes);
  const std::vector<StringRef> Factories = asRefs(ClientFactories);
  const std::vector<StringRef> Smart = asRefs(SmartPointerFactories);
  const auto ClientClass =
      cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(Types)));
  // By type: inherited constructors are implicit declarations, which this
  // traversal mode does not match.
  const auto InUserCode = unless(isExpansionInSystemHeader());
  const auto Construction = cxxConstructExpr(
      InUserCode,
      hasType(hasUnqualifiedDesugaredType(
          recordType(hasDeclaration(ClientClass)))),
      unless(constructsCopyOrMove()));
  const auto SmartPointerAllocation = callExpr(callee(functionDecl(
      hasAnyName(Smart),
      hasTemplateArgument(0, refersToType(hasUnqualifiedDesugaredType(
                                 recordType(hasDeclaration(ClientClass))))))));
  const auto FactoryCall =
      callExpr(callee(matchers::isFunctionNamed(Factories)));
  // Rooted at constructions and calls, not at every expression: with majors
  // that traverse system headers, a matcher is tried on each node of its kind.
  Finder->addMatcher(Construction.bind("client"), this);
  Finder->addMatcher(
      callExpr(InUserCode, anyOf(SmartPointerAllocation, FactoryCall))
          .bind("client"),
      this);
  // Objects of the project's own classes whose constructor creates a client
  // (a repository that connects, a gRPC CallData holding a channel).
  Finder->addMatcher(
      cxxConstructExpr(InUserCode, unless(constructsCopyOrMove()),
                       unless(hasType(hasUnqualifiedDesugaredType(
                           recordType(hasDeclaration(ClientClass))))))
          .bind("wrapper"),
      this);
  Finder->addMatcher(callExpr(InUserCode, callee(functionDecl(hasAnyName(Smart))),
                              unless(SmartPointerAllocation))
                         .bind("wrapper"),
                     this);
}

QualType PerRequestClientCheck::placeOf(const CXXConstructExpr &Construct,
                                        Client &C, ASTContext &Ctx) {
  if (const auto *New =
          dyn_cast_or_null<CXXNewExpr>(operandParent(Construct, Ctx))) {
    C.Value = New;
    return New->getAllocatedType();
  }
  if (const VarDecl *Var = initializedVariable(Construct, Ctx))
    return Var->getType();
  return Construct.getType();
}

std::optional<PerRequestClientCheck::Client>
PerRequestClientCheck::clientOf(const Expr &Node, ASTContext &Ctx,
                                bool AskWhere) const {
  Client C;
  C.Node = &Node;
  C.Value = &Node;
  llvm::StringRef EntryName;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Node)) {
    const CXXRecordDecl *Record = Construct->getConstructor()->getParent();
    if (Construct->getConstructor()->isCopyOrMoveConstructor() ||
        !findSelfOrBase(*Record, TypeNames, &EntryName))
      return std::nullopt;
    C.ThreadSafe = findSelfOrBase(*Record, ThreadSafeNames) != nullptr;
    C.Args.append(Construct->arg_begin(), Construct->arg_end());
    C.Name = typeName(AskWhere ? placeOf(*Construct, C, Ctx)
                               : Construct->getType(),
                      Ctx);
  } else if (const auto *Call = dyn_cast<CallExpr>(&Node)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    if (std::optional<StringRef> Factory = FactoryNames.match(*Callee)) {
      EntryName = *Factory;
      C.IsFactory = true;
      C.ThreadSafe = ThreadSafeNames.contains(*Callee);
      C.Name = qualifiedName(*Callee);
      for (const Expr *Arg : Call->arguments()) {
        // '&Db' receives the handle: it is not what is connected to.
        if (const auto *Unary = dyn_cast<UnaryOperator>(handlers::stripWrappers(Arg));
            Unary && Unary->getOpcode() == UO_AddrOf)
          continue;
        C.Args.push_back(Arg);
      }
    } else {
      const QualType Allocated = allocatedType(*Call);
      const CXXRecordDecl *Record =
          Allocated.isNull() ? nullptr : Allocated->getAsCXXRecordDecl();
      if (!Record || !findSelfOrBase(*Record, TypeNames, &EntryName))
        return std::nullopt;
      C.ThreadSafe = findSelfOrBase(*Record, ThreadSafeNames) != nullptr;
      C.Name = typeName(Allocated, Ctx);
      C.Args.append(Call->arg_begin(), Call->arg_end());
    }
  } else {
    return std::nullopt;
  }
  C.Entry = catalog::findClientEntry(EntryName);

  // Built from a pool ('soci::session sql(pool)'): a borrowed connection.
  if (!C.IsFactory && llvm::any_of(C.Args, [&](const Expr *Arg) {
        QualType Type = Arg->getType().getNonReferenceType();
        if (Type->isPointerType())
          Type = Type->getPointeeType();
        const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
        return Record && Handlers.isPoolClass(*Record);
      }))
    return std::nullopt;

  // SQLite's ":memory:" and "" open a private database, not a shared file.
  if (C.Entry && !C.Entry->PrivateTargets.empty() && !C.Args.empty())
    if (const auto *Literal = dyn_cast<StringLiteral>(handlers::stripWrappers(C.Args.front())))
      if (llvm::is_contained(C.Entry->PrivateTargets, Literal->getString()))
        return std::nullopt;
  return C;
}

std::optional<PerRequestClientCheck::Client>
PerRequestClientCheck::createdByConstructor(const CXXConstructorDecl &Ctor,
                                            ASTContext &Ctx, unsigned Depth) {
  const CXXConstructorDecl *Definition =
      dyn_cast_or_null<CXXConstructorDecl>(Ctor.getDefinition());
  if (!Definition || Definition->isCopyOrMoveConstructor() ||
      Definition->isTemplated())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getFileLoc(Definition->getLocation())))
    return std::nullopt;
  if (const auto It = ConstructorClients.find(Definition);
      It != ConstructorClients.end())
    return It->second;
  ConstructorClients[Definition] = std::nullopt; // Recursion ends here.

  // The member initializers (also the in-class ones they use), then the
  // body; not lambdas or statics, which do not run with each object. Only
  // the body can hold a first-time branch; the parents of an in-class
  // initializer, shared by every constructor, are not asked.
  llvm::SmallVector<std::pair<const Stmt *, bool>, 16> Work;
  for (const CXXCtorInitializer *Init : Definition->inits()) {
    const Expr *Value = Init->getInit();
    if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(Value))
      Value = Default->getExpr();
    Work.push_back({Value, false});
  }
  Work.push_back({Definition->getBody(), true});
  std::optional<Client> Found;
  for (unsigned I = 0; I < Work.size() && !Found; ++I) {
    const auto [S, InBody] = Work[I];
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Decl = dyn_cast<DeclStmt>(S);
        Decl && llvm::any_of(Decl->decls(), [](const clang::Decl *D) {
          const auto *Var = dyn_cast<VarDecl>(D);
          return Var && Var->isStaticLocal();
        }))
      continue;
    if (const auto *E = dyn_cast<Expr>(S);
        E && isa<CXXConstructExpr, CallExpr>(E) &&
        !(InBody && handlers::isFirstTimeInitialization(*E, Ctx))) {
      if (std::optional<Client> Direct = clientOf(*E, Ctx, false)) {
        Found = Direct;
        break;
      }
      const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      if (Construct && Depth < MaxWrapperDepth)
        if (std::optional<Client> Nested = createdByConstructor(
                *Construct->getConstructor(), Ctx, Depth + 1)) {
          Found = Nested;
          break;
        }
    }
    for (const Stmt *Child : S->children())
      Work.push_back({Child, InBody});
  }
  ConstructorClients[Definition] = Found;
  return Found;
}

std::optional<PerRequestClientCheck::Client>
PerRequestClientCheck::wrapperOf(const Expr &Node, ASTContext &Ctx) {
  // 'Repository repo(config);', 'new Repository(config)',
  // 'std::make_shared<Repository>(config)'.
  const CXXConstructorDecl *Ctor = nullptr;
  QualType Written; // Of a smart-pointer allocation.
  Client C;
  C.Node = &Node;
  C.Value = &Node;
  const auto *Construct = dyn_cast<CXXConstructExpr>(&Node);
  if (Construct) {
    Ctor = Construct->getConstructor();
    C.Args.append(Construct->arg_begin(), Construct->arg_end());
  } else if (const auto *Call = dyn_cast<CallExpr>(&Node)) {
    // The construction inside 'make_shared' is in a system header: the
    // class's constructor taking these arguments is looked up instead.
    const QualType Allocated = allocatedType(*Call);
    const CXXRecordDecl *Record =
        Allocated.isNull() ? nullptr : Allocated->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition())
      return std::nullopt;
    for (const CXXConstructorDecl *Candidate : Record->ctors())
      if (!Candidate->isCopyOrMoveConstructor() &&
          Candidate->getNumParams() == Call->getNumArgs() &&
          !Candidate->isDeleted()) {
        if (Ctor)
          return std::nullopt; // Overloads: which one runs is not known here.
        Ctor = Candidate;
      }
    Written = Allocated;
    C.Args.append(Call->arg_begin(), Call->arg_end());
  }
  if (!Ctor || findSelfOrBase(*Ctor->getParent(), TypeNames))
    return std::nullopt;
  std::optional<Client> Inner = createdByConstructor(*Ctor, Ctx, 0);
  // A per-call object's constructor is a root of its own: the client it
  // creates is reported there.
  if (!Inner || Handlers.handlerReason(*Ctor, Ctx))
    return std::nullopt;
  // Where the object goes is asked only now: most constructions are not of
  // such a class.
  C.Name = typeName(Construct ? placeOf(*Construct, C, Ctx) : Written, Ctx);
  C.Entry = Inner->Entry;
  C.Inner = Inner->Node;
  C.InnerName = Inner->Name;
  return C;
}

void PerRequestClientCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Node = Result.Nodes.getNodeAs<Expr>("client");
  const auto *Wrapper = Result.Nodes.getNodeAs<Expr>("wrapper");
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (!Node && !Wrapper)
    return;
  const Expr &Site = Node ? *Node : *Wrapper;
  // Code written in the body of the user's own macro is not for the user to
  // change where it expands. A library's macro over its connect call
  // (libpq's 'PQsetdb') is the user's call all the same.
  if (isInMacroBody(Site.getBeginLoc(), SM) &&
      !SM.isInSystemHeader(SM.getSpellingLoc(Site.getBeginLoc())))
    return;
  const SourceLocation FileLoc = SM.getFileLoc(Site.getBeginLoc());
  if (!IgnoredFilePatterns.empty() &&
      IgnoredFilePatterns.matchText(SM.getFilename(FileLoc)))
    return;

  const std::optional<Client> Found =
      Node ? clientOf(*Node, Ctx) : wrapperOf(*Wrapper, Ctx);
  if (!Found)
    return;
  const Client &C = *Found;
  for (const handlers::PerRequestPath &Path :
       Handlers.perRequestPaths(*C.Value, Ctx)) {
    // A client built from the request's own data (a per-tenant database, a
    // callback URL) cannot simply be shared; it is left alone.
    if (llvm::any_of(C.Args, [&](const Expr *Arg) {
          return Path.dependsOnRequest(*Arg);
        }))
      continue;
    if (Path.Root.isLoop() && Path.Calls.empty() && Path.Root.Loop &&
        isKeptBeyondIteration(*C.Value, initializedVariable(*C.Value, Ctx),
                              *Path.Root.Loop, Ctx))
      continue;
    diagnose(C, Path, Result);
    return;
  }
}

void PerRequestClientCheck::diagnose(const Client &C,
                                     const handlers::PerRequestPath &Path,
                                     const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const handlers::Reason &Root = Path.Root;
  const bool InLoop = Root.isLoop();

  // Where the client ends up: a local variable, or a wrapper (a gRPC stub)
  // stored in one.
  const VarDecl *Var = initializedVariable(*C.Value, Ctx);
  const CallExpr *Wrapper = nullptr;
  if (const auto *Call =
          dyn_cast_or_null<CallExpr>(operandParent(*C.Value, Ctx));
      Call && Call->getDirectCallee() &&
      WrapperNames.contains(*Call->getDirectCallee())) {
    Wrapper = Call;
    if (!Var)
      Var = initializedVariable(*Call, Ctx);
  }

  const std::string Cost = (C.Entry ? C.Entry->Cost : GenericCost).str();
  std::string Advice;
  if (InLoop)
    Advice = C.IsFactory ? "connect once before the loop and reuse the handle"
                         : "create it once before the loop and reuse it";
  else if (C.Entry && !C.Entry->Advice.empty())
    Advice = C.Entry->Advice.str();
  else if (C.ThreadSafe)
    Advice = "create it once and share it: a function-local 'static', a "
             "member of the service or an injected client";
  else
    Advice = "take one from a connection pool for the request or keep one "
             "per thread ('thread_local')";

  // 'static' fix-it: a thread-safe client whose arguments never change, held
  // by a plain local variable.
  std::optional<FixItHint> MakeStatic;
  const FunctionDecl *Function =
      Path.Calls.empty() ? Root.Function : Path.Calls.back().Callee;
  if (!C.Inner && C.ThreadSafe && Var && Function && Function->getBody() &&
      Var->hasLocalStorage() && !Var->isStaticLocal() &&
      !isa<ParmVarDecl>(Var) && !Var->getType()->isReferenceType() &&
      !Var->isConstexpr() && !Function->isConstexpr() &&
      !isa<CXXNewExpr>(C.Value) &&
      llvm::all_of(C.Args, [](const Expr *Arg) { return isStable(Arg); }) &&
      (!Wrapper || llvm::all_of(Wrapper->arguments(),
                                [&](const Expr *Arg) {
                                  return handlers::stripWrappers(Arg) == handlers::stripWrappers(C.Value) ||
                                         isStable(Arg);
                                })) &&
      !isReplacedOrMoved(*Var, *Function, Ctx)) {
    DynTypedNodeList Parents = parentsOf(*Var, Ctx);
    const auto *Decl = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    if (Decl && Decl->isSingleDecl())
      MakeStatic = fixits::insertBefore(Decl->getBeginLoc(), "static ", SM);
  }

  const SourceLocation Loc = Var && !Wrapper
                                 ? Var->getLocation()
                                 : SM.getFileLoc(C.Value->getBeginLoc());
  if (C.Inner) {
    // An object of the project's own class that creates the client.
    diag(Loc, "'%0' is created %1, and its constructor creates '%2': each "
              "one %3; create the '%0' once and share it, or give it a "
              "client that outlives the request instead of creating one")
        << C.Name << everyUnit(Root) << C.InnerName << Cost
        << C.Value->getSourceRange();
    diag(SM.getFileLoc(C.Inner->getBeginLoc()),
         "'%0' is created here with every '%1'", DiagnosticIDs::Note)
        << C.InnerName << C.Name;
  } else {
    auto Diag = C.IsFactory ? diag(Loc, "'%0' is called %1: each call %2; %3")
                            : diag(Loc, "'%0' is created %1: each one %2; %3");
    Diag << C.Name << everyUnit(Root) << Cost << Advice
         << C.Value->getSourceRange();
    if (MakeStatic)
      Diag << *MakeStatic;
  }

  // A stub built on the client is rebuilt with it.
  if (!Wrapper && Var && Function)
    Wrapper = findWrapperOf(*Var, *Function);
  if (Wrapper)
    diag(SM.getFileLoc(Wrapper->getExprLoc()),
         "'%0' wraps it here, so the wrapper is rebuilt %1 as well",
         DiagnosticIDs::Note)
        << qualifiedName(*Wrapper->getDirectCallee()) << everyUnit(Root);

  // From the construction out to the reason: the calls, then the handler.
  for (auto Step = Path.Calls.rbegin(); Step != Path.Calls.rend(); ++Step)
    diag(SM.getFileLoc(Step->Call->getExprLoc()), "'%0' is called here",
         DiagnosticIDs::Note)
        << qualifiedName(*Step->Callee);
  diag(SM.getFileLoc(Root.Loc), "%0", DiagnosticIDs::Note) << Root.Note;

  if (MakeStatic || C.Inner)
    return;
  if (InLoop && !Path.Calls.empty())
    diag(Loc, "build it once before the loop starts and pass it down to '%0'",
         DiagnosticIDs::Note)
        << qualifiedName(*Path.Calls.front().Callee);
  else if (InLoop)
    diag(Loc,
         "hoist it above the loop: build it once before the loop starts and "
         "use it in every iteration",
         DiagnosticIDs::Note);
  else if (C.ThreadSafe)
    diag(Loc,
         "to share it, build it once where the service starts (a member set "
         "in the constructor, or a 'static' whose arguments never change) and "
         "use that instance here",
         DiagnosticIDs::Note);
  else
    diag(Loc,
         "%select{'%1'|the connection '%1' opens}0 is not safe to use from "
         "two threads at once, so it must not become a shared 'static': "
         "borrow one from a connection pool for the request, or keep one per "
         "thread with 'thread_local'",
         DiagnosticIDs::Note)
        << C.IsFactory << C.Name;
}

} // namespace clang::tidy::leak
