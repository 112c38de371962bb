//===-- RequestData.cpp - which variables hold request data ---------------===//

#include "RequestData.h"
#include "HandlerExprs.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak::handlers {

void collectDeclared(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        Out.insert(Var);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    if (const VarDecl *Var = Range->getLoopVariable())
      Out.insert(Var);
  for (const Stmt *Child : S->children())
    collectDeclared(Child, Out);
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  return nullptr;
}

void collectLoopVariables(const Stmt &Loop,
                          llvm::DenseSet<const ValueDecl *> &Out) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    if (const VarDecl *Var = Range->getLoopVariable())
      Out.insert(Var);
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    collectDeclared(For->getInit(), Out);
    if (const VarDecl *Var = For->getConditionVariable())
      Out.insert(Var);
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (const VarDecl *Var = While->getConditionVariable())
      Out.insert(Var);
  }
}

void propagateRequestData(const Stmt *Body,
                          llvm::DenseSet<const ValueDecl *> &Data,
                          OutputWrites *Outputs, const SourceManager *SM) {
  if (!Body)
    return;
  // Variables that receive request data otherwise than as an output
  // argument: they hold it wherever they are read.
  llvm::DenseSet<const ValueDecl *> Direct(Data.begin(), Data.end());
  auto Taint = [&](const ValueDecl *D, const Stmt *Output = nullptr) {
    if (!D || isa<FieldDecl>(D))
      return false;
    if (Outputs && SM) {
      if (!Output) {
        if (Direct.insert(D).second)
          Outputs->erase(D);
      } else if (!Direct.contains(D)) {
        // The call writes its outputs when it returns.
        const SourceLocation Loc = SM->getExpansionLoc(Output->getEndLoc());
        auto [It, New] = Outputs->try_emplace(D, Loc);
        if (!New && SM->isBeforeInTranslationUnit(Loc, It->second)) {
          It->second = Loc;
          Data.insert(D);
          return true; // An earlier write: another round.
        }
      }
    }
    bool Added = Data.insert(D).second;
    if (const auto *Decomposed = dyn_cast<DecompositionDecl>(D))
      for (const BindingDecl *Binding : Decomposed->bindings())
        Added |= Data.insert(Binding).second;
    return Added;
  };
  // Whether \p E reads request data at \p At: a variable that receives it
  // only as an output argument holds it after that call.
  const auto Mentions = [&](const Stmt *E, const Stmt *At) {
    if (!Outputs || !SM || Outputs->empty())
      return mentionsAny(E, Data);
    const SourceLocation Where = SM->getExpansionLoc(At->getBeginLoc());
    return mentionsAny(E, Data, [&](const ValueDecl *D) {
      const auto It = Outputs->find(D);
      return It == Outputs->end() ||
             SM->isBeforeInTranslationUnit(It->second, Where);
    });
  };
  bool Changed = true;
  for (unsigned Round = 0; Changed && Round < 16; ++Round) {
    Changed = false;
    llvm::SmallVector<const Stmt *, 64> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : Decls->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D))
            if (Var->getInit() && Mentions(Var->getInit(), Decls))
              Changed |= Taint(Var);
      } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
        if (Mentions(Range->getRangeInit(), Range))
          Changed |= Taint(Range->getLoopVariable());
      } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
        if (Binary->isAssignmentOp() && Mentions(Binary->getRHS(), Binary))
          Changed |= Taint(rootDecl(Binary->getLHS()));
      } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
        if (Operator->isAssignmentOp() && Operator->getNumArgs() == 2 &&
            Mentions(Operator->getArg(1), Operator))
          Changed |= Taint(rootDecl(Operator->getArg(0)));
      } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
        const CXXMethodDecl *Method = Member->getMethodDecl();
        if (Method && !Method->isConst() &&
            llvm::any_of(Member->arguments(), [&](const Expr *Arg) {
              return Mentions(Arg, Member);
            }))
          Changed |= Taint(rootDecl(Member->getImplicitObjectArgument()));
      }
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        // 'parse(Request.body(), Out)': Out receives request data.
        const bool AnyData =
            llvm::any_of(Call->arguments(),
                         [&](const Expr *A) { return Mentions(A, Call); });
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (AnyData && Callee) {
          const unsigned Offset =
              isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1
                                                                           : 0;
          for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
            if (I - Offset >= Callee->getNumParams())
              break;
            QualType Type = Callee->getParamDecl(I - Offset)->getType();
            const bool Writable =
                (Type->isReferenceType() &&
                 !Type.getNonReferenceType().isConstQualified()) ||
                (Type->isPointerType() &&
                 !Type->getPointeeType().isConstQualified());
            // A handle passed as it is ('mysql_query(conn, sql)'): the call
            // acts on the object the handle points to, which was there
            // before; the handle does not become built from request data.
            const auto *Ref = dyn_cast<DeclRefExpr>(
                Call->getArg(I)->IgnoreParenImpCasts());
            const bool Handle = Type->isPointerType() && Ref &&
                                Ref->getType()->isPointerType() &&
                                Ref->getType()->getPointeeType()->isRecordType();
            if (Writable && !Handle)
              Changed |= Taint(rootDecl(Call->getArg(I)), Call);
          }
        }
      }
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
      if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
        Work.push_back(Lambda->getBody());
    }
  }
}

} // namespace clang::tidy::leak::handlers
