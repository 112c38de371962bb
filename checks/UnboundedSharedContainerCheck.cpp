//===-- UnboundedSharedContainerCheck.cpp - leak-unbounded-shared-container ===//

#include "UnboundedSharedContainerCheck.h"
#include "Catalog.h"
#include "Containers.h"
#include "Context.h"
#include "FixIts.h"
#include "HandlerExprs.h"
#include "Loops.h"
#include "Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

/// How many references, accessors and callers are followed to find where a
/// container lives.
constexpr unsigned MaxOwnerDepth = 6;
/// How long a container's written name may be to appear in the message.
constexpr size_t MaxNameLength = 40;

/// True when \p E has the same value on every request: literals, enumerators,
/// constants, and objects built from those alone.
bool isConstant(const Expr *E, const ASTContext &Ctx, unsigned Depth = 0) {
  E = handlers::stripWrappers(E);
  if (!E || Depth > 4 || E->isValueDependent() || E->isTypeDependent())
    return false;
  if (isa<StringLiteral, CXXDefaultArgExpr>(E))
    return true;
  if (E->getType()->isIntegralOrEnumerationType() && E->isEvaluatable(Ctx))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && (Var->isConstexpr() ||
                   (Var->getType().isConstQualified() &&
                    Var->hasGlobalStorage() && Var->getInit() &&
                    isConstant(Var->getInit(), Ctx, Depth + 1)));
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() > 0 &&
           llvm::all_of(Construct->arguments(), [&](const Expr *Arg) {
             return isConstant(Arg, Ctx, Depth + 1);
           });
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return isConstant(Cast->getSubExpr(), Ctx, Depth + 1);
  return false;
}

/// The key an insertion into a keyed container is given: the first argument,
/// or the first element of a pair built for 'insert'.
const Expr *insertedKey(const CallExpr &Call) {
  unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  if (Call.getNumArgs() <= First)
    return nullptr;
  const Expr *Key = handlers::stripWrappers(Call.getArg(First));
  if (const auto *List = dyn_cast<InitListExpr>(Key))
    return List->getNumInits() > 0 ? List->getInit(0) : nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Key);
      Construct && Construct->getNumArgs() == 2)
    return Construct->getArg(0);
  if (const auto *Pair = dyn_cast<CallExpr>(Key);
      Pair && Pair->getNumArgs() == 2 && !isa<CXXMemberCallExpr>(Pair))
    return Pair->getArg(0);
  return Key;
}

/// True when \p A and \p B name the same object: the same variable, or the
/// same member of the same object.
bool sameObject(const Expr *A, const Expr *B, unsigned Depth = 0) {
  A = handlers::stripWrappers(A);
  B = handlers::stripWrappers(B);
  if (!A || !B || Depth > 4)
    return false;
  if (isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B))
    return true;
  if (const auto *RefA = dyn_cast<DeclRefExpr>(A))
    if (const auto *RefB = dyn_cast<DeclRefExpr>(B))
      return RefA->getDecl()->getCanonicalDecl() ==
             RefB->getDecl()->getCanonicalDecl();
  if (const auto *MemberA = dyn_cast<MemberExpr>(A))
    if (const auto *MemberB = dyn_cast<MemberExpr>(B))
      return MemberA->getMemberDecl()->getCanonicalDecl() ==
                 MemberB->getMemberDecl()->getCanonicalDecl() &&
             sameObject(MemberA->getBase(), MemberB->getBase(), Depth + 1);
  return false;
}

/// True when the condition \p Cond holds only while \p Container has
/// \p Key: 'm.count(k)', 'm.count(k) > 0', 'm.find(k) != m.end()',
/// 'm.contains(k)', or a conjunction with one of them.
bool requiresKey(const Expr *Cond, const Expr &Container, const Expr &Key) {
  Cond = handlers::stripWrappers(Cond);
  if (!Cond)
    return false;
  const auto IsLookup = [&](const Expr *E, llvm::ArrayRef<StringRef> Names) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(handlers::stripWrappers(E));
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    return Method && Method->getIdentifier() &&
           llvm::is_contained(Names, Method->getName()) &&
           Call->getNumArgs() >= 1 &&
           sameObject(Call->getImplicitObjectArgument(), &Container) &&
           sameObject(Call->getArg(0), &Key);
  };
  if (IsLookup(Cond, {"count", "contains"}))
    return true;
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  BinaryOperatorKind Op = BO_Comma;
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    LHS = Binary->getLHS();
    RHS = Binary->getRHS();
    Op = Binary->getOpcode();
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Cond);
             Operator && Operator->getNumArgs() == 2) {
    LHS = Operator->getArg(0);
    RHS = Operator->getArg(1);
    if (Operator->getOperator() == OO_ExclaimEqual)
      Op = BO_NE;
  }
  if (Op == BO_LAnd)
    return requiresKey(LHS, Container, Key) || requiresKey(RHS, Container, Key);
  if (Op == BO_GT || Op == BO_NE)
    return IsLookup(LHS, {"count", "find"}) || IsLookup(RHS, {"find"});
  return false;
}

/// True when \p Lookup ('m[k]') runs only in the branch of an 'if' whose
/// condition requires the key to be there already: it finds, not inserts.
bool isGuardedLookup(const CallExpr &Lookup, const Expr &Container,
                     const Expr &Key, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(Lookup);
  for (unsigned Step = 0; Step < 64; ++Step) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1 || Parents[0].get<Decl>() ||
        Parents[0].get<LambdaExpr>())
      return false;
    if (const auto *If = Parents[0].get<IfStmt>();
        If && If->getThen() == Node.get<Stmt>() &&
        requiresKey(If->getCond(), Container, Key))
      return true;
    Node = Parents[0];
  }
  return false;
}

/// The accessor of a singleton: a call returning a reference or pointer to a
/// static or global object ('Registry::instance()').
bool isSingletonAccessor(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !(Callee->getReturnType()->isReferenceType() ||
                   Callee->getReturnType()->isPointerType()))
    return false;
  const FunctionDecl *Definition = Callee->getDefinition();
  if (!Definition || !Definition->getBody())
    return false;
  bool SawReturn = false;
  llvm::SmallVector<const Stmt *, 16> Work{Definition->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const Expr *Value = handlers::stripWrappers(Return->getRetValue());
      if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Value);
          Unary && (Unary->getOpcode() == UO_AddrOf ||
                    Unary->getOpcode() == UO_Deref))
        Value = handlers::stripWrappers(Unary->getSubExpr());
      const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Value);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || !Var->hasGlobalStorage())
        return false;
      SawReturn = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return SawReturn;
}

/// How the innermost lambda around \p Ref that captures \p Var captures it:
/// true by reference, false by copy, std::nullopt when none does.
std::optional<bool> capturedByReference(const DeclRefExpr &Ref,
                                        const VarDecl &Var, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(Ref);
  for (unsigned Step = 0; Step < 256; ++Step) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return std::nullopt;
    if (const auto *Lambda = Parents[0].get<LambdaExpr>())
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesVariable() && Capture.getCapturedVar() == &Var)
          return Capture.getCaptureKind() == LCK_ByRef;
    Node = Parents[0];
  }
  return std::nullopt;
}

/// The function holding the code at \p Level of \p Path: the root for level
/// 0, the callee of the Level-th call otherwise.
const FunctionDecl *functionAt(const handlers::PerRequestPath &Path,
                               size_t Level) {
  return Level == 0 ? Path.Root.Function : Path.Calls[Level - 1].Callee;
}

/// The name of \p Record with the classes around it but not its namespaces
/// ('Service::State'), as the user reads it in the class definition.
std::string className(const RecordDecl &Record) {
  llvm::SmallVector<std::string, 2> Parts{Record.getNameAsString()};
  for (const DeclContext *Context = Record.getDeclContext();
       Context && Context->isRecord(); Context = Context->getParent())
    Parts.push_back(cast<RecordDecl>(Context)->getNameAsString());
  std::string Name;
  for (auto Part = Parts.rbegin(); Part != Parts.rend(); ++Part) {
    if (!Name.empty())
      Name += "::";
    Name += *Part;
  }
  return Name;
}

bool sameFunction(const FunctionDecl *A, const FunctionDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

} // namespace

/// Where a container lives when it outlives the request.
struct UnboundedSharedContainerCheck::Owner {
  enum KindType { Member, Global, StaticLocal, StaticMember, Captured };
  KindType Kind = Member;
  /// The variable or field holding the container, or the pointer to it.
  const ValueDecl *Holder = nullptr;
};

UnboundedSharedContainerCheck::UnboundedSharedContainerCheck(
    StringRef Name, ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      BoundedContainerTypes(readNameList("BoundedContainerTypes",
                                         catalog::boundedContainerTypes())),
      EvictionFunctions(readRegexList("EvictionFunctions",
                                      catalog::evictionFunctionPatterns())),
      LockTypes(readNameList("LockTypes", catalog::lockGuardTypes())),
      HandlerOptions(readHandlerOptions()), BoundedNames(BoundedContainerTypes),
      EvictionPatterns(EvictionFunctions), LockNames(LockTypes),
      TransferNames([] {
        std::vector<std::string> Names;
        for (llvm::StringRef Name : catalog::contentTransferFunctions())
          Names.push_back(Name.str());
        return Names;
      }()),
      Api{catalog::containerShrinkMethods(), catalog::containerSizeMethods(),
          &TransferNames, &EvictionPatterns},
      Handlers(HandlerOptions) {}

void UnboundedSharedContainerCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  std::vector<StringRef> Inserting(catalog::containerGrowMethods().begin(),
                                   catalog::containerGrowMethods().end());
  // 'Map[Key]' inserts a missing key (keyed containers only, see check()).
  Inserting.push_back("operator[]");
  const auto InsertingMethod = cxxMethodDecl(hasAnyName(Inserting));
  const auto MemberInsertion = cxxMemberCallExpr(callee(InsertingMethod));
  const auto OperatorInsertion =
      cxxOperatorCallExpr(callee(InsertingMethod));
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               anyOf(MemberInsertion, OperatorInsertion))
          .bind("insertion"),
      this);
}

bool UnboundedSharedContainerCheck::isThisLongLived(
    const handlers::PerRequestPath &Path, size_t Level, unsigned Depth,
    ASTContext &Ctx) {
  // Up the calls while each one is made on the same object.
  for (size_t I = Level; I-- > 0;) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(Path.Calls[I].Call);
    if (!Call)
      return false;
    const Expr *Object = handlers::stripWrappers(Call->getImplicitObjectArgument());
    if (isa<CXXThisExpr>(Object))
      continue;
    // A call on another object: a per-request object when it is a local of
    // the caller, a long-lived one when it is a member of the service.
    const auto *Callee = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
    return ownerOf(Object, Path, I, Callee && Callee->isArrow(), Depth + 1,
                   Ctx)
        .has_value();
  }
  const handlers::Reason &Root = Path.Root;
  // gRPC reactors and async CallData live for one call; an object whose
  // member loops over items is not known to outlive the loop's input.
  if (Root.Kind == handlers::RootKind::PerCallObject ||
      Root.Kind == handlers::RootKind::ItemLoop)
    return false;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Root.Function);
  return Method && !Method->isStatic();
}

std::optional<UnboundedSharedContainerCheck::Owner>
UnboundedSharedContainerCheck::ownerOf(const Expr *E,
                                       const handlers::PerRequestPath &Path,
                                       size_t Level, bool ThroughPointer,
                                       unsigned Depth, ASTContext &Ctx) {
  E = handlers::stripWrappers(E);
  if (!E || Depth > MaxOwnerDepth)
    return std::nullopt;
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (const auto *Var = dyn_cast<VarDecl>(Member->getMemberDecl());
        Var && Var->isStaticDataMember())
      return Owner{Owner::StaticMember, Var};
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return std::nullopt;
    const Expr *Base = handlers::stripWrappers(Member->getBase());
    if (isa<CXXThisExpr>(Base)) {
      if (isThisLongLived(Path, Level, Depth, Ctx))
        return Owner{Owner::Member, Field};
      // A per-call object's pointer or reference to a longer-lived
      // container.
      if (Field->getType()->isPointerType() ||
          Field->getType()->isReferenceType())
        return ownerOfReferent(*Field, Ctx);
      return std::nullopt;
    }
    // A member of a singleton, or of a member of the service.
    if (const auto *Call = dyn_cast<CallExpr>(Base);
        Call && !isa<CXXOperatorCallExpr>(Call)) {
      if (!isSingletonAccessor(*Call))
        return std::nullopt;
      return Owner{Owner::Member, Field};
    }
    if (!ownerOf(Base, Path, Level, Member->isArrow(), Depth + 1, Ctx))
      return std::nullopt;
    return Owner{Owner::Member, Field};
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return std::nullopt;
    if (Var->hasGlobalStorage()) {
      if (Var->isStaticLocal())
        return Owner{Owner::StaticLocal, Var};
      if (Var->isStaticDataMember())
        return Owner{Owner::StaticMember, Var};
      return Owner{Owner::Global, Var};
    }
    const auto *Context = dyn_cast<FunctionDecl>(Var->getDeclContext());
    bool OnPath = false;
    for (size_t I = 0; I <= Level && !OnPath; ++I)
      OnPath = sameFunction(Context, functionAt(Path, I));
    if (Ref->refersToEnclosingVariableOrCapture() && !OnPath) {
      // Captured by a handler from the code that registered it: every
      // request reaches the same container.
      std::optional<bool> ByReference = capturedByReference(*Ref, *Var, Ctx);
      if (ByReference && (*ByReference || ThroughPointer))
        return Owner{Owner::Captured, Var};
      return std::nullopt;
    }
    if (isa<ParmVarDecl>(Var) || !OnPath)
      return std::nullopt;
    // A local reference or pointer to a longer-lived container.
    if (Var->getInit() &&
        (Var->getType()->isReferenceType() || ThroughPointer))
      return ownerOf(Var->getInit(), Path, Level,
                     Var->getType()->isPointerType(), Depth + 1, Ctx);
    return std::nullopt;
  }
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
    if ((Operator->getOperator() == OO_Arrow ||
         Operator->getOperator() == OO_Star) &&
        Operator->getNumArgs() == 1)
      return ownerOf(Operator->getArg(0), Path, Level, true, Depth + 1, Ctx);
    return std::nullopt;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_Deref)
      return ownerOf(Unary->getSubExpr(), Path, Level, true, Depth + 1, Ctx);
    if (Unary->getOpcode() == UO_AddrOf)
      return ownerOf(Unary->getSubExpr(), Path, Level, ThroughPointer,
                     Depth + 1, Ctx);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<UnboundedSharedContainerCheck::Owner>
UnboundedSharedContainerCheck::ownerOfReferent(const FieldDecl &Field,
                                               ASTContext &Ctx) {
  if (!References || &References->context() != &Ctx)
    References = std::make_unique<ReferenceIndex>(Ctx);
  for (const Expr *Value : References->valuesOf(Field)) {
    // Initialized from a constructor parameter: look at what the
    // constructions of the object pass for it.
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(handlers::stripWrappers(Value));
    const auto *Param =
        Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *Ctor = Param ? dyn_cast_or_null<CXXConstructorDecl>(
                                   Param->getDeclContext())
                             : nullptr;
    if (!Ctor)
      continue;
    const unsigned Index = Param->getFunctionScopeIndex();
    for (const CXXConstructExpr *Construct :
         References->constructionsOf(*Ctor)) {
      if (Index >= Construct->getNumArgs())
        continue;
      const Expr *Arg = handlers::stripWrappers(Construct->getArg(Index));
      if (const auto *Unary = dyn_cast<UnaryOperator>(Arg);
          Unary && Unary->getOpcode() == UO_AddrOf)
        Arg = handlers::stripWrappers(Unary->getSubExpr());
      if (const auto *Global = dyn_cast<DeclRefExpr>(Arg)) {
        const auto *Var = dyn_cast<VarDecl>(Global->getDecl());
        if (Var && Var->hasGlobalStorage())
          return Owner{Var->isStaticLocal() ? Owner::StaticLocal
                                            : Owner::Global,
                       Var};
        continue;
      }
      // A member of the object that builds the per-call one: long-lived
      // when that object is a handler's own (a service), not another
      // per-call object.
      const auto *Member = dyn_cast<MemberExpr>(Arg);
      const auto *Target =
          Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
      if (!Target || !isa<CXXThisExpr>(handlers::stripWrappers(Member->getBase())))
        continue;
      const FunctionDecl *Site = enclosingFunction(*Construct, Ctx);
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Site);
      if (!Method || Method->isStatic() || Method->getParent()->isLambda())
        continue;
      const std::optional<handlers::Reason> Root =
          Handlers.handlerReason(*Method, Ctx);
      if (Root && Root->Kind != handlers::RootKind::PerCallObject &&
          Root->Kind != handlers::RootKind::ItemLoop)
        return Owner{Owner::Member, Target};
    }
  }
  return std::nullopt;
}

const VarDecl *
UnboundedSharedContainerCheck::lockInScope(const Stmt &S,
                                           ASTContext &Ctx) const {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  DynTypedNode Node = DynTypedNode::create(S);
  for (unsigned Step = 0; Step < 256; ++Step) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>())
      return nullptr;
    if (const auto *Block = Parent.get<CompoundStmt>()) {
      const Stmt *Child = Node.get<Stmt>();
      for (const Stmt *Item : Block->body()) {
        if (Item == Child)
          break;
        const auto *Decls = dyn_cast<DeclStmt>(Item);
        if (!Decls)
          continue;
        for (const Decl *D : Decls->decls()) {
          const auto *Var = dyn_cast<VarDecl>(D);
          const CXXRecordDecl *Type =
              Var ? Var->getType()->getAsCXXRecordDecl() : nullptr;
          if (Type && findSelfOrBase(*Type, LockNames))
            return Var;
        }
      }
    }
    Node = Parent;
  }
  return nullptr;
}

void UnboundedSharedContainerCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("insertion");
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (!Call || isInMacroBody(Call->getBeginLoc(), SM))
    return;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  if (!Method)
    return;
  const Expr *Object = nullptr;
  bool ThroughPointer = false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    Object = Member->getImplicitObjectArgument();
    const auto *Callee = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    ThroughPointer = Callee && Callee->isArrow();
  }
  else if (Call->getNumArgs() > 0)
    Object = Call->getArg(0);
  if (!Object || Object->isTypeDependent() || Object->isValueDependent())
    return;

  // Most insertions fill a plain local: no need to ask where they run.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(handlers::stripWrappers(Object))) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || (Var->hasLocalStorage() &&
                 !Ref->refersToEnclosingVariableOrCapture() &&
                 !Var->getType()->isReferenceType() &&
                 !Var->getType()->isPointerType()))
      return;
  }

  // A container, not a cache with a capacity nor a class that bounds itself.
  const CXXRecordDecl *Record = Method->getParent();
  if (!loops::isContainerClass(Record) || findSelfOrBase(*Record, BoundedNames))
    return;
  const bool Keyed = loops::isKeyedContainerClass(Record);
  if (Method->getOverloadedOperator() == OO_Subscript && !Keyed)
    return;
  if (!SM.isInSystemHeader(SM.getExpansionLoc(Method->getLocation())) &&
      containers::boundsItself(*Method, Api))
    return;
  // A fixed key: the map holds one entry for it, however many requests.
  if (Keyed)
    if (const Expr *Key = insertedKey(*Call); Key && isConstant(Key, Ctx))
      return;
  // 'if (m.count(k)) m[k](...)': a lookup of a key that is there.
  if (Method->getOverloadedOperator() == OO_Subscript)
    if (const Expr *Key = insertedKey(*Call);
        Key && isGuardedLookup(*Call, *Object, *Key, Ctx))
      return;

  for (const handlers::PerRequestPath &Path :
       Handlers.perRequestPaths(*Call, Ctx)) {
    if (Path.Root.Kind == handlers::RootKind::ItemLoop)
      continue;
    std::optional<Owner> Where =
        ownerOf(Object, Path, Path.Calls.size(), ThroughPointer, 0, Ctx);
    if (!Where || !Where->Holder)
      continue;
    if (!References || &References->context() != &Ctx)
      References = std::make_unique<ReferenceIndex>(Ctx);
    if (containers::findBound(*Where->Holder, *References, Api))
      return;
    diagnose(*Call, *Object, *Where, Path, Ctx);
    return;
  }
}

void UnboundedSharedContainerCheck::diagnose(
    const CallExpr &Insertion, const Expr &Object, const Owner &Where,
    const handlers::PerRequestPath &Path, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const handlers::Reason &Root = Path.Root;
  const ValueDecl &Holder = *Where.Holder;

  // The container as written ('Sessions_', 'Cache'), or its holder's name.
  std::string Name = Holder.getNameAsString();
  const Expr *Written = handlers::stripWrappers(&Object);
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Written);
      Operator && Operator->getOperator() == OO_Arrow)
    Written = handlers::stripWrappers(Operator->getArg(0));
  if (const auto *Member = dyn_cast<MemberExpr>(Written);
      Member && Member->isImplicitAccess())
    Written = nullptr;
  if (Written)
    if (std::optional<std::string> Text = fixits::sourceText(
            SourceRange(SM.getFileLoc(Written->getBeginLoc()),
                        SM.getFileLoc(Written->getEndLoc())),
            SM, Ctx.getLangOpts());
        Text && !Text->empty() && Text->size() <= MaxNameLength &&
        llvm::StringRef(*Text).find_first_of("\n\r") == llvm::StringRef::npos)
      Name = *Text;

  std::string Lifetime;
  switch (Where.Kind) {
  case Owner::Member:
    Lifetime =
        "a member of '" + className(*cast<FieldDecl>(Holder).getParent()) + "'";
    break;
  case Owner::Global:
    Lifetime = "a global";
    break;
  case Owner::StaticLocal:
    Lifetime = "a static local";
    break;
  case Owner::StaticMember:
    Lifetime = "a static member of '" +
               className(*cast<RecordDecl>(Holder.getDeclContext())) + "'";
    break;
  case Owner::Captured:
    Lifetime = "a container the handler captures from outside";
    break;
  }

  const VarDecl *Lock = lockInScope(Insertion, Ctx);
  std::string LockText;
  if (Lock)
    LockText = " holding '" + Lock->getNameAsString() +
               "' serializes the insertions but does not bound them, and";

  const SourceLocation Loc = SM.getFileLoc(Insertion.getExprLoc());
  diag(Loc, "'%0' grows with every %1 and lives beyond it as %2;%3 nothing "
            "in this translation unit erases, clears or caps it: cap its size "
            "and evict old entries, or use a bounded cache")
      << Name << Root.unit() << Lifetime << LockText
      << Insertion.getSourceRange();

  // Where it lives.
  const SourceLocation HolderLoc = SM.getFileLoc(Holder.getLocation());
  switch (Where.Kind) {
  case Owner::Member:
    diag(HolderLoc,
         "'%0' is declared here: it lives as long as its '%1' object",
         DiagnosticIDs::Note)
        << Holder.getName() << className(*cast<FieldDecl>(Holder).getParent());
    break;
  case Owner::Captured:
    diag(HolderLoc,
         "'%0' is declared here, outside the handler: every request reaches "
         "the same container",
         DiagnosticIDs::Note)
        << Holder.getName();
    break;
  default:
    diag(HolderLoc, "'%0' is declared here and lives until the program exits",
         DiagnosticIDs::Note)
        << Holder.getName();
    break;
  }

  // From the insertion out to the reason: the calls, then the handler.
  for (auto Step = Path.Calls.rbegin(); Step != Path.Calls.rend(); ++Step)
    diag(SM.getFileLoc(Step->Call->getExprLoc()), "'%0' is called here",
         DiagnosticIDs::Note)
        << qualifiedName(*Step->Callee);
  diag(SM.getFileLoc(Root.Loc), "%0", DiagnosticIDs::Note) << Root.Note;

  if (Lock)
    diag(SM.getFileLoc(Lock->getLocation()),
         "the lock taken here keeps concurrent insertions apart; it does not "
         "limit how many elements accumulate",
         DiagnosticIDs::Note);
  diag(Loc,
       "to bound it, compare its size with a cap before inserting and evict "
       "an entry (the oldest or least recently used) when the cap is reached, "
       "or keep the entries in a cache type with a capacity "
       "(BoundedContainerTypes)",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::leak
