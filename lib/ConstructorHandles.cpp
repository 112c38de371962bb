//===-- ConstructorHandles.cpp - handles a failing constructor leaks ------===//

#include "ConstructorHandles.h"
#include "Compat.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace clang::tidy::leak::ownership {

namespace {

/// Member -> the acquisition whose handle it holds.
using Held = std::map<const FieldDecl *, const CallExpr *>;

/// The member whose address \p E is ('&m').
const FieldDecl *addressedMember(const Expr *E) {
  const auto *Address =
      E ? dyn_cast<UnaryOperator>(E->IgnoreParenCasts()) : nullptr;
  return Address && Address->getOpcode() == UO_AddrOf
             ? thisMember(Address->getSubExpr())
             : nullptr;
}

/// The acquiring call returning a handle that \p E is.
const CallExpr *returnedHandle(const Expr *E,
                               const HandleFunctions &Functions) {
  const auto *Call =
      E ? dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParenCasts()) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Functions.IsAcquire(*Callee) &&
                 Callee->getReturnType()->isPointerType()
             ? Call
             : nullptr;
}

/// The branch (0 or 1) of a condition on which member \p Field is null.
std::optional<unsigned> memberNullBranch(const Expr *Condition,
                                         const FieldDecl *&Field,
                                         ASTContext &Ctx) {
  // The member, or an assignment to it: 'if (!(m = acquire(...)))'.
  const auto Tested = [](const Expr *E) {
    if (const auto *Assign = dyn_cast<BinaryOperator>(E->IgnoreParenCasts());
        Assign && Assign->getOpcode() == BO_Assign)
      E = Assign->getLHS();
    return ownership::thisMember(E);
  };
  Condition = Condition->IgnoreParenImpCasts();
  Field = Tested(Condition);
  if (Field)
    return 1;
  if (const auto *Not = dyn_cast<UnaryOperator>(Condition);
      Not && Not->getOpcode() == UO_LNot) {
    Field = Tested(Not->getSubExpr());
    if (Field)
      return 0;
  }
  if (const auto *Compare = dyn_cast<BinaryOperator>(Condition)) {
    if (!Compare->isEqualityOp())
      return std::nullopt;
    const auto IsNull = [&](const Expr *E) {
      return E->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    const Expr *L = Compare->getLHS();
    const Expr *R = Compare->getRHS();
    if (IsNull(R))
      Field = Tested(L);
    else if (IsNull(L))
      Field = Tested(R);
    if (Field)
      return Compare->getOpcode() == BO_EQ ? 0U : 1U;
  }
  return std::nullopt;
}

class ConstructorAnalysis {
public:
  ConstructorAnalysis(const CXXConstructorDecl &Ctor, ASTContext &Ctx,
                      const HandleFunctions &Functions,
                      FunctionEffects &Effects)
      : Class(Ctor.getParent()), Ctx(Ctx), Functions(Functions),
        Effects(Effects) {}

  /// The handles held by members when \p F returns normally; std::nullopt
  /// when \p F cannot be analysed. Leaks found on the way are recorded.
  std::optional<Held> run(const FunctionDecl &F, unsigned Depth);

  std::vector<MemberLeak> Leaks;

private:
  struct Frame {
    llvm::DenseSet<const Stmt *> InTry;
    unsigned Depth;
    bool Record;
  };
  bool step(const CFGElement &Element, Held &State, const Frame &Where);
  bool call(const CallExpr &Call, Held &State, const Frame &Where);
  void leakAt(const Stmt &Throw, const Held &State, const Frame &Where);
  void alongEdge(const CFGBlock &Block, unsigned Index, Held &State);

  const CXXRecordDecl *Class;
  ASTContext &Ctx;
  const HandleFunctions &Functions;
  FunctionEffects &Effects;
  /// Member functions of the object analysed already: their normal exits.
  std::map<const FunctionDecl *, std::optional<Held>> Callees;
  std::set<std::pair<const FieldDecl *, const Stmt *>> Reported;
};

void ConstructorAnalysis::leakAt(const Stmt &Throw, const Held &State,
                                 const Frame &Where) {
  if (!Where.Record || Where.InTry.contains(&Throw))
    return;
  for (const auto &[Field, Acquisition] : State)
    if (Reported.insert({Field, &Throw}).second)
      Leaks.push_back(MemberLeak{Field, Acquisition, &Throw});
}

bool ConstructorAnalysis::call(const CallExpr &Call, Held &State,
                               const Frame &Where) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee) {
    for (const Expr *Arg : Call.arguments())
      if (const FieldDecl *Field = thisMember(Arg) ? thisMember(Arg)
                                                   : addressedMember(Arg))
        State.erase(Field);
    return true;
  }
  if (Functions.IsAcquire(*Callee)) {
    if (const std::optional<unsigned> Out = handleOutParameter(*Callee);
        Out && *Out < Call.getNumArgs())
      if (const FieldDecl *Field = addressedMember(Call.getArg(*Out)))
        State[Field] = &Call;
    return true;
  }
  if (Functions.IsRelease(*Callee)) {
    for (const Expr *Arg : Call.arguments())
      if (const FieldDecl *Field = thisMember(Arg))
        State.erase(Field);
    return true;
  }
  // A C function of the library only reads the handle; one that writes
  // through the member's address replaces it.
  if (Functions.OnlyUses(*Callee)) {
    for (const Expr *Arg : Call.arguments())
      if (const FieldDecl *Field = addressedMember(Arg))
        State.erase(Field);
    return true;
  }

  const FunctionDecl *Definition = nullptr;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const bool OnThisObject =
      Member && Member->getImplicitObjectArgument() &&
      isa<CXXThisExpr>(Member->getImplicitObjectArgument()->IgnoreParenCasts());
  if (!Callee->hasBody(Definition) || !Definition) {
    // Code that is not here may keep or release what it is given, or, for a
    // member function of the object, any member.
    if (OnThisObject) {
      State.clear();
      return true;
    }
    for (const Expr *Arg : Call.arguments())
      if (const FieldDecl *Field = thisMember(Arg) ? thisMember(Arg)
                                                   : addressedMember(Arg))
        State.erase(Field);
    return true;
  }
  const bool Throws =
      !Where.InTry.contains(&Call) && Effects.mayThrow(*Definition);
  const bool Releases =
      Effects.mayCall(*Definition, Functions.IsRelease, FunctionEffects::CallsRelease);
  // A function that releases before it throws is trusted to release what
  // it must; one that releases and returns is a clean-up.
  if (Throws && !Releases)
    leakAt(Call, State, Where);
  if (!Throws && Releases)
    State.clear();

  // A member function of the object may acquire into members ('open()').
  if (OnThisObject && Where.Depth == 0 && !Where.InTry.contains(&Call) &&
      Effects.mayCall(*Definition, Functions.IsAcquire, FunctionEffects::CallsAcquire)) {
    auto [It, Inserted] = Callees.try_emplace(Definition);
    if (Inserted)
      It->second = run(*Definition, Where.Depth + 1);
    if (!It->second)
      return false;
    for (const auto &[Field, Acquisition] : *It->second)
      State[Field] = Acquisition;
  }
  return true;
}

bool ConstructorAnalysis::step(const CFGElement &Element, Held &State,
                               const Frame &Where) {
  if (const std::optional<CFGInitializer> Init =
          compat::cfgAs<CFGInitializer>(Element)) {
    const CXXCtorInitializer *Initializer = Init->getInitializer();
    if (const FieldDecl *Field = Initializer->getMember())
      if (Field->getType()->isPointerType())
        if (const CallExpr *Call =
                returnedHandle(Initializer->getInit(), Functions))
          State[Field] = Call;
    return true;
  }
  const std::optional<CFGStmt> S = compat::cfgAs<CFGStmt>(Element);
  if (!S)
    return true;
  const Stmt *Statement = S->getStmt();
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(Statement)) {
    leakAt(*Throw, State, Where);
    return true;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Statement))
    return call(*Call, State, Where);
  if (const auto *Assign = dyn_cast<BinaryOperator>(Statement))
    if (Assign->getOpcode() == BO_Assign)
      if (const FieldDecl *Field = thisMember(Assign->getLHS())) {
        if (const CallExpr *Call = returnedHandle(Assign->getRHS(), Functions))
          State[Field] = Call;
        else
          State.erase(Field);
      }
  return true;
}

void ConstructorAnalysis::alongEdge(const CFGBlock &Block, unsigned Index,
                                    Held &State) {
  const auto *Condition =
      dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  if (!Condition || Block.succ_size() != 2)
    return;
  const FieldDecl *Field = nullptr;
  if (memberNullBranch(Condition, Field, Ctx) == Index && Field)
    State.erase(Field);
  if (const auto Failure = statusFailureBranch(Condition, Ctx))
    if (Failure->second == Index) {
      const FunctionDecl *Callee = Failure->first->getDirectCallee();
      if (Callee && Functions.IsNullOnFailure(*Callee))
        for (auto It = State.begin(); It != State.end();)
          It = It->second == Failure->first ? State.erase(It) : std::next(It);
    }
}

std::optional<Held> ConstructorAnalysis::run(const FunctionDecl &F,
                                             unsigned Depth) {
  Stmt *Body = F.getBody();
  if (!Body || isa<CXXTryStmt>(Body) || F.isTemplated())
    return std::nullopt;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddInitializers = true;
  const std::unique_ptr<CFG> Graph = CFG::buildCFG(&F, Body, &Ctx, Options);
  if (!Graph)
    return std::nullopt;
  Frame Where{FunctionEffects::insideTryBlocks(*Body), Depth, false};

  const unsigned Blocks = Graph->getNumBlockIDs();
  std::vector<Held> In(Blocks);
  std::vector<bool> Reached(Blocks, false);
  std::vector<const CFGBlock *> Work{&Graph->getEntry()};
  Reached[Graph->getEntry().getBlockID()] = true;
  const auto Through = [&](const CFGBlock &Block, Held State) {
    for (const CFGElement &Element : Block)
      if (!step(Element, State, Where))
        return std::optional<Held>();
    return std::optional<Held>(std::move(State));
  };
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    if (Block->hasNoReturnElement())
      continue;
    const std::optional<Held> Out = Through(*Block, In[Block->getBlockID()]);
    if (!Out)
      return std::nullopt;
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const unsigned ThisIndex = Index++;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      Held Edge = *Out;
      alongEdge(*Block, ThisIndex, Edge);
      Held &Target = In[Next->getBlockID()];
      const size_t Before = Target.size();
      for (const auto &[Field, Acquisition] : Edge)
        Target.emplace(Field, Acquisition);
      if (Reached[Next->getBlockID()] && Target.size() == Before)
        continue;
      Reached[Next->getBlockID()] = true;
      Work.push_back(Next);
    }
  }

  // Record the leaks, and collect what the normal exits hold.
  Where.Record = true;
  Held AtExit;
  const CFGBlock &Exit = Graph->getExit();
  for (const CFGBlock *Block : *Graph) {
    if (!Reached[Block->getBlockID()] || Block->hasNoReturnElement())
      continue;
    const std::optional<Held> Out = Through(*Block, In[Block->getBlockID()]);
    if (!Out)
      return std::nullopt;
    const bool Throws = llvm::any_of(*Block, [](const CFGElement &Element) {
      const std::optional<CFGStmt> S = compat::cfgAs<CFGStmt>(Element);
      return S && isa<CXXThrowExpr>(S->getStmt());
    });
    if (Throws || isa_and_nonnull<CXXTryStmt>(Block->getTerminatorStmt()))
      continue;
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const unsigned ThisIndex = Index++;
      if (Succ.getReachableBlock() != &Exit)
        continue;
      Held Edge = *Out;
      alongEdge(*Block, ThisIndex, Edge);
      for (const auto &[Field, Acquisition] : Edge)
        AtExit.emplace(Field, Acquisition);
    }
  }
  return AtExit;
}

} // namespace

std::vector<MemberLeak> findConstructorLeaks(const CXXConstructorDecl &Ctor,
                                             ASTContext &Ctx,
                                             const HandleFunctions &Functions,
                                             FunctionEffects &Effects) {
  if (!Ctor.doesThisDeclarationHaveABody())
    return {};
  const bool InitializerAcquires =
      llvm::any_of(Ctor.inits(), [&](const CXXCtorInitializer *Init) {
        return Init->isMemberInitializer() &&
               returnedHandle(Init->getInit(), Functions);
      });
  if (!InitializerAcquires &&
      !Effects.mayCall(Ctor, Functions.IsAcquire, FunctionEffects::CallsAcquire))
    return {};
  ConstructorAnalysis Analysis(Ctor, Ctx, Functions, Effects);
  if (!Analysis.run(Ctor, 0))
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  // A total order (throw, acquisition, member), so that no stable sort and
  // its deprecated temporary buffer is needed.
  const auto Before = [&](SourceLocation L, SourceLocation R) {
    return SM.isBeforeInTranslationUnit(L, R);
  };
  llvm::sort(Analysis.Leaks, [&](const MemberLeak &A, const MemberLeak &B) {
    if (A.Throw != B.Throw)
      return Before(A.Throw->getBeginLoc(), B.Throw->getBeginLoc());
    if (A.Acquisition != B.Acquisition)
      return Before(A.Acquisition->getBeginLoc(),
                    B.Acquisition->getBeginLoc());
    return Before(A.Field->getLocation(), B.Field->getLocation());
  });
  return std::move(Analysis.Leaks);
}

} // namespace clang::tidy::leak::ownership
