//===-- LoopExprs.cpp - what the expressions of a loop name ---------------===//

#include "LoopExprs.h"
#include "Catalog.h"
#include "Context.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::leak::loops {

bool isListed(StringRef Name, llvm::ArrayRef<std::string> Names) {
  return llvm::is_contained(Names, Name);
}

bool isListed(StringRef Name, llvm::ArrayRef<StringRef> Names) {
  return llvm::is_contained(Names, Name);
}

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

bool isInStd(const Decl *D) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC;
       DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

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

namespace {

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

} // namespace

std::string literalsOf(const Expr *E) {
  std::string Text;
  collectLiterals(E, Text, 0);
  return Text;
}

std::string requestLiterals(const CallExpr *Call) {
  std::string Text;
  for (const Expr *Arg : Call->arguments())
    collectLiterals(Arg, Text, 0);
  return Text;
}

bool isArithmetic(const Expr *E) {
  if (!E)
    return true;
  const QualType T = strip(E)->getType();
  return !T.isNull() && (T->isArithmeticType() || T->isEnumeralType());
}

} // namespace clang::tidy::leak::loops
