//===-- LoopFacts.h - what one walk of a loop finds ------------*- C++ -*-===//
//
// Every question the pagination analysis (Loops.h) asks of a loop reads the
// same facts: the calls made in it, the writes to variables and objects, the
// ways out and the conditions guarding them, the comparisons, the containers
// that grow, and for each variable the calls of the loop its value comes
// from. LoopFacts gathers them in one walk of the loop (lambdas defined before
// the loop and called in it included), for PageLinks.h and PageBounds.h to
// answer from.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LOOPFACTS_H
#define LEAKTIDY_LIB_LOOPFACTS_H

#include "LoopExprs.h"
#include "Loops.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>
#include <vector>

namespace clang::tidy::leak::loops {

/// A call made in the loop. Anchor is the statement directly in a block of
/// the loop (not of a nested loop, switch or lambda) that holds it, or null.
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

/// A way out of the loop (a break, return, throw or goto) and the conditions
/// of the branches it is in.
struct ExitFact {
  const Stmt *Site;
  llvm::SmallVector<const Expr *, 4> Guards;
  bool ErrorPath; ///< In a catch handler.
  bool Unknown;   ///< A goto: where it goes is not analyzed.
};

/// An element added to a container, and the loops nested in the analyzed
/// one that it is added in.
struct AccumulationFact {
  Accumulation Site;
  llvm::SmallVector<const Stmt *, 2> NestedLoops;
};

/// Where a statement is, relative to the analyzed loop (LoopFacts.cpp).
struct Where;

/// Everything the analysis needs to know about one loop, gathered in one walk.
class LoopFacts {
public:
  LoopFacts(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api)
      : Loop(Loop), Ctx(Ctx), Api(Api) {}

  /// Walks the loop: sets Invalid for code with errors, fills the facts.
  void walkLoop();
  /// Fills Origins from the facts of walkLoop.
  void computeOrigins();

  CallSet originsOf(const Expr *E) const {
    CallSet Out;
    addOrigins(E, Out, 0);
    return Out;
  }
  bool derivesFrom(const Expr *E, const Expr *Call) const {
    return originsOf(E).contains(Call);
  }
  /// Everything the value of \p State reaches in the loop: locals computed
  /// from it, request objects it is set into, variables assigned from it.
  DeclSet taintedBy(const ValueDecl *State) const;
  /// The loop condition and the guards of every way out.
  llvm::SmallVector<const Expr *, 4> allGuards() const;

  bool isInner(const ValueDecl *D) const { return InnerDecls.contains(D); }

  const Stmt &Loop;
  ASTContext &Ctx;
  const PagedApi &Api;

  bool Invalid = false;
  DeclSet InnerDecls;
  std::vector<std::pair<const ValueDecl *, const Expr *>> LocalInits;
  std::vector<CallFact> Calls;
  std::vector<WriteFact> Writes;
  std::vector<ExitFact> Exits;
  std::vector<AccumulationFact> Accumulations;
  DeclSet Emptied;
  std::vector<std::pair<const Expr *, const Expr *>> Comparisons;
  llvm::DenseMap<const ValueDecl *, CallSet> Origins;
  const Expr *LoopCond = nullptr;

private:
  void walk(const Stmt *S, const Stmt *Parent, Where W);
  void walkNestedLoop(const Stmt *S, Where W);
  void onDecl(const Decl *D);
  void onCall(const CallExpr *Call, const Where &W);
  void onDeclRef(const DeclRefExpr *Ref, const Where &W);
  void addAccumulation(const Expr *Object, const Expr *Site, const Where &W);
  void addLambdaParams(const LambdaExpr *Lambda);
  void addOrigins(const Expr *E, CallSet &Out, unsigned Depth) const;

  llvm::SmallPtrSet<const Expr *, 16> CallsInLoop;
  std::vector<std::pair<const LambdaExpr *, const Stmt *>> UsedLambdas;
  llvm::SmallPtrSet<const LambdaExpr *, 4> SeenLambdas;
};

/// The outermost overloaded ',' of the statement \p Binder is part of
/// ('sql << "...", use(x), into(v)'), or null.
const CallExpr *statementOf(const CallExpr &Binder, ASTContext &Ctx);

/// Marks the variables a call writes through non-const references and
/// pointers (a gRPC stub's response, a cursor's result) as values it returns.
void addOutParamOrigins(const CallExpr *Call,
                        llvm::DenseMap<const ValueDecl *, CallSet> &Origins);

} // namespace clang::tidy::leak::loops

#endif // LEAKTIDY_LIB_LOOPFACTS_H
