//===-- Ownership.cpp - is a local handle released on every path ----------===//

#include "Ownership.h"
#include "Compat.h"
#include "FunctionEffects.h"
#include "Parents.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <memory>

namespace clang::tidy::leak::ownership {

namespace {

/// The single parent of \p Node with every implicit node kept; an empty node
/// when there is none or several.
DynTypedNode parentOf(const DynTypedNode &Node, ASTContext &Ctx) {
  TraversalKindScope AsIs(Ctx, TK_AsIs);
  const DynTypedNodeList Parents = parentsOf(Node, Ctx);
  if (Parents.size() != 1)
    return {};
  return Parents[0];
}

bool refersTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  return Ref && Ref->getDecl() == &Var;
}

bool mentions(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == &Var;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return mentions(Child, Var); });
}

/// The acquiring call that \p E is, through parentheses and casts, when it
/// returns the handle.
const CallExpr *returningAcquisition(const Expr *E,
                                     const HandleFunctions &Functions) {
  // 'T *x = f(std::string(...))': the full-expression's cleanups wrap the
  // initializer.
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr();
  const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
  if (!Call)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Functions.IsAcquire(*Callee) ||
      !Callee->getReturnType()->isPointerType())
    return nullptr;
  return Call;
}

/// True when \p Ref is written inside a lambda or block nested in \p Body
/// (a capture), or not inside \p Body at all.
bool isOutsideBody(const DeclRefExpr &Ref, const Stmt &Body, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Ref);
  while (true) {
    const Stmt *S = Node.get<Stmt>();
    if (S == &Body)
      return false;
    if (Node.get<LambdaExpr>() || Node.get<BlockExpr>() ||
        Node.get<FunctionDecl>() || Node.get<BlockDecl>())
      return true;
    Node = parentOf(Node, Ctx);
    if (Node.getNodeKind().isNone())
      return true;
  }
}

/// True when the value of \p Call is not used: it is a statement of its own
/// (in a block, under a label or a case, or a branch of an 'if').
bool isDiscarded(const CallExpr &Call, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(Call);
  DynTypedNode Node = parentOf(Child, Ctx);
  while (Node.get<ExprWithCleanups>()) {
    Child = Node;
    Node = parentOf(Node, Ctx);
  }
  if (Node.get<CompoundStmt>() || Node.get<LabelStmt>() ||
      Node.get<SwitchCase>())
    return true;
  const auto *If = Node.get<IfStmt>();
  const Stmt *S = Child.get<Stmt>();
  return If && S && (If->getThen() == S || If->getElse() == S);
}

/// True when parameter \p Index of \p F points to const characters: the
/// function reads or copies a string and cannot take it over.
bool readsString(const FunctionDecl &F, unsigned Index) {
  if (Index >= F.getNumParams())
    return false;
  const QualType Type = F.getParamDecl(Index)->getType();
  return Type->isPointerType() && Type->getPointeeType().isConstQualified() &&
         Type->getPointeeType()->isAnyCharacterType();
}

/// Classifies one reference; std::nullopt when it is not modelled.
std::optional<Reference> classify(const DeclRefExpr &Ref, const VarDecl &Var,
                                  ASTContext &Ctx,
                                  const HandleFunctions &Functions,
                                  HandleEvents &Events) {
  const Expr *Child = &Ref;
  DynTypedNode Parent = parentOf(DynTypedNode::create(Ref), Ctx);
  while (const auto *E = Parent.get<Expr>()) {
    if (!isa<ParenExpr, CastExpr>(E))
      break;
    Child = E;
    Parent = parentOf(Parent, Ctx);
  }
  const auto Make = [&](RefKind Kind, const Stmt *At) {
    return std::optional<Reference>(Reference{&Ref, Kind, At});
  };

  if (const auto *Unary = Parent.get<UnaryOperator>()) {
    switch (Unary->getOpcode()) {
    case UO_LNot:
    case UO_Deref:
      return Make(RefKind::Use, Unary);
    case UO_AddrOf: {
      // '&x' given as the out-parameter of an acquiring call.
      DynTypedNode Up = parentOf(Parent, Ctx);
      while (Up.get<ParenExpr>() || Up.get<CastExpr>())
        Up = parentOf(Up, Ctx);
      const auto *Call = Up.get<CallExpr>();
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      if (!Callee || !Functions.IsAcquire(*Callee))
        return std::nullopt;
      const std::optional<unsigned> Out = handleOutParameter(*Callee);
      if (!Out || *Out >= Call->getNumArgs() ||
          Call->getArg(*Out)->IgnoreParenCasts() != Unary)
        return std::nullopt;
      Events.Acquisitions.push_back(Call);
      return Make(RefKind::AcquireInto, Call);
    }
    default:
      return std::nullopt;
    }
  }

  if (const auto *Binary = Parent.get<BinaryOperator>()) {
    if (Binary->getOpcode() == BO_Assign) {
      if (Binary->getLHS()->IgnoreParens() == Child) {
        const Expr *Value = Binary->getRHS();
        if (const CallExpr *Call = returningAcquisition(Value, Functions)) {
          Events.Acquisitions.push_back(Call);
          if (llvm::any_of(Call->arguments(),
                           [&](const Expr *Arg) { return mentions(Arg, Var); }))
            Events.Extending.insert(Call);
          return Make(RefKind::AcquireInto, Call);
        }
        if (Value->IgnoreParenCasts()->isNullPointerConstant(
                Ctx, Expr::NPC_ValueDependentIsNotNull))
          return Make(RefKind::Clear, Binary);
        return std::nullopt;
      }
      // Stored somewhere: another local is an alias this analysis does not
      // follow; a member, a global or pointed-to storage keeps the handle.
      const Expr *Target = Binary->getLHS()->IgnoreParenCasts();
      if (const auto *Local = dyn_cast<DeclRefExpr>(Target))
        if (const auto *LocalVar = dyn_cast<VarDecl>(Local->getDecl()))
          if (LocalVar->hasLocalStorage())
            return std::nullopt;
      return Make(RefKind::Transfer, Binary);
    }
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return Make(RefKind::Use, Binary);
    return std::nullopt;
  }

  if (const auto *Member = Parent.get<MemberExpr>())
    if (Member->isArrow() && Member->getBase()->IgnoreParenCasts() == &Ref)
      return Make(RefKind::ArrowBase, Member);
  if (const auto *Subscript = Parent.get<ArraySubscriptExpr>())
    if (Subscript->getBase() == Child)
      return Make(RefKind::Use, Subscript);

  // 'delete x': the release of an object a C++ API allocates for its caller.
  if (const auto *Delete = Parent.get<CXXDeleteExpr>())
    return Make(RefKind::Release, Delete);

  if (const auto *Call = Parent.get<CallExpr>()) {
    if (Call->getCallee() == Child)
      return std::nullopt;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return Make(RefKind::Transfer, Call);
    const auto Arg = llvm::find(Call->arguments(), Child);
    const auto Index = static_cast<unsigned>(Arg - Call->arg_begin());
    if (Functions.IsRelease(*Callee) ||
        (Functions.TakesOver && Arg != Call->arg_end() &&
         Functions.TakesOver(*Callee, Index)))
      return Make(RefKind::Release, Call);
    if (Functions.IsAcquire(*Callee) || Functions.OnlyUses(*Callee))
      return Make(RefKind::Use, Call);
    // 'dropconnect(conn);' with a function of the file that only hands the
    // handle back: with its value discarded, the handle stays here.
    if (Arg != Call->arg_end() && readsString(*Callee, Index))
      return Make(RefKind::Use, Call);
    if (Arg != Call->arg_end() && Index < Callee->getNumParams() &&
        onlyReturnsParameter(*Callee, Index) && isDiscarded(*Call, Ctx))
      return Make(RefKind::Use, Call);
    return Make(RefKind::Transfer, Call);
  }
  if (const auto *Construct = Parent.get<CXXConstructExpr>()) {
    // 'std::string Out = json;': the string copies the characters.
    const auto Arg = llvm::find(Construct->arguments(), Child);
    if (Arg != Construct->arg_end() &&
        readsString(*Construct->getConstructor(),
                    static_cast<unsigned>(Arg - Construct->arg_begin())))
      return Make(RefKind::Use, Construct);
    return Make(RefKind::Transfer, Construct);
  }
  if (const auto *Return = Parent.get<ReturnStmt>())
    return Make(RefKind::Transfer, Return);

  // A condition of its own: 'if (x)', 'while (x)', 'x ? a : b'.
  if (const auto *If = Parent.get<IfStmt>())
    if (If->getCond() == Child)
      return Make(RefKind::Use, If);
  if (const auto *While = Parent.get<WhileStmt>())
    if (While->getCond() == Child)
      return Make(RefKind::Use, While);
  if (const auto *For = Parent.get<ForStmt>())
    if (For->getCond() == Child)
      return Make(RefKind::Use, For);
  if (const auto *Do = Parent.get<DoStmt>())
    if (Do->getCond() == Child)
      return Make(RefKind::Use, Do);
  if (const auto *Conditional = Parent.get<ConditionalOperator>())
    if (Conditional->getCond() == Child)
      return Make(RefKind::Use, Conditional);
  return std::nullopt;
}

/// Which successor of a two-way branch on \p Condition is taken when the
/// variable is null: 0 (true), 1 (false), or std::nullopt.
std::optional<unsigned> nullBranch(const Expr *Condition, const VarDecl &Var,
                                   ASTContext &Ctx) {
  Condition = Condition->IgnoreParenImpCasts();
  // The variable, or an assignment to it: 'while ((x = next(...)) != NULL)'.
  const auto Names = [&](const Expr *E) {
    if (refersTo(E, Var))
      return true;
    const auto *Assign = dyn_cast<BinaryOperator>(E->IgnoreParenCasts());
    return Assign && Assign->getOpcode() == BO_Assign &&
           refersTo(Assign->getLHS(), Var);
  };
  if (Names(Condition))
    return 1;
  if (const auto *Not = dyn_cast<UnaryOperator>(Condition))
    if (Not->getOpcode() == UO_LNot && Names(Not->getSubExpr()))
      return 0;
  if (const auto *Compare = dyn_cast<BinaryOperator>(Condition)) {
    if (!Compare->isEqualityOp())
      return std::nullopt;
    const Expr *L = Compare->getLHS();
    const Expr *R = Compare->getRHS();
    const auto IsNull = [&](const Expr *E) {
      return E->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    if ((Names(L) && IsNull(R)) || (Names(R) && IsNull(L)))
      return Compare->getOpcode() == BO_EQ ? 0U : 1U;
  }
  return std::nullopt;
}

/// The statement just before the 'if' whose condition is \p Condition, in
/// the same block; null when there is none.
const Stmt *statementBefore(const Expr &Condition, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Condition);
  for (unsigned Step = 0; Step < 8; ++Step) {
    const DynTypedNode Parent = parentOf(Node, Ctx);
    if (const auto *If = Parent.get<IfStmt>()) {
      const auto *Block = parentOf(Parent, Ctx).get<CompoundStmt>();
      if (!Block)
        return nullptr;
      const Stmt *Previous = nullptr;
      for (const Stmt *Child : Block->body()) {
        if (Child == If)
          return Previous;
        Previous = Child;
      }
      return nullptr;
    }
    if (!Parent.get<Expr>())
      return nullptr;
    Node = Parent;
  }
  return nullptr;
}

/// The call whose status \p E is: the call itself, a local variable
/// initialized with it, or a local the statement just before the branch on
/// \p Condition assigns it to ('rc = SQLAllocHandle(...); if (fails(rc))').
const CallExpr *statusCall(const Expr *E, const Expr &Condition,
                           ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Status = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Status || !Status->hasLocalStorage())
      return nullptr;
    if (Status->getInit())
      return dyn_cast<CallExpr>(Status->getInit()->IgnoreParenImpCasts());
    const auto *Assign =
        dyn_cast_or_null<BinaryOperator>(statementBefore(Condition, Ctx));
    const auto *Target =
        Assign && Assign->getOpcode() == BO_Assign
            ? dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts())
            : nullptr;
    if (!Target || Target->getDecl() != Status)
      return nullptr;
    return dyn_cast<CallExpr>(Assign->getRHS()->IgnoreParenImpCasts());
  }
  return dyn_cast<CallExpr>(E);
}

/// What \p Cond, a condition on the parameter \p Param, says of it when it
/// holds: true when it implies a non-zero value ('rc != 0 && rc != 100'),
/// false when it implies zero ('rc == 0'), std::nullopt otherwise.
std::optional<bool> impliedStatus(const Expr *Cond, const ParmVarDecl &Param,
                                  ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  const auto *Binary = dyn_cast<BinaryOperator>(Cond);
  if (!Binary)
    return std::nullopt;
  if (Binary->getOpcode() == BO_LAnd) {
    const std::optional<bool> Left = impliedStatus(Binary->getLHS(), Param, Ctx);
    const std::optional<bool> Right =
        impliedStatus(Binary->getRHS(), Param, Ctx);
    if (Left && Right && *Left != *Right)
      return std::nullopt;
    return Left ? Left : Right;
  }
  if (Binary->getOpcode() == BO_LOr) {
    const std::optional<bool> Left = impliedStatus(Binary->getLHS(), Param, Ctx);
    const std::optional<bool> Right =
        impliedStatus(Binary->getRHS(), Param, Ctx);
    return Left && Right && *Left == *Right ? Left : std::nullopt;
  }
  if (!Binary->isEqualityOp())
    return std::nullopt;
  const Expr *Value = Binary->getLHS()->IgnoreParenImpCasts();
  const Expr *Constant = Binary->getRHS();
  if (!isa<DeclRefExpr>(Value)) {
    Value = Binary->getRHS()->IgnoreParenImpCasts();
    Constant = Binary->getLHS();
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Value);
  const std::optional<llvm::APSInt> K = compat::integerConstant(*Constant, Ctx);
  if (!Ref || Ref->getDecl() != &Param || !K)
    return std::nullopt;
  if (Binary->getOpcode() == BO_NE)
    return K->isZero() ? std::optional<bool>(true) : std::nullopt;
  return !K->isZero();
}

/// For a function of the project that takes a status and says whether it
/// means failure ('bool is_error(int rc) { return rc != 0 && ...; }'):
/// true when it returns true only for a non-zero status, false when only for
/// zero. Its body is 'return C;' or 'if (C) return true; [else] return
/// false;'.
std::optional<bool> statusPredicate(const FunctionDecl &F, ASTContext &Ctx) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || Definition->getNumParams() != 1 ||
      !Definition->getReturnType()->isBooleanType() ||
      !Definition->getParamDecl(0)->getType()->isIntegerType())
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() == 0)
    return std::nullopt;
  const ParmVarDecl &Param = *Definition->getParamDecl(0);
  const auto ReturnsTrue = [](const Stmt *S) {
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S);
        Block && Block->size() == 1)
      S = Block->body_front();
    const auto *Return = dyn_cast_or_null<ReturnStmt>(S);
    const auto *Literal =
        Return && Return->getRetValue()
            ? dyn_cast<CXXBoolLiteralExpr>(
                  Return->getRetValue()->IgnoreParenImpCasts())
            : nullptr;
    return Literal ? std::optional<bool>(Literal->getValue()) : std::nullopt;
  };
  const Stmt *First = Body->body_front();
  if (const auto *Return = dyn_cast<ReturnStmt>(First);
      Return && Body->size() == 1 && Return->getRetValue())
    return impliedStatus(Return->getRetValue(), Param, Ctx);
  const auto *If = dyn_cast<IfStmt>(First);
  if (!If || If->getInit() || If->getConditionVariable() ||
      ReturnsTrue(If->getThen()) != true)
    return std::nullopt;
  const Stmt *Otherwise = If->getElse();
  if (!Otherwise && Body->size() == 2)
    Otherwise = Body->body_back();
  if (ReturnsTrue(Otherwise) != false ||
      (If->getElse() && Body->size() != 1))
    return std::nullopt;
  return impliedStatus(If->getCond(), Param, Ctx);
}

/// For a two-way branch on \p Condition that tests the status returned by a
/// call: the call and the successor taken when it returned non-zero.
std::optional<std::pair<const CallExpr *, unsigned>>
failureBranch(const Expr *Condition, ASTContext &Ctx) {
  const Expr &Branch = *Condition;
  const auto StatusOf = [&](const Expr *E) {
    return statusCall(E, Branch, Ctx);
  };
  Condition = Condition->IgnoreParenImpCasts();
  // A predicate of the project on a status: 'if (is_error(rc))'.
  const auto Predicate =
      [&](const Expr *E) -> std::optional<std::pair<const CallExpr *, bool>> {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 1)
      return std::nullopt;
    const CallExpr *Status = StatusOf(Call->getArg(0));
    const std::optional<bool> TrueOnFailure = statusPredicate(*Callee, Ctx);
    if (!Status || !TrueOnFailure)
      return std::nullopt;
    return std::make_pair(Status, *TrueOnFailure);
  };
  if (const auto Tested = Predicate(Condition))
    return std::make_pair(Tested->first, Tested->second ? 0U : 1U);
  if (const auto *Not = dyn_cast<UnaryOperator>(Condition)) {
    if (Not->getOpcode() != UO_LNot)
      return std::nullopt;
    if (const auto Tested = Predicate(Not->getSubExpr()))
      return std::make_pair(Tested->first, Tested->second ? 1U : 0U);
    if (const CallExpr *Call = StatusOf(Not->getSubExpr()))
      return std::make_pair(Call, 1U);
    return std::nullopt;
  }
  if (const auto *Compare = dyn_cast<BinaryOperator>(Condition)) {
    if (!Compare->isEqualityOp())
      return std::nullopt;
    const Expr *Status = Compare->getLHS();
    const Expr *Constant = Compare->getRHS();
    if (!StatusOf(Status))
      std::swap(Status, Constant);
    const CallExpr *Call = StatusOf(Status);
    const std::optional<llvm::APSInt> Value =
        compat::integerConstant(*Constant, Ctx);
    if (!Call || !Value)
      return std::nullopt;
    // 'status != 0' and 'status == ERR' hold on failure.
    const bool TrueOnFailure =
        (Compare->getOpcode() == BO_NE) == Value->isZero();
    return std::make_pair(Call, TrueOnFailure ? 0U : 1U);
  }
  if (Condition->getType()->isIntegerType())
    if (const CallExpr *Call = StatusOf(Condition))
      return std::make_pair(Call, 0U);
  return std::nullopt;
}

/// The 'throw' expression \p Block ends with, if any.
const CXXThrowExpr *throwIn(const CFGBlock &Block) {
  for (const CFGElement &Element : Block)
    if (const std::optional<CFGStmt> S = compat::cfgAs<CFGStmt>(Element))
      if (const auto *Throw = dyn_cast<CXXThrowExpr>(S->getStmt()))
        return Throw;
  return nullptr;
}

/// True when control leaves \p Block only by an exception (a throw, or the
/// dispatch of a try to its handlers), or never (a call that does not
/// return): such paths are not followed further.
bool endsAbnormally(const CFGBlock &Block) {
  return Block.hasNoReturnElement() ||
         isa_and_nonnull<CXXTryStmt>(Block.getTerminatorStmt()) ||
         throwIn(Block);
}

} // namespace

std::optional<std::pair<const CallExpr *, unsigned>>
statusFailureBranch(const Expr *Condition, ASTContext &Ctx) {
  return failureBranch(Condition, Ctx);
}

std::optional<unsigned> handleOutParameter(const FunctionDecl &Acquire) {
  if (Acquire.getReturnType()->isPointerType())
    return std::nullopt;
  // The last writable pointer to a pointer that is not a string: inputs such
  // as 'char **attrs' and 'const char **tail' are skipped, and arrays given
  // in ('LDAPControl **serverctrls') come before the handle.
  for (unsigned I = Acquire.getNumParams(); I-- > 0;) {
    const QualType Type = Acquire.getParamDecl(I)->getType();
    if (!Type->isPointerType())
      continue;
    const QualType Pointee = Type->getPointeeType();
    if (Pointee->isPointerType() && !Pointee.isConstQualified() &&
        !Pointee->getPointeeType()->isAnyCharacterType())
      return I;
  }
  return std::nullopt;
}

bool onlyReturnsParameter(const FunctionDecl &F, unsigned Index) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->getBody() || Definition->isTemplated() ||
      Index >= Definition->getNumParams())
    return false;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  unsigned Returned = 0;
  // Every reference to the parameter is the value of a return statement.
  const std::function<bool(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return true;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const Expr *Value = Return->getRetValue();
      if (Value && refersTo(Value, *Param)) {
        ++Returned;
        return true;
      }
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return Ref->getDecl() != Param;
    return llvm::all_of(S->children(), Visit);
  };
  return Visit(Definition->getBody()) && Returned > 0;
}

std::pair<const Decl *, const Stmt *> enclosingFunction(const VarDecl &Var,
                                                        ASTContext &Ctx) {
  if (const auto *Param = dyn_cast<ParmVarDecl>(&Var)) {
    const auto *Function = dyn_cast<FunctionDecl>(Param->getDeclContext());
    if (!Function || !Function->hasBody())
      return {nullptr, nullptr};
    return {Function, Function->getBody()};
  }
  DynTypedNode Node = DynTypedNode::create(Var);
  while (true) {
    Node = parentOf(Node, Ctx);
    if (Node.getNodeKind().isNone())
      return {nullptr, nullptr};
    if (const auto *Function = Node.get<FunctionDecl>())
      return {Function, Function->getBody()};
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return {Lambda->getCallOperator(), Lambda->getBody()};
    if (const auto *Block = Node.get<BlockDecl>())
      return {Block, Block->getBody()};
  }
}

std::optional<HandleEvents> collectEvents(const VarDecl &Var, const Stmt &Body,
                                          ASTContext &Ctx,
                                          const HandleFunctions &Functions,
                                          const CallExpr *AtEntry) {
  using namespace ast_matchers;
  HandleEvents Events;
  Events.Var = &Var;
  if (AtEntry) {
    Events.AtEntry = AtEntry;
    Events.Acquisitions.push_back(AtEntry);
  } else if (const CallExpr *Init =
                 isa<ParmVarDecl>(Var)
                     ? nullptr
                     : returningAcquisition(Var.getInit(), Functions)) {
    Events.Acquisitions.push_back(Init);
  }

  TraversalKindScope AsIs(Ctx, TK_AsIs);
  const auto Refs =
      match(findAll(declRefExpr(to(varDecl(equalsNode(&Var)))).bind("ref")),
            Body, Ctx);
  for (const BoundNodes &Nodes : Refs) {
    const auto *Ref = Nodes.getNodeAs<DeclRefExpr>("ref");
    if (isOutsideBody(*Ref, Body, Ctx))
      return std::nullopt;
    std::optional<Reference> Classified =
        classify(*Ref, Var, Ctx, Functions, Events);
    if (!Classified)
      return std::nullopt;
    Events.References.push_back(*Classified);
  }
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Events.Acquisitions, [&](const CallExpr *A, const CallExpr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  Events.Acquisitions.erase(
      std::unique(Events.Acquisitions.begin(), Events.Acquisitions.end()),
      Events.Acquisitions.end());
  return Events;
}

std::optional<std::vector<Leak>> findLeaks(const HandleEvents &Events,
                                           const Decl *Function,
                                           const Stmt &Body, ASTContext &Ctx,
                                           const HandleFunctions &Functions) {
  const unsigned Sites = Events.Acquisitions.size();
  if (Sites == 0)
    return std::vector<Leak>{};
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  const std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Function, const_cast<Stmt *>(&Body), &Ctx, Options);
  if (!Graph)
    return std::nullopt;

  // What happens at each statement of the graph.
  enum class Effect { Acquire, Drop };
  llvm::DenseMap<const Stmt *, std::pair<Effect, unsigned>> Effects;
  for (unsigned I = 0; I < Sites; ++I)
    if (Events.Acquisitions[I] != Events.AtEntry)
      Effects[Events.Acquisitions[I]] = {Effect::Acquire, I};
  for (const Reference &Ref : Events.References)
    if (Ref.Kind == RefKind::Release || Ref.Kind == RefKind::Transfer ||
        Ref.Kind == RefKind::Clear)
      Effects[Ref.At] = {Effect::Drop, 0};
  llvm::DenseMap<const CallExpr *, unsigned> SiteOf;
  for (unsigned I = 0; I < Sites; ++I)
    SiteOf[Events.Acquisitions[I]] = I;

  std::vector<Leak> Overwrites;
  // Calls that may throw, with the handles held when they are made.
  std::vector<std::pair<const CallExpr *, llvm::BitVector>> ThrowingCalls;
  llvm::DenseSet<const Stmt *> Seen;
  // Applies the statements of \p Block to \p Held; records overwrites and
  // calls that may throw when \p Record is set.
  const auto Transfer = [&](const CFGBlock &Block, llvm::BitVector Held,
                            bool Record) {
    for (const CFGElement &Element : Block) {
      const std::optional<CFGStmt> S = compat::cfgAs<CFGStmt>(Element);
      if (!S)
        continue;
      Seen.insert(S->getStmt());
      const auto It = Effects.find(S->getStmt());
      if (It == Effects.end()) {
        if (const auto *Call = dyn_cast<CallExpr>(S->getStmt());
            Record && Call && Held.any() && Functions.MayThrow &&
            Functions.MayThrow(*Call))
          ThrowingCalls.emplace_back(Call, Held);
        continue;
      }
      const auto [Kind, Site] = It->second;
      if (Kind == Effect::Acquire) {
        const CallExpr *Call = Events.Acquisitions[Site];
        if (Record && !Events.Extending.contains(Call))
          for (unsigned J : Held.set_bits())
            Overwrites.push_back(Leak{Events.Acquisitions[J], true, Call});
        Held.reset();
        Held.set(Site);
      } else {
        Held.reset();
      }
    }
    return Held;
  };
  // The state along the edge from \p Block to its successor \p Index.
  const auto AlongEdge = [&](const CFGBlock &Block, unsigned Index,
                             llvm::BitVector Held) {
    const Stmt *Condition = Block.getTerminatorCondition();
    const auto *ConditionExpr = dyn_cast_or_null<Expr>(Condition);
    if (!ConditionExpr || Block.succ_size() != 2)
      return Held;
    if (nullBranch(ConditionExpr, *Events.Var, Ctx) == Index)
      Held.reset();
    if (const auto Failure = failureBranch(ConditionExpr, Ctx))
      if (Failure->second == Index) {
        const auto It = SiteOf.find(Failure->first);
        if (It != SiteOf.end()) {
          const FunctionDecl *Callee = Failure->first->getDirectCallee();
          if (Callee && Functions.IsNullOnFailure(*Callee))
            Held.reset(It->second);
        }
      }
    return Held;
  };

  const unsigned Blocks = Graph->getNumBlockIDs();
  std::vector<llvm::BitVector> In(Blocks, llvm::BitVector(Sites));
  std::vector<bool> Reached(Blocks, false);
  llvm::SmallVector<const CFGBlock *, 16> Work;
  Reached[Graph->getEntry().getBlockID()] = true;
  if (Events.AtEntry)
    In[Graph->getEntry().getBlockID()].set(SiteOf[Events.AtEntry]);
  Work.push_back(&Graph->getEntry());
  while (!Work.empty()) {
    const CFGBlock *Block = Work.pop_back_val();
    if (endsAbnormally(*Block))
      continue;
    const llvm::BitVector Out =
        Transfer(*Block, In[Block->getBlockID()], false);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const unsigned ThisIndex = Index++;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      llvm::BitVector Edge = AlongEdge(*Block, ThisIndex, Out);
      llvm::BitVector &Target = In[Next->getBlockID()];
      llvm::BitVector Merged = Target;
      Merged |= Edge;
      if (Reached[Next->getBlockID()] && Merged == Target)
        continue;
      Reached[Next->getBlockID()] = true;
      Target = std::move(Merged);
      Work.push_back(Next);
    }
  }

  // Every event must be a statement of the graph, or the result is unsound.
  for (const CFGBlock *Block : *Graph)
    Transfer(*Block, llvm::BitVector(Sites), false);
  for (const auto &[At, Effect] : Effects)
    if (!Seen.contains(At))
      return std::nullopt;

  // Leaks along edges into the exit, at a 'throw' that leaves the function,
  // and overwrites, on reached blocks.
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const Stmt *> ExitAt(Sites, nullptr);
  llvm::BitVector AtExit(Sites);
  const CFGBlock &Exit = Graph->getExit();
  const auto NoteExit = [&](unsigned Site, const Stmt *At) {
    // Keep the first return or throw in the source; the end of the body last.
    const Stmt *&Where = ExitAt[Site];
    if (!AtExit.test(Site) ||
        (At && (!Where || SM.isBeforeInTranslationUnit(At->getBeginLoc(),
                                                       Where->getBeginLoc()))))
      Where = At;
    AtExit.set(Site);
  };
  std::optional<llvm::DenseSet<const Stmt *>> InTry;
  for (const CFGBlock *Block : *Graph) {
    if (!Reached[Block->getBlockID()])
      continue;
    if (const CXXThrowExpr *Throw = throwIn(*Block);
        Throw && !Block->hasNoReturnElement()) {
      // A throw out of the function ends its paths as a return does; one
      // in a try block of the function may be caught, and is not followed.
      if (!InTry)
        InTry = FunctionEffects::insideTryBlocks(Body);
      if (!InTry->contains(Throw))
        for (unsigned Site :
             Transfer(*Block, In[Block->getBlockID()], true).set_bits())
          NoteExit(Site, Throw);
      continue;
    }
    if (endsAbnormally(*Block))
      continue;
    const llvm::BitVector Out = Transfer(*Block, In[Block->getBlockID()], true);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const unsigned ThisIndex = Index++;
      if (Succ.getReachableBlock() != &Exit)
        continue;
      const llvm::BitVector Edge = AlongEdge(*Block, ThisIndex, Out);
      const Stmt *Return = nullptr;
      for (const CFGElement &Element : *Block)
        if (const std::optional<CFGStmt> S = compat::cfgAs<CFGStmt>(Element))
          if (isa<ReturnStmt>(S->getStmt()))
            Return = S->getStmt();
      for (unsigned Site : Edge.set_bits())
        NoteExit(Site, Return);
    }
  }

  for (const auto &[Call, Held] : ThrowingCalls) {
    if (!InTry)
      InTry = FunctionEffects::insideTryBlocks(Body);
    if (!InTry->contains(Call))
      for (unsigned Site : Held.set_bits())
        NoteExit(Site, Call);
  }

  std::vector<Leak> Leaks;
  for (unsigned Site = 0; Site < Sites; ++Site) {
    const auto Overwrite = llvm::find_if(Overwrites, [&](const Leak &L) {
      return L.Acquisition == Events.Acquisitions[Site];
    });
    if (Overwrite != Overwrites.end())
      Leaks.push_back(*Overwrite);
    else if (AtExit.test(Site))
      Leaks.push_back(Leak{Events.Acquisitions[Site], false, ExitAt[Site]});
  }
  return Leaks;
}

const FieldDecl *thisMember(const Expr *E) {
  const auto *Member = E ? dyn_cast<MemberExpr>(E->IgnoreParenCasts()) : nullptr;
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenCasts()))
    return nullptr;
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && Field->getType()->isPointerType() ? Field : nullptr;
}

} // namespace clang::tidy::leak::ownership
