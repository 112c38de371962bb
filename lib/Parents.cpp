//===-- Parents.cpp - parents of nodes in user code -----------------------===//

#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::leak {

namespace {

using NodeVector = llvm::SmallVector<DynTypedNode, 1>;

/// Parents of the nodes of the user code, in the order and with the
/// repetitions RecursiveASTVisitor produces them (the shape ASTContext's own
/// map has), and the traversal-kind-aware questions asked of them.
class ParentIndex {
public:
  explicit ParentIndex(ASTContext &Ctx);

  /// Null when \p Node is not part of the indexed code.
  const NodeVector *find(const DynTypedNode &Node) const {
    if (Node.getNodeKind().hasPointerIdentity())
      return findPointer(Node.getMemoizationData());
    auto It = Others.find(Node);
    return It == Others.end() ? nullptr : &It->second;
  }

  /// The parents of an indexed node (\p Direct, from find()) as reported
  /// under \p Kind.
  DynTypedNodeList parents(const DynTypedNode &Node, const NodeVector &Direct,
                           TraversalKind Kind) const;

  ASTContext &context() const { return Ctx; }

private:
  friend class IndexBuilder;

  const NodeVector *findPointer(const void *Node) const {
    auto It = Pointers.find(Node);
    return It == Pointers.end() ? nullptr : &It->second;
  }
  llvm::ArrayRef<DynTypedNode> up(const void *Node) const {
    const NodeVector *Found = findPointer(Node);
    return Found ? llvm::ArrayRef<DynTypedNode>(*Found)
                 : llvm::ArrayRef<DynTypedNode>();
  }
  template <typename T> const T *onlyParentAs(const void *Node) const {
    llvm::ArrayRef<DynTypedNode> Up = up(Node);
    return Up.size() == 1 ? Up.front().get<T>() : nullptr;
  }

  const CXXRewrittenBinaryOperator *
  rewrittenOperatorAbove(const Expr &Child,
                         llvm::ArrayRef<DynTypedNode> Direct) const;
  DynTypedNodeList ascendSpelled(const Expr *E, const Expr *Child) const;
  std::optional<DynTypedNodeList>
  spelledDeclParent(llvm::ArrayRef<DynTypedNode> Direct) const;

  ASTContext &Ctx;
  llvm::DenseMap<const void *, NodeVector> Pointers;
  llvm::DenseMap<DynTypedNode, NodeVector> Others;
};

/// Records, for every node RecursiveASTVisitor reaches from the user code,
/// the node it was reached from. Template instantiations and implicit code
/// are visited, as ASTContext's own map does.
// RecursiveASTVisitor is a CRTP base: its Traverse methods are meant to be
// hidden by the derived class.
// NOLINTBEGIN(bugprone-derived-method-shadowing-base-method)
class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
  using Base = RecursiveASTVisitor<IndexBuilder>;

public:
  explicit IndexBuilder(ParentIndex &Index) : Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void build(TranslationUnitDecl &Unit, const SourceManager &SM) {
    Stack.push_back(DynTypedNode::create(Unit));
    for (Decl *D : Unit.decls()) {
      const SourceLocation Loc = D->getLocation();
      if (Loc.isInvalid() || SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
        continue;
      TraverseDecl(D);
    }
    Stack.pop_back();
  }

  bool TraverseDecl(Decl *D) {
    return !D || within(D, DynTypedNode::create(*D),
                        [&] { return Base::TraverseDecl(D); });
  }
#if LEAKTIDY_LLVM_MAJOR >= 21
  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    return !TL || within(nullptr, DynTypedNode::create(TL), [&] {
             return Base::TraverseTypeLoc(TL, TraverseQualifier);
           });
  }
#else
  bool TraverseTypeLoc(TypeLoc TL) {
    return !TL || within(nullptr, DynTypedNode::create(TL),
                         [&] { return Base::TraverseTypeLoc(TL); });
  }
#endif
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    return !NNS || within(nullptr, DynTypedNode::create(NNS), [&] {
             return Base::TraverseNestedNameSpecifierLoc(NNS);
           });
  }
  bool TraverseAttr(Attr *A) {
    return !A || within(A, DynTypedNode::create(*A),
                        [&] { return Base::TraverseAttr(A); });
  }
  // Statements are traversed with a work queue, not by recursion: the node
  // is pushed before its children and popped after them.
  bool dataTraverseStmtPre(Stmt *S) {
    record(S, DynTypedNode::create(*S));
    Stack.push_back(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  /// Records the parent of \p Node (\p Key: its pointer, null for nodes
  /// without identity), then traverses it with \p Node on the stack.
  template <typename Fn>
  bool within(const void *Key, const DynTypedNode &Node, Fn Traverse) {
    record(Key, Node);
    Stack.push_back(Node);
    const bool Result = Traverse();
    Stack.pop_back();
    return Result;
  }

  /// Adds the top of the stack as a parent of \p Node (\p Key, its pointer,
  /// for nodes with an identity). A parent already recorded is not repeated
  /// unless it has no identity to compare.
  void record(const void *Key, const DynTypedNode &Node) {
    if (Stack.empty())
      return;
    NodeVector &Parents =
        Key ? Index.Pointers[Key] : Index.Others[Node];
    const DynTypedNode &Parent = Stack.back();
    if (Parent.getMemoizationData() && llvm::is_contained(Parents, Parent))
      return;
    Parents.push_back(Parent);
  }

  ParentIndex &Index;
  llvm::SmallVector<DynTypedNode, 32> Stack;
};
// NOLINTEND(bugprone-derived-method-shadowing-base-method)

ParentIndex::ParentIndex(ASTContext &Ctx) : Ctx(Ctx) {
  IndexBuilder(*this).build(*Ctx.getTranslationUnitDecl(),
                            Ctx.getSourceManager());
}

/// True for a node the source-spelled view looks through on the way up from
/// \p Child: implicit conversions, temporaries, parentheses, and
/// constructions, conversions and calls spelled as nothing but \p Child.
bool isUnspelledWrapper(const Expr &E, const Expr &Child) {
  if (isa<ImplicitCastExpr, FullExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, ParenExpr>(E))
    return true;
  const SourceRange ChildRange = Child.getSourceRange();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return Construct->isElidable() || Construct->getSourceRange() == ChildRange;
  if (isa<CXXFunctionalCastExpr, CXXMemberCallExpr, MemberExpr>(E))
    return E.getSourceRange() == ChildRange;
  return false;
}

const CXXRewrittenBinaryOperator *
ParentIndex::rewrittenOperatorAbove(const Expr &Child,
                                    llvm::ArrayRef<DynTypedNode> Direct) const {
  // 'a != b' rewritten to '!(a == b)' hides the operands up to four levels
  // below the rewritten operator, depending on the standard library.
  llvm::ArrayRef<DynTypedNode> Level = Direct;
  for (unsigned Depth = 0; Depth < 4 && Level.size() == 1; ++Depth) {
    const auto *S = Level.front().get<Stmt>();
    if (!S)
      return nullptr;
    const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(S);
    if (!Rewritten) {
      Level = up(S);
      continue;
    }
    const bool IsOperand =
        Rewritten->getLHS()->IgnoreUnlessSpelledInSource() == &Child ||
        Rewritten->getRHS()->IgnoreUnlessSpelledInSource() == &Child;
    return IsOperand ? Rewritten : nullptr;
  }
  return nullptr;
}

DynTypedNodeList ParentIndex::ascendSpelled(const Expr *E,
                                            const Expr *Child) const {
  while (isUnspelledWrapper(*E, *Child)) {
    const NodeVector *Above = findPointer(E);
    if (!Above)
      break;
    const Stmt *S = Above->size() == 1 ? Above->front().get<Stmt>() : nullptr;
    if (!S)
      return llvm::ArrayRef<DynTypedNode>(*Above);
    const auto *Parent = dyn_cast<Expr>(S);
    if (!Parent)
      return DynTypedNode::create(*S);
    Child = E;
    E = Parent;
  }
  return DynTypedNode::create(*E);
}

std::optional<DynTypedNodeList>
ParentIndex::spelledDeclParent(llvm::ArrayRef<DynTypedNode> Direct) const {
  const DynTypedNode &First = Direct.front();
  // The variable of 'for (auto x : range)' and the hidden '__range' variable
  // belong to the loop, not to the declaration statements holding them.
  if (const auto *Decls = First.get<DeclStmt>()) {
    if (const auto *Loop = onlyParentAs<CXXForRangeStmt>(Decls);
        Loop && up(Loop).size() == 1 && Loop->getLoopVarStmt() == Decls)
      return DynTypedNodeList(up(Decls));
  }
  if (const auto *Var = First.get<VarDecl>()) {
    if (const auto *Decls = onlyParentAs<DeclStmt>(Var)) {
      if (const auto *Loop = onlyParentAs<CXXForRangeStmt>(Decls);
          Loop && up(Loop).size() == 1 && Loop->getRangeStmt() == Decls)
        return DynTypedNodeList(up(Decls));
    }
  }
  // The body of a lambda belongs to the lambda, not to its call operator
  // (a template for a generic lambda) and closure class.
  const Decl *Operator = First.get<CXXMethodDecl>();
  if (!Operator)
    Operator = First.get<FunctionTemplateDecl>();
  if (Operator) {
    if (const auto *Closure = onlyParentAs<CXXRecordDecl>(Operator)) {
      if (const auto *Lambda = onlyParentAs<LambdaExpr>(Closure);
          Lambda && up(Lambda).size() == 1)
        return DynTypedNodeList(up(Closure));
    }
  }
  return std::nullopt;
}

DynTypedNodeList ParentIndex::parents(const DynTypedNode &Node,
                                      const NodeVector &Direct,
                                      TraversalKind Kind) const {
  if (Direct.empty() || Kind == TK_AsIs ||
      !Node.getNodeKind().hasPointerIdentity())
    return llvm::ArrayRef<DynTypedNode>(Direct);
  const auto *ChildExpr = Node.get<Expr>();
  if (ChildExpr) {
    if (const auto *Rewritten = rewrittenOperatorAbove(*ChildExpr, Direct))
      return DynTypedNode::create(*Rewritten);
    if (const auto *ParentExpr = Direct.front().get<Expr>())
      return ascendSpelled(ParentExpr, ChildExpr);
  }
  if (std::optional<DynTypedNodeList> Spelled = spelledDeclParent(Direct))
    return *Spelled;
  return llvm::ArrayRef<DynTypedNode>(Direct);
}

/// The map of the translation unit this thread is analysing.
thread_local std::unique_ptr<ParentIndex> Current;

bool isSet(const char *Variable) {
  const char *Value = std::getenv(Variable);
  return Value && *Value && std::string(Value) != "0";
}

bool verifying() {
  static const bool Verify = isSet("LEAKTIDY_VERIFY_PARENTS");
  return Verify;
}

/// With LEAKTIDY_FORBID_PARENT_MAP=1, a question that would make clang build
/// its parent map of the whole translation unit stops the program instead.
bool forbiddingWholeUnitMap() {
  static const bool Forbid = isSet("LEAKTIDY_FORBID_PARENT_MAP");
  return Forbid;
}

bool sameNodes(const DynTypedNodeList &A, const DynTypedNodeList &B) {
  if (A.size() != B.size())
    return false;
  for (const DynTypedNode &Node : A)
    if (llvm::count(A, Node) != llvm::count(B, Node))
      return false;
  return true;
}

/// Stops the program with "leak-tidy: <Before> a <kind> at <location><After>",
/// where \p After writes the rest of the message.
[[noreturn]] void
stopAt(const DynTypedNode &Node, const ASTContext &Ctx, llvm::StringRef Before,
       llvm::function_ref<void(llvm::raw_ostream &)> After) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "leak-tidy: " << Before << " a " << Node.getNodeKind().asStringRef()
     << " at ";
  Node.getSourceRange().getBegin().print(OS, Ctx.getSourceManager());
  After(OS);
  llvm::report_fatal_error(llvm::StringRef(OS.str()), /*gen_crash_diag=*/false);
}

[[noreturn]] void reportWholeUnitMap(const DynTypedNode &Node,
                                     ASTContext &Ctx) {
  stopAt(Node, Ctx, "asking clang for the parents of",
         [](llvm::raw_ostream &OS) {
           OS << " would build its parent map of the whole translation unit";
         });
}

[[noreturn]] void reportDifference(const DynTypedNode &Node,
                                   const DynTypedNodeList &Ours,
                                   const DynTypedNodeList &Theirs,
                                   ASTContext &Ctx) {
  stopAt(Node, Ctx,
         "parent index differs from ASTContext::getParents for",
         [&](llvm::raw_ostream &OS) {
           OS << ": index has";
           for (const DynTypedNode &P : Ours)
             OS << " " << P.getNodeKind().asStringRef();
           OS << ", ASTContext has";
           for (const DynTypedNode &P : Theirs)
             OS << " " << P.getNodeKind().asStringRef();
         });
}

} // namespace

void resetParents() { Current.reset(); }

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  if (!Current || &Current->context() != &Ctx)
    Current = std::make_unique<ParentIndex>(Ctx);
  // The translation unit has no parents; walks up from user code end there.
  if (Node.get<TranslationUnitDecl>())
    return llvm::ArrayRef<DynTypedNode>();
  const NodeVector *Direct = Current->find(Node);
  if (!Direct) {
    if (forbiddingWholeUnitMap())
      reportWholeUnitMap(Node, Ctx);
    return Ctx.getParents(Node);
  }
  DynTypedNodeList Ours = Current->parents(
      Node, *Direct, Ctx.getParentMapContext().getTraversalKind());
  if (verifying()) {
    const DynTypedNodeList Theirs = Ctx.getParents(Node);
    if (!sameNodes(Ours, Theirs))
      reportDifference(Node, Ours, Theirs, Ctx);
  }
  return Ours;
}

} // namespace clang::tidy::leak
