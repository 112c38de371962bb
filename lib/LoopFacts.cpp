//===-- LoopFacts.cpp - what one walk of a loop finds ---------------------===//

#include "LoopFacts.h"
#include "Catalog.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::leak::loops {

namespace {

bool isSetterLike(const CXXMethodDecl *Method) {
  return Method && !Method->isConst() && !Method->isStatic();
}

} // namespace

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
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    // Over a cursor: the element is the iteration's own.
    if (const VarDecl *Element = Range->getLoopVariable())
      InnerDecls.insert(Element);
    walk(Range->getBody(), &Loop, W);
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

  // A helper of the file that appends to a container it is given:
  // 'appendPage(Rows, Outcome.GetResult())'.
  if (Callee)
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (growsParameter(*Callee, I)) {
        // '&Rows' given to a pointer parameter adds to 'Rows'.
        const Expr *Arg = strip(Call->getArg(I));
        if (const auto *Address = dyn_cast<UnaryOperator>(Arg);
            Address && Address->getOpcode() == UO_AddrOf)
          Arg = Address->getSubExpr();
        addAccumulation(Arg, Call, W);
      }

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
    // A record filled in place, or a pointer set to one the call returns
    // ('mongoc_cursor_next(cursor, &doc)' with a 'const bson_t **').
    const bool RecordOut =
        Param->isPointerType() && !Param->getPointeeType().isConstQualified() &&
        (Param->getPointeeType()->isRecordType() ||
         (Param->getPointeeType()->isPointerType() &&
          Param->getPointeeType()->getPointeeType()->isRecordType()));
    if (RecordOut) {
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

namespace {
bool isCommaOperator(const Stmt *S) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(S);
  return Op && Op->getOperator() == OO_Comma;
}
} // namespace

const CallExpr *statementOf(const CallExpr &Binder, ASTContext &Ctx) {
  const CallExpr *Root = nullptr;
  DynTypedNode Node = DynTypedNode::create(Binder);
  for (unsigned Step = 0; Step < 64; ++Step) {
    const DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.size() != 1)
      break;
    Node = Parents[0];
    const auto *E = Node.get<Expr>();
    if (!E)
      break;
    if (isCommaOperator(E))
      Root = cast<CallExpr>(E);
    else if (!isa<ParenExpr, CastExpr, MaterializeTemporaryExpr,
                  CXXBindTemporaryExpr, CXXConstructExpr, ExprWithCleanups>(E))
      break;
  }
  return Root;
}

void LoopFacts::computeOrigins() {
  for (const CallFact &Fact : Calls)
    addOutParamOrigins(Fact.Call, Origins);
  // 'sql << "SELECT ...", use(last), into(page)': the statement the
  // overloaded commas build fills what its binders name.
  for (const CallFact &Fact : Calls) {
    const FunctionDecl *Callee = Fact.Call->getDirectCallee();
    if (!Callee || Fact.Call->getNumArgs() == 0 ||
        !isQualifiedListed(Callee, catalog::statementOutputBinders()))
      continue;
    if (const ValueDecl *Target = namedDecl(Fact.Call->getArg(0)))
      if (const CallExpr *Statement = statementOf(*Fact.Call, Ctx))
        Origins[Target].insert(Statement);
  }
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

llvm::SmallVector<const Expr *, 4> LoopFacts::allGuards() const {
  llvm::SmallVector<const Expr *, 4> Guards;
  if (LoopCond)
    Guards.push_back(LoopCond);
  for (const ExitFact &Exit : Exits)
    for (const Expr *Guard : Exit.Guards)
      Guards.push_back(Guard);
  return Guards;
}

} // namespace clang::tidy::leak::loops
