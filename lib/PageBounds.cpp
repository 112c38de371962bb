//===-- PageBounds.cpp - what bounds a pagination loop --------------------===//

#include "PageBounds.h"
#include "LoopExprs.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::leak::loops {

namespace {

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

} // namespace

bool isCapped(const LoopFacts &Facts, const PageLink &Link) {
  DeclSet Counters;
  for (const WriteFact &Write : Facts.Writes) {
    const ValueDecl *D = namedDecl(Write.Target);
    if (!D || Facts.isInner(D) || !isArithmetic(Write.Target))
      continue;
    const bool SelfReferencing =
        Write.Value && referencedDecls(Write.Value).contains(D);
    if (!Write.Plain || SelfReferencing)
      Counters.insert(D);
  }
  DeclSet Containers;
  for (const AccumulationFact &Fact : Facts.Accumulations)
    Containers.insert(Fact.Site.Container);
  // Values that come from the pages: they are what the loop follows, not a
  // bound on it.
  auto FromPage = [&](const Expr *E) {
    if (Facts.derivesFrom(E, Link.Request))
      return true;
    return llvm::any_of(referencedDecls(E), [&](const ValueDecl *D) {
      auto It = Facts.Origins.find(D);
      return D == Link.State ||
             (It != Facts.Origins.end() && It->second.contains(Link.Request));
    });
  };
  // Locals computed from a counter or a container ('auto n = items.size()').
  DeclSet Bounds = Counters;
  Bounds.insert(Containers.begin(), Containers.end());
  for (const auto &[D, Init] : Facts.LocalInits)
    if (intersects(referencedDecls(Init), Bounds) && !FromPage(Init))
      Bounds.insert(D);

  for (const Expr *Guard : Facts.allGuards()) {
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

const Stmt *onlyTokenExit(const LoopFacts &Facts, const PageLink &Link) {
  if (Link.Kind != PageLinkKind::Token)
    return nullptr;
  DeclSet TokenRelated = Facts.taintedBy(Link.State);
  for (const auto &[D, From] : Facts.Origins)
    if (From.contains(Link.Request))
      TokenRelated.insert(D);
  auto IsTokenRelated = [&](const Expr *E) {
    return intersects(referencedDecls(E), TokenRelated) ||
           Facts.derivesFrom(E, Link.Request);
  };
  // The new token compared with the previous one, or with anything that is
  // not a constant: the loop has its own way out.
  for (const auto &[LHS, RHS] : Facts.Comparisons)
    if ((IsTokenRelated(LHS) && !isConstantExpr(RHS, Facts.Ctx)) ||
        (IsTokenRelated(RHS) && !isConstantExpr(LHS, Facts.Ctx)))
      return nullptr;

  // Every way out must test only the response or the token.
  auto OnlyAboutThePage = [&](const Expr *Guard) {
    for (const ValueDecl *D : referencedDecls(Guard)) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!TokenRelated.contains(D) &&
          !(Var && Var->isUsableInConstantExpressions(Facts.Ctx)))
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
                  containsMemberCallNamed(Guard, Facts.Api.TokenGetters)))
      Test = Guard;
  };
  if (Facts.LoopCond) {
    if (!OnlyAboutThePage(Facts.LoopCond))
      return nullptr;
    Consider(Facts.LoopCond);
  }
  for (const ExitFact &Exit : Facts.Exits) {
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
    if (Facts.LoopCond && !isConstantExpr(Facts.LoopCond, Facts.Ctx))
      Test = Facts.LoopCond;
    for (const ExitFact &Exit : Facts.Exits)
      if (!Test && !Exit.ErrorPath && !Exit.Guards.empty())
        Test = Exit.Guards.back();
  }
  return Test;
}

PageSize pageSize(const LoopFacts &Facts, const PageLink &Link) {
  PageSize Size;
  if (Link.Kind == PageLinkKind::Cursor) {
    Size.State = PageSizeState::Set; // The cursor's stride.
    return Size;
  }
  const CallExpr *Request = Link.Request;
  if (isQualifiedListed(Request->getDirectCallee(),
                        Facts.Api.RequestFunctions)) {
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
    if (containsMemberCallNamed(Arg, Facts.Api.PageSizeSetters)) {
      Size.State = PageSizeState::Set;
      return Size;
    }
    const Expr *Stripped = strip(Arg);
    if (const auto *Address = dyn_cast<UnaryOperator>(Stripped);
        Address && Address->getOpcode() == UO_AddrOf)
      Stripped = Address->getSubExpr();
    if (!pageSizeSetterOf(classOf(strip(Stripped)->getType()),
                          Facts.Api.PageSizeSetters))
      continue;
    const ValueDecl *D = namedDecl(Stripped);
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    // A request received from elsewhere may have its page size set there.
    if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl())
      return Size;
    if (Var->getInit() &&
        containsMemberCallNamed(Var->getInit(), Facts.Api.PageSizeSetters)) {
      Size.State = PageSizeState::Set;
      return Size;
    }
    RequestVars.push_back(Var);
  }
  if (RequestVars.empty())
    return Size;
  bool Set = false;
  if (const Stmt *Body = enclosingBody(Facts.Loop, Facts.Ctx))
    forEachDescendant(Body, [&](const Stmt *Node) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(Node);
      if (!Call || !containsMemberCallNamed(Call, Facts.Api.PageSizeSetters))
        return;
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && Method->getDeclName().isIdentifier() &&
          isListed(Method->getName(), Facts.Api.PageSizeSetters) &&
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
                                 Facts.Api.PageSizeSetters);
  Size.RequestVarOutsideLoop = !Facts.isInner(Size.RequestVar);
  for (const CallFact &Fact : Facts.Calls)
    if (Fact.Call == Request)
      Size.SetterPoint = Fact.Anchor;
  return Size;
}

} // namespace clang::tidy::leak::loops
