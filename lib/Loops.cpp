//===-- Loops.cpp - token-driven loops, accumulation, caps and breaks -----===//

#include "Loops.h"
#include "Catalog.h"
#include "Context.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::leak::loops {

namespace {

using DeclSet = llvm::SmallPtrSet<const ValueDecl *, 8>;
using CallSet = llvm::SmallPtrSet<const Expr *, 4>;

/// Bounds the recursion over expressions and declarations, so that unusual
/// code (deep chains, self-referencing initializers) stays cheap.
constexpr unsigned MaxDepth = 16;

bool isListed(StringRef Name, llvm::ArrayRef<std::string> Names) {
  return llvm::is_contained(Names, Name);
}

bool isListed(StringRef Name, llvm::ArrayRef<StringRef> Names) {
  return llvm::is_contained(Names, Name);
}

/// The qualified name of \p D as users spell it: no inline or anonymous
/// namespaces, no template arguments. Empty for local declarations.
std::string spelledQualifiedName(const NamedDecl &D) {
  if (!D.getDeclName().isIdentifier() &&
      D.getDeclName().getNameKind() != DeclarationName::CXXOperatorName)
    return {};
  std::string Name = D.getNameAsString();
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = (NS->getName() + "::" + Name).str();
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getName().empty())
        return {};
      Name = (RD->getName() + "::" + Name).str();
    } else if (isa<LinkageSpecDecl>(DC)) {
      continue;
    } else if (isa<TranslationUnitDecl>(DC)) {
      break;
    } else {
      return {}; // Declared in a function.
    }
  }
  return Name;
}

template <typename List>
bool isQualifiedListed(const NamedDecl *D, const List &Names) {
  if (!D)
    return false;
  const std::string Name = spelledQualifiedName(*D);
  if (Name.empty())
    return false;
  return llvm::any_of(Names, [&](const auto &Entry) {
    return StringRef(Entry).ltrim(':') == Name;
  });
}

bool isInStd(const Decl *D) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC;
       DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

/// The class of \p T, looking through references and one pointer.
const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const CXXRecordDecl *definitionOf(const CXXRecordDecl *RD) {
  return RD ? RD->getDefinition() : nullptr;
}

bool hasMemberTypeNamed(const CXXRecordDecl *RD, StringRef Name,
                        unsigned Depth = 0) {
  RD = definitionOf(RD);
  if (!RD || Depth > MaxDepth)
    return false;
  for (const Decl *D : RD->decls())
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      if (TD->getName() == Name)
        return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasMemberTypeNamed(Base.getType()->getAsCXXRecordDecl(), Name,
                           Depth + 1))
      return true;
  return false;
}

} // namespace

bool isContainerClass(const CXXRecordDecl *RD) {
  return RD && llvm::all_of(catalog::containerMembers(), [&](StringRef Member) {
           return hasMethodNamed(RD, Member);
         });
}

namespace {

/// A container of elements that are not characters: a page of items, not a
/// string.
bool isCollectionClass(const CXXRecordDecl *RD) {
  if (!isContainerClass(RD))
    return false;
  for (const Decl *D : definitionOf(RD)->decls())
    if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
      if (Alias->getName() == catalog::containerElementMemberType())
        return !Alias->getUnderlyingType()->isAnyCharacterType();
  return true;
}

/// True for 'List[0]', 'List.front()', 'List.back()' or 'List.at(I)' on a
/// collection: one element of a returned list, as in a walk from node to
/// node ('Parents[0]' of a node's list of parents).
bool isElementOfCollection(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  const Expr *Object = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    Object = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getDeclName().isIdentifier() &&
        llvm::is_contained(catalog::containerElementAccessors(),
                           Method->getName()))
      Object = Call->getImplicitObjectArgument();
  }
  if (!Object)
    return false;
  const QualType T = Object->getType();
  return !T.isNull() && isCollectionClass(T->getAsCXXRecordDecl());
}

} // namespace

bool isKeyedContainerClass(const CXXRecordDecl *RD) {
  return isContainerClass(RD) &&
         llvm::any_of(
             catalog::keyedContainerMemberTypes(),
             [&](StringRef Type) { return hasMemberTypeNamed(RD, Type); });
}

namespace {

/// \p E without the nodes that pass its value through unchanged: parentheses,
/// implicit and explicit casts, temporaries, copies and std::move.
const Expr *strip(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 4 * MaxDepth; ++Steps) {
    const Expr *Next = ignoreTemporaries(E);
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Next)) {
      Next = Cast->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      if (Construct->getNumArgs() >= 1 &&
          llvm::all_of(
              llvm::drop_begin(Construct->arguments()),
              [](const Expr *Arg) { return isa<CXXDefaultArgExpr>(Arg); }))
        Next = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(Next)) {
      if (Call->getNumArgs() == 1 && !isa<CXXMemberCallExpr>(Call) &&
          isQualifiedListed(Call->getDirectCallee(),
                            catalog::valuePassThroughFunctions()))
        Next = Call->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The variable, binding or member (through 'this') that \p E names exactly.
const ValueDecl *namedDecl(const Expr *E) {
  E = strip(E);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (isa<VarDecl, BindingDecl>(Ref->getDecl()))
      return Ref->getDecl();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    if (isa<CXXThisExpr>(strip(Member->getBase())) &&
        isa<FieldDecl>(Member->getMemberDecl()))
      return Member->getMemberDecl();
  return nullptr;
}

/// The variable, binding or member at the root of \p E: 'req' for
/// 'req.items', 'out' for '*out' or 'out->items', 'msg' for
/// '*msg.mutable_token()'.
const ValueDecl *rootDecl(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < MaxDepth; ++Steps) {
    E = strip(E);
    if (const ValueDecl *D = namedDecl(E))
      return D;
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref)
        return nullptr;
      E = Unary->getSubExpr();
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(Member->getMemberDecl()))
        return nullptr;
      E = Member->getBase();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star) ||
          Op->getNumArgs() != 1)
        return nullptr;
      E = Op->getArg(0);
    } else if (const auto *Accessor = dyn_cast<CXXMemberCallExpr>(E)) {
      // A part of the object returned by reference or pointer.
      const QualType Type = Accessor->getType();
      const bool ReturnsPart =
          Accessor->getNumArgs() == 0 && !Type.isNull() &&
          ((Accessor->isLValue() && !Type.isConstQualified()) ||
           (Type->isPointerType() &&
            !Type->getPointeeType().isConstQualified()));
      if (!ReturnsPart)
        return nullptr;
      E = Accessor->getImplicitObjectArgument();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// Calls \p Visit on every statement below \p S (not \p S itself) in source
/// order, lambda bodies included.
template <typename Fn> void forEachDescendant(const Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    Visit(Child);
    forEachDescendant(Child, Visit);
  }
}

/// Every variable, binding and member (through 'this') named in \p S.
DeclSet referencedDecls(const Stmt *S) {
  DeclSet Out;
  if (!S)
    return Out;
  auto Add = [&](const Stmt *Node) {
    if (const auto *E = dyn_cast<Expr>(Node))
      if (const ValueDecl *D = namedDecl(E))
        Out.insert(D);
  };
  Add(S);
  forEachDescendant(S, Add);
  return Out;
}

bool containsStmt(const Stmt *S, const Stmt *Target) {
  if (!S || !Target)
    return false;
  if (S == Target)
    return true;
  bool Found = false;
  forEachDescendant(S, [&](const Stmt *Node) { Found |= Node == Target; });
  return Found;
}

bool containsMemberCallNamed(const Stmt *S, llvm::ArrayRef<std::string> Names) {
  bool Found = false;
  auto Check = [&](const Stmt *Node) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Node))
      if (const CXXMethodDecl *Method = Call->getMethodDecl())
        if (Method->getDeclName().isIdentifier())
          Found |= isListed(Method->getName(), Names);
  };
  if (S) {
    Check(S);
    forEachDescendant(S, Check);
  }
  return Found;
}

bool intersects(const DeclSet &A, const DeclSet &B) {
  return llvm::any_of(A, [&](const ValueDecl *D) { return B.contains(D); });
}

/// The comparisons (relational, equality, three-way) inside \p S, as operand
/// pairs.
llvm::SmallVector<std::pair<const Expr *, const Expr *>, 2>
comparisonsIn(const Stmt *S) {
  llvm::SmallVector<std::pair<const Expr *, const Expr *>, 2> Out;
  auto Check = [&](const Stmt *Node) {
    if (const auto *Binary = dyn_cast<BinaryOperator>(Node)) {
      if (Binary->isComparisonOp())
        Out.emplace_back(Binary->getLHS(), Binary->getRHS());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Node)) {
      if (Op->isComparisonOp() && Op->getNumArgs() == 2)
        Out.emplace_back(Op->getArg(0), Op->getArg(1));
    } else if (const auto *Rewritten =
                   dyn_cast<CXXRewrittenBinaryOperator>(Node)) {
      Out.emplace_back(Rewritten->getLHS(), Rewritten->getRHS());
    }
  };
  if (S) {
    Check(S);
    forEachDescendant(S, Check);
  }
  return Out;
}

bool isSetterLike(const CXXMethodDecl *Method) {
  return Method && !Method->isConst() && !Method->isStatic();
}

/// Where a statement is, relative to the analyzed loop.
struct Where {
  bool InNestedLoop = false;
  bool InSwitch = false;
  bool InLambda = false;
  bool InHandler = false;
  /// Set once a nested loop, switch or lambda is entered: a 'break' placed
  /// deeper would not leave the analyzed loop.
  bool CapFixed = false;
  const Stmt *CapPoint = nullptr;
  llvm::SmallVector<const Stmt *, 2> NestedLoops;
  llvm::SmallVector<const Expr *, 4> Guards;
};

struct CallFact {
  const CallExpr *Call;
  bool Direct; ///< Not in a nested loop or a lambda.
  const Stmt *Anchor;
};

/// A write to a variable or an object: an assignment, '+=', '++', or a call
/// of a non-const member function with arguments (a setter).
struct WriteFact {
  const Stmt *Site;
  /// The object written: the variable, or the object of the setter.
  const Expr *Target;
  const Expr *Value; ///< Null for ++ and --.
  bool Plain;        ///< '=' (as opposed to '+=', '++'...).
  const CXXMethodDecl *Setter;
  bool InLambda;
};

struct ExitFact {
  const Stmt *Site;
  llvm::SmallVector<const Expr *, 4> Guards;
  bool ErrorPath; ///< In a catch handler.
  bool Unknown;   ///< A goto: where it goes is not analyzed.
};

struct AccumulationFact {
  Accumulation Site;
  llvm::SmallVector<const Stmt *, 2> NestedLoops;
};

/// Everything the analysis needs to know about one loop, gathered in one walk.
class LoopFacts {
public:
  LoopFacts(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api)
      : Loop(Loop), Ctx(Ctx), Api(Api) {}

  std::optional<PaginationLoop> analyze();

private:
  void walkLoop();
  void walk(const Stmt *S, const Stmt *Parent, Where W);
  void walkNestedLoop(const Stmt *S, Where W);
  void onDecl(const Decl *D);
  void onCall(const CallExpr *Call, const Where &W);
  void onDeclRef(const DeclRefExpr *Ref, const Where &W);
  void addAccumulation(const Expr *Object, const Expr *Site, const Where &W);
  void addLambdaParams(const LambdaExpr *Lambda);

  void computeOrigins();
  void addOrigins(const Expr *E, CallSet &Out, unsigned Depth) const;
  CallSet originsOf(const Expr *E) const {
    CallSet Out;
    addOrigins(E, Out, 0);
    return Out;
  }
  bool derivesFrom(const Expr *E, const Expr *Call) const {
    return originsOf(E).contains(Call);
  }
  const Expr *memberReadBase(const Expr *E, unsigned Depth = 0) const;
  const Expr *tokenRead(const Expr *Value) const;
  DeclSet taintedBy(const ValueDecl *State) const;
  bool feeds(const DeclSet &Tainted, const CallExpr *Call) const;
  bool isPageRequest(const CallExpr *Call, const ValueDecl *State) const;
  bool dependsOnPage(const Expr *Guard, const CallExpr *Request,
                     const ValueDecl *State) const;
  bool exitsDependOnPage(const CallExpr *Request, const ValueDecl *State) const;
  bool isSqlRequest(const CallExpr *Call) const;
  bool returnsCollection(const CallExpr *Request) const;
  std::optional<PageLink> findLink() const;
  std::optional<PageLink> findCursorLink() const;
  bool isCapped(const PageLink &Link) const;
  const Stmt *onlyTokenExit(const PageLink &Link) const;
  PageSize pageSize(const PageLink &Link) const;
  bool isPaginationLoop(const Stmt *Nested) const;
  llvm::SmallVector<const Expr *, 4> allGuards() const;

  bool isInner(const ValueDecl *D) const { return InnerDecls.contains(D); }

  const Stmt &Loop;
  ASTContext &Ctx;
  const PagedApi &Api;

  bool Invalid = false;
  DeclSet InnerDecls;
  std::vector<std::pair<const ValueDecl *, const Expr *>> LocalInits;
  std::vector<CallFact> Calls;
  llvm::SmallPtrSet<const Expr *, 16> CallsInLoop;
  std::vector<WriteFact> Writes;
  std::vector<ExitFact> Exits;
  std::vector<AccumulationFact> Accumulations;
  DeclSet Emptied;
  std::vector<std::pair<const Expr *, const Expr *>> Comparisons;
  std::vector<std::pair<const LambdaExpr *, const Stmt *>> UsedLambdas;
  llvm::SmallPtrSet<const LambdaExpr *, 4> SeenLambdas;
  llvm::DenseMap<const ValueDecl *, CallSet> Origins;
  const Expr *LoopCond = nullptr;
};

void LoopFacts::walkLoop() {
  Where W;
  if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    walk(While->getConditionVariableDeclStmt(), &Loop, W);
    walk(While->getCond(), &Loop, W);
    LoopCond = While->getCond();
    walk(While->getBody(), &Loop, W);
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    walk(Do->getBody(), &Loop, W);
    walk(Do->getCond(), &Loop, W);
    LoopCond = Do->getCond();
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    // Variables of the init statement live across iterations, like those
    // declared before the loop: do not record them as inner declarations.
    if (For->getInit())
      forEachDescendant(For->getInit(), [&](const Stmt *Node) {
        if (const auto *E = dyn_cast<Expr>(Node); E && E->containsErrors())
          Invalid = true;
      });
    walk(For->getConditionVariableDeclStmt(), &Loop, W);
    walk(For->getCond(), &Loop, W);
    LoopCond = For->getCond();
    walk(For->getInc(), &Loop, W);
    walk(For->getBody(), &Loop, W);
  }
  // Lambdas defined before the loop and called in it: what they add to
  // outer containers grows them once per call.
  // The walk of one lambda can find more: the list grows while it is read.
  size_t Next = 0;
  while (Next < UsedLambdas.size()) {
    const auto [Lambda, Anchor] = UsedLambdas[Next++];
    Where InLambda;
    InLambda.InLambda = true;
    InLambda.CapFixed = true;
    InLambda.CapPoint = Anchor;
    addLambdaParams(Lambda);
    walk(Lambda->getBody(), Lambda, InLambda);
  }
}

void LoopFacts::addLambdaParams(const LambdaExpr *Lambda) {
  if (const CXXMethodDecl *Operator = Lambda->getCallOperator())
    for (const ParmVarDecl *Param : Operator->parameters())
      InnerDecls.insert(Param);
}

void LoopFacts::walkNestedLoop(const Stmt *S, Where W) {
  W.CapFixed = true;
  Where Inner = W;
  Inner.InNestedLoop = true;
  Inner.NestedLoops.push_back(S);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
    walk(Range->getInit(), S, W);
    walk(Range->getRangeInit(), S, W);
    if (const VarDecl *Var = Range->getLoopVariable()) {
      InnerDecls.insert(Var);
      if (const Expr *RangeInit = Range->getRangeInit())
        LocalInits.emplace_back(Var, RangeInit);
      if (const auto *Decomposition = dyn_cast<DecompositionDecl>(Var))
        for (const BindingDecl *Binding : Decomposition->bindings()) {
          InnerDecls.insert(Binding);
          if (const Expr *RangeInit = Range->getRangeInit())
            LocalInits.emplace_back(Binding, RangeInit);
        }
    }
    walk(Range->getBody(), S, Inner);
    return;
  }
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    walk(For->getInit(), S, W);
    walk(For->getConditionVariableDeclStmt(), S, Inner);
    walk(For->getCond(), S, Inner);
    walk(For->getInc(), S, Inner);
    walk(For->getBody(), S, Inner);
    return;
  }
  for (const Stmt *Child : S->children())
    walk(Child, S, Inner);
}

void LoopFacts::walk(const Stmt *S, const Stmt *Parent, Where W) {
  if (!S || Invalid)
    return;
  if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors()) {
    Invalid = true;
    return;
  }
  if (!W.CapFixed && Parent && isa<CompoundStmt>(Parent))
    W.CapPoint = S;

  if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S)) {
    walkNestedLoop(S, W);
    return;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), S, W);
    walk(If->getConditionVariableDeclStmt(), S, W);
    walk(If->getCond(), S, W);
    Where Branch = W;
    if (const Expr *Cond = If->getCond())
      Branch.Guards.push_back(Cond);
    walk(If->getThen(), S, Branch);
    walk(If->getElse(), S, Branch);
    return;
  }
  if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    walk(Switch->getInit(), S, W);
    walk(Switch->getConditionVariableDeclStmt(), S, W);
    walk(Switch->getCond(), S, W);
    Where Body = W;
    Body.InSwitch = true;
    Body.CapFixed = true;
    if (const Expr *Cond = Switch->getCond())
      Body.Guards.push_back(Cond);
    walk(Switch->getBody(), S, Body);
    return;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    walk(Try->getTryBlock(), S, W);
    Where Handler = W;
    Handler.InHandler = true;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      walk(Try->getHandler(I)->getHandlerBlock(), S, Handler);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      walk(Init, S, W);
    Where Body = W;
    Body.InLambda = true;
    Body.CapFixed = true;
    SeenLambdas.insert(Lambda);
    addLambdaParams(Lambda);
    walk(Lambda->getBody(), S, Body);
    return;
  }
  if (isa<BreakStmt>(S)) {
    if (!W.InNestedLoop && !W.InSwitch && !W.InLambda)
      Exits.push_back({S, W.Guards, W.InHandler, false});
    return;
  }
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(S) && !W.InLambda)
    Exits.push_back({S, W.Guards, W.InHandler, false});
  if (isa<GotoStmt, IndirectGotoStmt>(S) && !W.InLambda)
    Exits.push_back({S, W.Guards, W.InHandler, true});
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      onDecl(D);

  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->isAssignmentOp())
      Writes.push_back({S, Binary->getLHS(), Binary->getRHS(),
                        Binary->getOpcode() == BO_Assign, nullptr, W.InLambda});
    else if (Binary->isComparisonOp())
      Comparisons.emplace_back(Binary->getLHS(), Binary->getRHS());
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    if (Unary->isIncrementDecrementOp())
      Writes.push_back(
          {S, Unary->getSubExpr(), nullptr, false, nullptr, W.InLambda});
  } else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(S)) {
    Comparisons.emplace_back(Rewritten->getLHS(), Rewritten->getRHS());
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    onDeclRef(Ref, W);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S))
    onCall(Call, W);

  for (const Stmt *Child : S->children())
    walk(Child, S, W);
}

void LoopFacts::onDecl(const Decl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return;
  InnerDecls.insert(Var);
  const Expr *Init = Var->getInit();
  if (const auto *Decomposition = dyn_cast<DecompositionDecl>(Var))
    for (const BindingDecl *Binding : Decomposition->bindings()) {
      InnerDecls.insert(Binding);
      if (Init)
        LocalInits.emplace_back(Binding, Init);
    }
  if (Init)
    LocalInits.emplace_back(Var, Init);
}

void LoopFacts::onDeclRef(const DeclRefExpr *Ref, const Where &W) {
  // A lambda stored in a variable before the loop and used in it.
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || isInner(Var) || !Var->getInit())
    return;
  const auto *Lambda = dyn_cast<LambdaExpr>(strip(Var->getInit()));
  if (!Lambda || !SeenLambdas.insert(Lambda).second)
    return;
  UsedLambdas.emplace_back(Lambda, W.CapPoint);
}

void LoopFacts::addAccumulation(const Expr *Object, const Expr *Site,
                                const Where &W) {
  Object = strip(Object);
  const ValueDecl *Container = rootDecl(Object);
  if (!Container)
    return;
  const QualType Type = Object->getType();
  const bool ThroughPointer = !Type.isNull() && Type->isPointerType();
  if (!isContainerClass(classOf(Type)))
    return;
  Accumulation A;
  A.Site = Site;
  A.Container = Container;
  A.ContainerExpr = Object;
  A.ThroughPointer = ThroughPointer;
  A.CapPoint = W.CapPoint;
  Accumulations.push_back({A, W.NestedLoops});
}

void LoopFacts::onCall(const CallExpr *Call, const Where &W) {
  Calls.push_back({Call, !W.InNestedLoop && !W.InLambda, W.CapPoint});
  CallsInLoop.insert(Call);
  const FunctionDecl *Callee = Call->getDirectCallee();

  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Method || !Object || !Method->getDeclName().isIdentifier())
      return;
    const StringRef Name = Method->getName();
    if (isListed(Name, catalog::containerGrowMethods()))
      addAccumulation(Object, Call, W);
    else if (isListed(Name, catalog::containerShrinkMethods())) {
      // 'Items.clear()', and both sides of 'std::vector<T>().swap(Items)'.
      if (const ValueDecl *D = rootDecl(Object))
        Emptied.insert(D);
      for (const Expr *Arg : Call->arguments())
        if (isContainerClass(classOf(strip(Arg)->getType())))
          if (const ValueDecl *D = rootDecl(Arg))
            Emptied.insert(D);
    } else if (isSetterLike(Method) && Call->getNumArgs() > 0) {
      for (const Expr *Arg : Call->arguments())
        Writes.push_back({Call, Object, Arg, true, Method, W.InLambda});
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0 || !isa_and_nonnull<CXXMethodDecl>(Callee)) {
      // Free operators: only comparisons matter.
      if (Op->isComparisonOp() && Op->getNumArgs() == 2)
        Comparisons.emplace_back(Op->getArg(0), Op->getArg(1));
      return;
    }
    const Expr *Object = Op->getArg(0);
    const OverloadedOperatorKind Kind = Op->getOperator();
    if (Op->isComparisonOp() && Op->getNumArgs() == 2)
      Comparisons.emplace_back(Op->getArg(0), Op->getArg(1));
    if ((Kind == OO_Subscript &&
         isKeyedContainerClass(classOf(strip(Object)->getType()))) ||
        isListed(Callee->getNameAsString(), catalog::containerGrowMethods()))
      addAccumulation(Object, Call, W);
    if (Kind == OO_Equal &&
        isContainerClass(classOf(strip(Object)->getType()))) {
      if (const ValueDecl *D = rootDecl(Object))
        Emptied.insert(D);
    }
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2)
      Writes.push_back(
          {Call, Object, Op->getArg(1), Kind == OO_Equal, nullptr, W.InLambda});
    else if ((Kind == OO_PlusPlus || Kind == OO_MinusMinus))
      Writes.push_back({Call, Object, nullptr, false, nullptr, W.InLambda});
    return;
  }
  if (!Callee)
    return;
  if (Call->getNumArgs() >= 1 &&
      isQualifiedListed(Callee, catalog::insertingIteratorFunctions()))
    addAccumulation(Call->getArg(0), Call, W);
  if (isQualifiedListed(Callee, catalog::contentTransferFunctions()))
    for (const Expr *Arg : Call->arguments())
      if (isContainerClass(classOf(strip(Arg)->getType())))
        if (const ValueDecl *D = rootDecl(Arg))
          Emptied.insert(D);
}

/// Marks the variables a call writes through non-const references and
/// pointers (a gRPC stub's response, a cursor's result) as values it returns.
void addOutParamOrigins(const CallExpr *Call,
                        llvm::DenseMap<const ValueDecl *, CallSet> &Origins) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  // Forwarding references and packs take any argument: they say nothing
  // about what the call writes.
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  const unsigned First =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = First; I < Call->getNumArgs(); ++I) {
    const unsigned Index = I - First;
    if (Index >= Callee->getNumParams())
      break;
    if (Pattern) {
      if (Index >= Pattern->getNumParams())
        break;
      const ParmVarDecl *Written = Pattern->getParamDecl(Index);
      if (Written->isParameterPack() ||
          Written->getType()->isRValueReferenceType() ||
          Written->getType()->isDependentType())
        continue;
    }
    const QualType Param = Callee->getParamDecl(Index)->getType();
    const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
    const ValueDecl *Target = nullptr;
    if (Param->isPointerType() && !Param->getPointeeType().isConstQualified() &&
        Param->getPointeeType()->isRecordType()) {
      if (const auto *Address = dyn_cast<UnaryOperator>(Arg);
          Address && Address->getOpcode() == UO_AddrOf)
        Target = namedDecl(Address->getSubExpr());
    } else if (Param->isLValueReferenceType() &&
               !Param.getNonReferenceType().isConstQualified()) {
      Target = namedDecl(Arg);
    }
    if (Target)
      Origins[Target].insert(Call);
  }
}

void LoopFacts::computeOrigins() {
  for (const CallFact &Fact : Calls)
    addOutParamOrigins(Fact.Call, Origins);
  auto Merge = [&](const ValueDecl *D, const CallSet &From) {
    bool Changed = false;
    for (const Expr *Call : From)
      Changed |= Origins[D].insert(Call).second;
    return Changed;
  };
  for (unsigned Round = 0; Round < 4; ++Round) {
    bool Changed = false;
    for (const auto &[D, Init] : LocalInits)
      Changed |= Merge(D, originsOf(Init));
    for (const WriteFact &Write : Writes)
      if (Write.Plain && !Write.Setter && Write.Value)
        if (const ValueDecl *D = namedDecl(Write.Target))
          Changed |= Merge(D, originsOf(Write.Value));
    if (!Changed)
      break;
  }
}

void LoopFacts::addOrigins(const Expr *E, CallSet &Out, unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return;
  E = strip(E);
  if (const ValueDecl *D = namedDecl(E)) {
    auto It = Origins.find(D);
    if (It != Origins.end())
      Out.insert(It->second.begin(), It->second.end());
    return;
  }
  if (isa<LambdaExpr>(E))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (CallsInLoop.contains(Call))
      Out.insert(Call);
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      addOrigins(ChildExpr, Out, Depth + 1);
}

/// The object a value is read from: 'result' for 'result.GetNextToken()',
/// 'page' for 'page[0]', following locals initialized with such reads.
const Expr *LoopFacts::memberReadBase(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return nullptr;
  E = strip(E);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return Call->getImplicitObjectArgument();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isa<CXXThisExpr>(strip(Member->getBase())) ? nullptr
                                                      : Member->getBase();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() >= 1 &&
        isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
        !Op->isAssignmentOp())
      return Op->getArg(0);
    return nullptr;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return Subscript->getBase();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl())) {
      for (const auto &[D, Init] : LocalInits)
        if (D == Binding)
          return Init;
      return nullptr;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && isInner(Var))
      if (const Expr *Init = Var->getInit())
        return memberReadBase(Init, Depth + 1);
  }
  return nullptr;
}

/// Where the value written as the token was read: for 'Req.SetToken(Token)'
/// after 'Token = Resp.GetNextToken()', the getter call.
const Expr *LoopFacts::tokenRead(const Expr *Value) const {
  const ValueDecl *Var = namedDecl(Value);
  if (!Var)
    return Value;
  for (const auto &[D, Init] : LocalInits)
    if (D == Var && isa<CXXMemberCallExpr>(strip(Init)))
      return Init;
  for (const WriteFact &Write : Writes)
    if (Write.Plain && !Write.Setter && Write.Value &&
        namedDecl(Write.Target) == Var &&
        isa<CXXMemberCallExpr>(strip(Write.Value)))
      return Write.Value;
  return Value;
}

/// Everything the value of \p State reaches in the loop: locals computed
/// from it, request objects it is set into, variables assigned from it.
DeclSet LoopFacts::taintedBy(const ValueDecl *State) const {
  DeclSet Tainted;
  Tainted.insert(State);
  for (unsigned Round = 0; Round < 4; ++Round) {
    bool Changed = false;
    for (const auto &[D, Init] : LocalInits)
      if (!Tainted.contains(D) && intersects(referencedDecls(Init), Tainted))
        Changed |= Tainted.insert(D).second;
    for (const WriteFact &Write : Writes) {
      if (!Write.Value || Write.InLambda)
        continue;
      const ValueDecl *Target = rootDecl(Write.Target);
      if (Target && !Tainted.contains(Target) &&
          intersects(referencedDecls(Write.Value), Tainted))
        Changed |= Tainted.insert(Target).second;
    }
    if (!Changed)
      break;
  }
  return Tainted;
}

/// The arguments of \p Call (not its object) mention a tainted value.
bool LoopFacts::feeds(const DeclSet &Tainted, const CallExpr *Call) const {
  unsigned First = 0;
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()))
    First = 1;
  for (unsigned I = First; I < Call->getNumArgs(); ++I)
    if (intersects(referencedDecls(Call->getArg(I)), Tainted))
      return true;
  return false;
}

/// A call that can fetch a page: a function outside the standard library,
/// not a method of the token's own holder, that returns an object (or fills
/// one through a pointer or reference argument).
bool LoopFacts::isPageRequest(const CallExpr *Call,
                              const ValueDecl *State) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isInStd(Callee))
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (rootDecl(Member->getImplicitObjectArgument()) == State)
      return false;
  if (isQualifiedListed(Callee, Api.RequestFunctions))
    return true;
  const QualType Result = Call->getType();
  if (const CXXRecordDecl *RD = classOf(Result); RD && !isInStd(RD))
    return true;
  // A response filled through an argument (generated gRPC stubs).
  for (const ParmVarDecl *Param : Callee->parameters())
    if (const CXXRecordDecl *RD = classOf(Param->getType());
        RD && !isInStd(RD) &&
        !Param->getType().getNonReferenceType().isConstQualified() &&
        (Param->getType()->isPointerType()
             ? !Param->getType()->getPointeeType().isConstQualified()
             : Param->getType()->isLValueReferenceType()))
      return true;
  return false;
}

bool LoopFacts::dependsOnPage(const Expr *Guard, const CallExpr *Request,
                              const ValueDecl *State) const {
  if (!Guard)
    return false;
  if (containsStmt(Guard, Request))
    return true;
  for (const ValueDecl *D : referencedDecls(Guard)) {
    if (D == State)
      return true;
    auto It = Origins.find(D);
    if (It != Origins.end() && It->second.contains(Request))
      return true;
  }
  return originsOf(Guard).contains(Request);
}

llvm::SmallVector<const Expr *, 4> LoopFacts::allGuards() const {
  llvm::SmallVector<const Expr *, 4> Guards;
  if (LoopCond)
    Guards.push_back(LoopCond);
  for (const ExitFact &Exit : Exits)
    for (const Expr *Guard : Exit.Guards)
      Guards.push_back(Guard);
  return Guards;
}

bool LoopFacts::exitsDependOnPage(const CallExpr *Request,
                                  const ValueDecl *State) const {
  return llvm::any_of(allGuards(), [&](const Expr *Guard) {
    return dependsOnPage(Guard, Request, State);
  });
}

bool containsWord(StringRef Text, StringRef Word) {
  const std::string Lower = Text.lower();
  size_t From = 0;
  while (true) {
    const size_t At = StringRef(Lower).find(Word, From);
    if (At == StringRef::npos)
      return false;
    const bool StartOk = At == 0 || !llvm::isAlnum(Lower[At - 1]);
    const size_t End = At + Word.size();
    const bool EndOk = End >= Lower.size() || !llvm::isAlnum(Lower[End]);
    if (StartOk && EndOk)
      return true;
    From = At + 1;
  }
}

/// The string literals an expression is built from, looking one level into
/// the initializers of the variables it names.
void collectLiterals(const Expr *E, std::string &Out, unsigned Depth) {
  if (!E || Depth > 2)
    return;
  auto Visit = [&](const Stmt *Node) {
    if (const auto *Literal = dyn_cast<StringLiteral>(Node)) {
      if (Literal->getCharByteWidth() == 1) {
        Out += Literal->getString();
        Out += ' ';
      }
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(Node)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        collectLiterals(Var->getInit(), Out, Depth + 1);
    }
  };
  Visit(E);
  forEachDescendant(E, Visit);
}

std::string requestLiterals(const CallExpr *Call) {
  std::string Text;
  for (const Expr *Arg : Call->arguments())
    collectLiterals(Arg, Text, 0);
  return Text;
}

bool LoopFacts::isSqlRequest(const CallExpr *Call) const {
  return isQualifiedListed(Call->getDirectCallee(), Api.RequestFunctions) &&
         containsWord(requestLiterals(Call), "select");
}

/// Something derived from the response of \p Request in the loop is a
/// collection: the response is a page of items, not a single record.
bool LoopFacts::returnsCollection(const CallExpr *Request) const {
  bool Found = false;
  forEachDescendant(&Loop, [&](const Stmt *Node) {
    if (Found || !isa<MemberExpr, CXXMemberCallExpr, DeclRefExpr>(Node))
      return;
    const auto *E = cast<Expr>(Node);
    if (isCollectionClass(classOf(E->getType())) && derivesFrom(E, Request))
      Found = true;
  });
  return Found;
}

std::string tokenNameOf(const Expr *Value, const ValueDecl *State) {
  const Expr *E = strip(Value);
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && Method->getDeclName().isIdentifier())
      return (Method->getName() + "()").str();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    if (Member->getMemberDecl()->getDeclName().isIdentifier())
      return Member->getMemberDecl()->getName().str();
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (Ref->getDecl()->getDeclName().isIdentifier())
      return Ref->getDecl()->getName().str();
  if (State && State->getDeclName().isIdentifier())
    return State->getName().str();
  return "the token";
}

bool isArithmetic(const Expr *E) {
  if (!E)
    return true;
  const QualType T = strip(E)->getType();
  return !T.isNull() && (T->isArithmeticType() || T->isEnumeralType());
}

std::optional<PageLink> LoopFacts::findLink() const {
  std::optional<PageLink> Fallback;
  for (const WriteFact &Write : Writes) {
    if (Write.InLambda)
      continue;
    const ValueDecl *State = rootDecl(Write.Target);
    if (!State || isInner(State))
      continue;
    const bool Direct = namedDecl(Write.Target) == State;
    const bool SelfReferencing =
        Write.Value && Direct && referencedDecls(Write.Value).contains(State);
    const bool Advance =
        Direct && !Write.Setter && (!Write.Plain || SelfReferencing);
    const bool ObjectWrite = Write.Setter || !Direct;
    if (Write.Setter && Write.Setter->getDeclName().isIdentifier() &&
        (isListed(Write.Setter->getName(), catalog::containerGrowMethods()) ||
         isListed(Write.Setter->getName(), catalog::containerShrinkMethods())))
      continue;
    const CallSet ValueOrigins =
        Write.Value ? originsOf(Write.Value) : CallSet();
    const DeclSet Tainted = taintedBy(State);
    const bool CatalogToken =
        (Write.Setter && Write.Setter->getDeclName().isIdentifier() &&
         isListed(Write.Setter->getName(), Api.TokenSetters)) ||
        containsMemberCallNamed(Write.Value, Api.TokenGetters);

    for (const CallFact &Fact : Calls) {
      const CallExpr *Request = Fact.Call;
      if (!Fact.Direct || !isPageRequest(Request, State))
        continue;
      const bool CatalogRequest =
          isQualifiedListed(Request->getDirectCallee(), Api.RequestFunctions);
      const bool InCycle = ValueOrigins.contains(Request);
      if (!InCycle && !(Advance && CatalogRequest))
        continue;
      // A position advanced by a constant proves nothing by itself (an index
      // over an in-memory list does the same): then the response must decide.
      if (!feeds(Tainted, Request) ||
          !exitsDependOnPage(Request, InCycle ? State : nullptr))
        continue;

      // The value must be read from the response, not be the response.
      const Expr *Base = InCycle ? memberReadBase(Write.Value) : nullptr;
      const bool ReadFromResponse = Base && derivesFrom(Base, Request);
      const CXXRecordDecl *ResponseClass =
          Base ? classOf(strip(Base)->getType()) : nullptr;
      const bool LibraryResponse = ResponseClass && !isInStd(ResponseClass);
      // A token is a field of the response; an element of a returned list
      // ('Parents[0]', 'Rows.back()') is a walk from node to node.
      const bool TokenField = ResponseClass &&
                              !isCollectionClass(ResponseClass) &&
                              !isElementOfCollection(Base);

      bool Accepted = false;
      if (CatalogToken || CatalogRequest)
        Accepted = true;
      else if (!returnsCollection(Request))
        // Following single records (a parent link, a linked list) is a
        // walk, not paging.
        Accepted = false;
      else if (ObjectWrite)
        // 'req.SetCursor(resp.GetCursor())', 'params.cursor = page.next'.
        Accepted = ReadFromResponse && TokenField &&
                   classOf(State->getType()) != nullptr;
      else
        // 'token = page.next_token()': a token object (not a number) read
        // from a response that is not a plain standard type.
        Accepted = ReadFromResponse && LibraryResponse && TokenField &&
                   !isArithmetic(Write.Value) &&
                   classOf(State->getType()) != nullptr;
      if (!Accepted)
        continue;

      PageLink Link;
      Link.Request = Request;
      Link.FeedBack = Write.Site;
      Link.State = State;
      Link.TokenName = tokenNameOf(tokenRead(Write.Value), State);
      const bool SqlOrNumber =
          isSqlRequest(Request) || Advance || isArithmetic(Write.Value);
      Link.Kind = SqlOrNumber ? PageLinkKind::Position : PageLinkKind::Token;
      // Prefer a link through a well-known request function over one through
      // a helper that builds it (a URL, a statement).
      if (CatalogRequest || CatalogToken)
        return Link;
      if (!Fallback)
        Fallback = Link;
    }
  }
  return Fallback;
}

std::optional<PageLink> LoopFacts::findCursorLink() const {
  for (const CallFact &Fact : Calls) {
    if (!Fact.Direct)
      continue;
    const CallExpr *Call = Fact.Call;
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Object = Member->getImplicitObjectArgument();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
             Op && Op->getNumArgs() >= 1 &&
             isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      Object = Op->getArg(0);
    if (!Object ||
        !isQualifiedListed(classOf(strip(Object)->getType()), Api.CursorTypes))
      continue;
    const ValueDecl *Cursor = rootDecl(Object);
    if (!Cursor || isInner(Cursor))
      continue;
    // A read: the call fills a result through a reference argument.
    llvm::DenseMap<const ValueDecl *, CallSet> Filled;
    addOutParamOrigins(Call, Filled);
    if (Filled.empty() || !exitsDependOnPage(Call, nullptr))
      continue;
    PageLink Link;
    Link.Kind = PageLinkKind::Cursor;
    Link.Request = Call;
    Link.FeedBack = Call;
    Link.State = Cursor;
    Link.TokenName =
        Cursor->getDeclName().isIdentifier() ? Cursor->getName().str() : "";
    return Link;
  }
  return std::nullopt;
}

bool LoopFacts::isCapped(const PageLink &Link) const {
  DeclSet Counters;
  for (const WriteFact &Write : Writes) {
    const ValueDecl *D = namedDecl(Write.Target);
    if (!D || isInner(D) || !isArithmetic(Write.Target))
      continue;
    const bool SelfReferencing =
        Write.Value && referencedDecls(Write.Value).contains(D);
    if (!Write.Plain || SelfReferencing)
      Counters.insert(D);
  }
  DeclSet Containers;
  for (const AccumulationFact &Fact : Accumulations)
    Containers.insert(Fact.Site.Container);
  // Values that come from the pages: they are what the loop follows, not a
  // bound on it.
  auto FromPage = [&](const Expr *E) {
    if (derivesFrom(E, Link.Request))
      return true;
    return llvm::any_of(referencedDecls(E), [&](const ValueDecl *D) {
      auto It = Origins.find(D);
      return D == Link.State ||
             (It != Origins.end() && It->second.contains(Link.Request));
    });
  };
  // Locals computed from a counter or a container ('auto n = items.size()').
  DeclSet Bounds = Counters;
  Bounds.insert(Containers.begin(), Containers.end());
  for (const auto &[D, Init] : LocalInits)
    if (intersects(referencedDecls(Init), Bounds) && !FromPage(Init))
      Bounds.insert(D);

  for (const Expr *Guard : allGuards()) {
    const DeclSet Refs = referencedDecls(Guard);
    if (intersects(Refs, Containers))
      return true;
    unsigned Compared = 0;
    for (const auto &[LHS, RHS] : comparisonsIn(Guard)) {
      const bool LeftBound = intersects(referencedDecls(LHS), Bounds);
      const bool RightBound = intersects(referencedDecls(RHS), Bounds);
      if ((LeftBound && !FromPage(RHS)) || (RightBound && !FromPage(LHS)))
        return true;
      Compared += LeftBound || RightBound;
    }
    // A counter tested on its own ('while (Remaining--)').
    if (Compared == 0 && intersects(Refs, Bounds))
      return true;
  }
  return false;
}

bool isConstantExpr(const Expr *E, const ASTContext &Ctx) {
  E = strip(E);
  if (!E)
    return true;
  if (isa<StringLiteral, IntegerLiteral, CXXBoolLiteralExpr,
          CXXNullPtrLiteralExpr, FloatingLiteral, CharacterLiteral>(E))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 0;
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  return !E->isValueDependent() && E->isEvaluatable(Ctx);
}

const Stmt *LoopFacts::onlyTokenExit(const PageLink &Link) const {
  if (Link.Kind != PageLinkKind::Token)
    return nullptr;
  DeclSet TokenRelated = taintedBy(Link.State);
  for (const auto &[D, From] : Origins)
    if (From.contains(Link.Request))
      TokenRelated.insert(D);
  auto IsTokenRelated = [&](const Expr *E) {
    return intersects(referencedDecls(E), TokenRelated) ||
           derivesFrom(E, Link.Request);
  };
  // The new token compared with the previous one, or with anything that is
  // not a constant: the loop has its own way out.
  for (const auto &[LHS, RHS] : Comparisons)
    if ((IsTokenRelated(LHS) && !isConstantExpr(RHS, Ctx)) ||
        (IsTokenRelated(RHS) && !isConstantExpr(LHS, Ctx)))
      return nullptr;

  // Every way out must test only the response or the token.
  auto OnlyAboutThePage = [&](const Expr *Guard) {
    for (const ValueDecl *D : referencedDecls(Guard)) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!TokenRelated.contains(D) &&
          !(Var && Var->isUsableInConstantExpressions(Ctx)))
        return false;
    }
    bool Ok = true;
    auto Check = [&](const Stmt *Node) {
      const auto *Call = dyn_cast<CallExpr>(Node);
      if (!Call || isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call))
        return;
      if (!llvm::any_of(Call->arguments(), IsTokenRelated))
        Ok = false; // 'shouldStop()', 'now() > deadline'.
    };
    Check(Guard);
    forEachDescendant(Guard, Check);
    return Ok;
  };
  const Stmt *Test = nullptr;
  auto Consider = [&](const Expr *Guard) {
    if (!Test && (referencedDecls(Guard).contains(Link.State) ||
                  containsMemberCallNamed(Guard, Api.TokenGetters)))
      Test = Guard;
  };
  if (LoopCond) {
    if (!OnlyAboutThePage(LoopCond))
      return nullptr;
    Consider(LoopCond);
  }
  for (const ExitFact &Exit : Exits) {
    if (Exit.Unknown)
      return nullptr;
    if (Exit.ErrorPath)
      continue;
    for (const Expr *Guard : Exit.Guards) {
      if (!OnlyAboutThePage(Guard))
        return nullptr;
      Consider(Guard);
    }
  }
  if (!Test) {
    if (LoopCond && !isConstantExpr(LoopCond, Ctx))
      Test = LoopCond;
    for (const ExitFact &Exit : Exits)
      if (!Test && !Exit.ErrorPath && !Exit.Guards.empty())
        Test = Exit.Guards.back();
  }
  return Test;
}

/// The body of the function or lambda that holds \p S.
const Stmt *enclosingBody(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  for (unsigned Steps = 0; Steps < 256; ++Steps) {
    const DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Function = Node.get<FunctionDecl>())
      return Function->getBody();
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return Lambda->getBody();
    if (Node.get<Decl>() && !Node.get<VarDecl>())
      return nullptr;
  }
  return nullptr;
}

const CXXMethodDecl *pageSizeSetterOf(const CXXRecordDecl *RD,
                                      llvm::ArrayRef<std::string> Setters) {
  RD = definitionOf(RD);
  if (!RD)
    return nullptr;
  for (const std::string &Name : Setters)
    for (const CXXMethodDecl *Method : RD->methods())
      if (Method->getDeclName().isIdentifier() && Method->getName() == Name &&
          Method->getNumParams() == 1 &&
          Method->getParamDecl(0)->getType()->isIntegerType())
        return Method;
  return nullptr;
}

PageSize LoopFacts::pageSize(const PageLink &Link) const {
  PageSize Size;
  if (Link.Kind == PageLinkKind::Cursor) {
    Size.State = PageSizeState::Set; // The cursor's stride.
    return Size;
  }
  const CallExpr *Request = Link.Request;
  if (isQualifiedListed(Request->getDirectCallee(), Api.RequestFunctions)) {
    const std::string Text = requestLiterals(Request);
    if (containsWord(Text, "select")) {
      Size.IsSql = true;
      const bool Limited =
          containsWord(Text, "limit") ||
          (containsWord(Text, "fetch") &&
           (containsWord(Text, "first") || containsWord(Text, "next")));
      Size.State = Limited ? PageSizeState::Set : PageSizeState::NotSet;
    }
    return Size;
  }
  // Request objects: arguments of a class that has a page size setter.
  const unsigned First =
      isa<CXXOperatorCallExpr>(Request) &&
              isa_and_nonnull<CXXMethodDecl>(Request->getDirectCallee())
          ? 1
          : 0;
  llvm::SmallVector<const VarDecl *, 2> RequestVars;
  for (unsigned I = First; I < Request->getNumArgs(); ++I) {
    const Expr *Arg = Request->getArg(I);
    if (containsMemberCallNamed(Arg, Api.PageSizeSetters)) {
      Size.State = PageSizeState::Set;
      return Size;
    }
    const Expr *Stripped = strip(Arg);
    if (const auto *Address = dyn_cast<UnaryOperator>(Stripped);
        Address && Address->getOpcode() == UO_AddrOf)
      Stripped = Address->getSubExpr();
    if (!pageSizeSetterOf(classOf(strip(Stripped)->getType()),
                          Api.PageSizeSetters))
      continue;
    const ValueDecl *D = namedDecl(Stripped);
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    // A request received from elsewhere may have its page size set there.
    if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl())
      return Size;
    if (Var->getInit() &&
        containsMemberCallNamed(Var->getInit(), Api.PageSizeSetters)) {
      Size.State = PageSizeState::Set;
      return Size;
    }
    RequestVars.push_back(Var);
  }
  if (RequestVars.empty())
    return Size;
  bool Set = false;
  if (const Stmt *Body = enclosingBody(Loop, Ctx))
    forEachDescendant(Body, [&](const Stmt *Node) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(Node);
      if (!Call || !containsMemberCallNamed(Call, Api.PageSizeSetters))
        return;
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && Method->getDeclName().isIdentifier() &&
          isListed(Method->getName(), Api.PageSizeSetters) &&
          llvm::is_contained(RequestVars,
                             rootDecl(Call->getImplicitObjectArgument())))
        Set = true;
    });
  if (Set) {
    Size.State = PageSizeState::Set;
    return Size;
  }
  Size.State = PageSizeState::NotSet;
  Size.RequestVar = RequestVars.front();
  Size.Setter = pageSizeSetterOf(classOf(Size.RequestVar->getType()),
                                 Api.PageSizeSetters);
  Size.RequestVarOutsideLoop = !isInner(Size.RequestVar);
  for (const CallFact &Fact : Calls)
    if (Fact.Call == Request)
      Size.SetterPoint = Fact.Anchor;
  return Size;
}

bool LoopFacts::isPaginationLoop(const Stmt *Nested) const {
  if (!isa<WhileStmt, DoStmt, ForStmt>(Nested))
    return false;
  LoopFacts Inner(*Nested, Ctx, Api);
  return Inner.analyze().has_value();
}

std::optional<PaginationLoop> LoopFacts::analyze() {
  walkLoop();
  if (Invalid)
    return std::nullopt;
  // A loop with an unconditional way out runs once: it does not page.
  for (const ExitFact &Exit : Exits)
    if (Exit.Guards.empty() && !Exit.ErrorPath)
      return std::nullopt;
  computeOrigins();

  std::optional<PageLink> Link = findLink();
  if (!Link)
    Link = findCursorLink();
  if (!Link)
    return std::nullopt;

  PaginationLoop Result;
  Result.Loop = &Loop;
  Result.Link = *Link;
  Result.Capped = isCapped(*Link);
  Result.OnlyTokenExit = Result.Capped ? nullptr : onlyTokenExit(*Link);
  if (Result.Capped)
    return Result;

  llvm::DenseMap<const Stmt *, bool> NestedIsPaging;
  for (const AccumulationFact &Fact : Accumulations) {
    const ValueDecl *Container = Fact.Site.Container;
    if (isInner(Container) || Emptied.contains(Container) ||
        Container == Link->State)
      continue;
    // Pages of a nested pagination loop are that loop's finding.
    const bool InNestedPaging =
        llvm::any_of(Fact.NestedLoops, [&](const Stmt *Nested) {
          auto [It, Inserted] = NestedIsPaging.try_emplace(Nested, false);
          if (Inserted)
            It->second = isPaginationLoop(Nested);
          return It->second;
        });
    if (!InNestedPaging)
      Result.Accumulations.push_back(Fact.Site);
  }
  // Only a loop that keeps its pages needs to know (and the parent map this
  // may build is not free).
  if (!Result.Accumulations.empty())
    Result.Size = pageSize(*Link);
  return Result;
}

} // namespace

bool hasMethodNamed(const CXXRecordDecl *RD, StringRef Name) {
  RD = definitionOf(RD);
  if (!RD)
    return false;
  for (const Decl *D : RD->decls()) {
    const auto *Named = dyn_cast<NamedDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Named = Template->getTemplatedDecl();
    if (Named && isa<CXXMethodDecl>(Named) &&
        Named->getDeclName().isIdentifier() && Named->getName() == Name)
      return true;
  }
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &Base) {
    return hasMethodNamed(Base.getType()->getAsCXXRecordDecl(), Name);
  });
}

std::optional<PaginationLoop>
analyzePaginationLoop(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api) {
  if (!isa<WhileStmt, DoStmt, ForStmt>(Loop))
    return std::nullopt;
  LoopFacts Facts(Loop, Ctx, Api);
  return Facts.analyze();
}

} // namespace clang::tidy::leak::loops
