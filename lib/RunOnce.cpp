//===-- RunOnce.cpp - does this code run once per process? ----------------===//

#include "RunOnce.h"
#include "Catalog.h"
#include "Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::leak {

namespace {

/// How many calls away from the run-once code the statement may be.
constexpr unsigned MaxCallDepth = 3;

/// True when \p Var is initialized once per process: a global, a static
/// data member or a function-local static, not thread_local.
bool isOncePerProcessVariable(const VarDecl *Var) {
  return Var && Var->hasGlobalStorage() &&
         Var->getTLSKind() == VarDecl::TLS_None;
}

/// True when \p Call runs its callable arguments once per process: a
/// run-once function given a flag that is itself once per process.
bool isRunOnceCall(const CallExpr &Call, ASTContext &Ctx) {
  using namespace ast_matchers;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.getNumArgs() < 2 ||
      match(functionDecl(hasAnyName(catalog::runOnceFunctions())), *Callee, Ctx)
          .empty())
    return false;
  const Expr *Flag = stripImplicit(Call.getArg(0));
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Flag))
    return isOncePerProcessVariable(dyn_cast<VarDecl>(Ref->getDecl()));
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Flag))
    return isOncePerProcessVariable(dyn_cast<VarDecl>(Member->getMemberDecl()));
  return false;
}

/// True when \p Loop runs its body a number of times fixed in the code: a
/// 'for' comparing with a constant, or a range-for over a braced list or an
/// array of fixed size.
bool runsFixedCount(const Stmt &Loop, const Stmt &Child, ASTContext &Ctx) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    if (For->getInit() == &Child)
      return true;
    const auto *Compare =
        dyn_cast_or_null<BinaryOperator>(stripImplicit(For->getCond()));
    if (!Compare || !Compare->isComparisonOp())
      return false;
    auto IsConstant = [&](const Expr *Side) {
      return !Side->isValueDependent() && Side->isIntegerConstantExpr(Ctx);
    };
    return IsConstant(Compare->getLHS()) || IsConstant(Compare->getRHS());
  }
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    const Expr *Init = stripImplicit(Range->getRangeInit());
    if (const auto *List = dyn_cast_or_null<CXXStdInitializerListExpr>(Init))
      Init = stripImplicit(List->getSubExpr());
    return Init &&
           (isa<InitListExpr>(Init) || Init->getType()->isConstantArrayType());
  }
  return false;
}

class RunOnceWalker {
public:
  explicit RunOnceWalker(ReferenceIndex &Refs)
      : Refs(Refs), Ctx(Refs.context()) {}

  /// Does \p S run once, looking at the code around it?
  bool statement(const Stmt &S, unsigned Depth) {
    TraversalKindScope AsIs(Ctx, TK_AsIs);
    DynTypedNode Node = DynTypedNode::create(S);
    const Stmt *Child = &S;
    for (unsigned Step = 0; Step < 4096; ++Step) {
      const DynTypedNodeList Parents = parentsOf(Node, Ctx);
      if (Parents.empty())
        return false;
      const DynTypedNode Parent = Parents[0];
      if (const auto *ParentStmt = Parent.get<Stmt>()) {
        if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(ParentStmt) &&
            !runsFixedCount(*ParentStmt, *Child, Ctx))
          return false;
        if (const auto *Lambda = dyn_cast<LambdaExpr>(ParentStmt))
          return lambda(*Lambda, Depth);
        Child = ParentStmt;
        Node = Parent;
        continue;
      }
      if (const auto *Var = Parent.get<VarDecl>()) {
        if (isOncePerProcessVariable(Var))
          return true;
        Node = Parent;
        continue;
      }
      if (const auto *Function = Parent.get<FunctionDecl>()) {
        if (const LambdaExpr *Lambda = lambdaOf(*Function, Parent))
          return lambda(*Lambda, Depth);
        return function(*Function, Depth);
      }
      return false;
    }
    return false;
  }

private:
  /// The lambda expression whose call operator is \p F, or null.
  const LambdaExpr *lambdaOf(const FunctionDecl &F, DynTypedNode Node) {
    const auto *Method = dyn_cast<CXXMethodDecl>(&F);
    if (!Method || !Method->getParent()->isLambda())
      return nullptr;
    for (unsigned Climb = 0; Climb < 4; ++Climb) {
      const DynTypedNodeList Above = parentsOf(Node, Ctx);
      if (Above.empty())
        return nullptr;
      Node = Above[0];
      if (const auto *Lambda = Node.get<LambdaExpr>())
        return Lambda;
    }
    return nullptr;
  }

  /// The expression using \p E, above the implicit nodes and copies around
  /// it, and the child of it that holds \p E.
  std::pair<const Stmt *, const Stmt *> user(const Stmt &E) {
    const Stmt *Child = &E;
    const Stmt *Parent = parentStmt(E, Ctx);
    while (Parent && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                          CXXBindTemporaryExpr, ExprWithCleanups>(Parent) ||
                      (isa<UnaryOperator>(Parent) &&
                       cast<UnaryOperator>(Parent)->getOpcode() == UO_AddrOf) ||
                      (isa<CXXConstructExpr>(Parent) &&
                       cast<CXXConstructExpr>(Parent)->getNumArgs() == 1))) {
      Child = Parent;
      Parent = parentStmt(*Parent, Ctx);
    }
    return {Parent, Child};
  }

  /// A lambda runs once when it is called where it is written, in code that
  /// runs once, or is handed to a run-once call.
  bool lambda(const LambdaExpr &Lambda, unsigned Depth) {
    auto [Parent, Child] = user(Lambda);
    const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
    if (!Call)
      return false;
    if (const auto *Invoke = dyn_cast<CXXOperatorCallExpr>(Call);
        Invoke && Invoke->getOperator() == OO_Call &&
        Invoke->getArg(0) == Child)
      return statement(*Call, Depth);
    return isRunOnceCall(*Call, Ctx) &&
           llvm::is_contained(Call->arguments(), Child);
  }

  /// A function runs once when it is 'main', or when every use of it in the
  /// translation unit is a call from run-once code or hands it to a run-once
  /// call.
  bool function(const FunctionDecl &F, unsigned Depth) {
    if (F.isMain())
      return true;
    const auto *Canonical = F.getCanonicalDecl();
    if (Depth >= MaxCallDepth || !Visiting.insert(Canonical).second)
      return false;
    const llvm::ArrayRef<const Expr *> Uses = Refs.referencesTo(*Canonical);
    const bool Once = !Uses.empty() && llvm::all_of(Uses, [&](const Expr *Use) {
      auto [Parent, Child] = user(*Use);
      const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
      if (!Call)
        return false;
      if (Call->getCallee() == Child)
        return statement(*Call, Depth + 1);
      return isRunOnceCall(*Call, Ctx) &&
             llvm::is_contained(Call->arguments(), Child);
    });
    Visiting.erase(Canonical);
    return Once;
  }

  ReferenceIndex &Refs;
  ASTContext &Ctx;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visiting;
};

} // namespace

bool runsOncePerProcess(const Stmt &S, ReferenceIndex &Refs) {
  return RunOnceWalker(Refs).statement(S, 0);
}

} // namespace clang::tidy::leak
