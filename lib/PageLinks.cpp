//===-- PageLinks.cpp - how a loop reaches the next page ------------------===//

#include "PageLinks.h"
#include "Catalog.h"
#include "LoopExprs.h"
#include "Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::leak::loops {

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

/// The object a value is read from: 'result' for 'result.GetNextToken()',
/// 'page' for 'page[0]', following locals initialized with such reads.
const Expr *memberReadBase(const LoopFacts &Facts, const Expr *E,
                           unsigned Depth = 0) {
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
      for (const auto &[D, Init] : Facts.LocalInits)
        if (D == Binding)
          return Init;
      return nullptr;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Facts.isInner(Var))
      if (const Expr *Init = Var->getInit())
        return memberReadBase(Facts, Init, Depth + 1);
  }
  return nullptr;
}

/// Where the value written as the token was read: for 'Req.SetToken(Token)'
/// after 'Token = Resp.GetNextToken()', the getter call.
const Expr *tokenRead(const LoopFacts &Facts, const Expr *Value) {
  const ValueDecl *Var = namedDecl(Value);
  if (!Var)
    return Value;
  for (const auto &[D, Init] : Facts.LocalInits)
    if (D == Var && isa<CXXMemberCallExpr>(strip(Init)))
      return Init;
  for (const WriteFact &Write : Facts.Writes)
    if (Write.Plain && !Write.Setter && Write.Value &&
        namedDecl(Write.Target) == Var &&
        isa<CXXMemberCallExpr>(strip(Write.Value)))
      return Write.Value;
  return Value;
}

/// The arguments of \p Call (not its object) mention a tainted value.
bool feeds(const DeclSet &Tainted, const CallExpr *Call) {
  unsigned First = 0;
  // The operands of an overloaded ',' are all parts of one statement.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() != OO_Comma &&
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
bool isPageRequest(const LoopFacts &Facts, const CallExpr *Call,
                   const ValueDecl *State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isInStd(Callee))
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (rootDecl(Member->getImplicitObjectArgument()) == State)
      return false;
  if (isQualifiedListed(Callee, Facts.Api.RequestFunctions))
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

bool dependsOnPage(const LoopFacts &Facts, const Expr *Guard,
                   const CallExpr *Request, const ValueDecl *State) {
  if (!Guard)
    return false;
  if (containsStmt(Guard, Request))
    return true;
  for (const ValueDecl *D : referencedDecls(Guard)) {
    if (D == State)
      return true;
    auto It = Facts.Origins.find(D);
    if (It != Facts.Origins.end() && It->second.contains(Request))
      return true;
  }
  return Facts.originsOf(Guard).contains(Request);
}

bool exitsDependOnPage(const LoopFacts &Facts, const CallExpr *Request,
                       const ValueDecl *State) {
  return llvm::any_of(Facts.allGuards(), [&](const Expr *Guard) {
    return dependsOnPage(Facts, Guard, Request, State);
  });
}

bool isSqlRequest(const LoopFacts &Facts, const CallExpr *Call) {
  return isQualifiedListed(Call->getDirectCallee(),
                           Facts.Api.RequestFunctions) &&
         containsWord(requestLiterals(Call), "select");
}

/// Something derived from the response of \p Request in the loop is a
/// collection: the response is a page of items, not a single record.
bool returnsCollection(const LoopFacts &Facts, const CallExpr *Request) {
  bool Found = false;
  forEachDescendant(&Facts.Loop, [&](const Stmt *Node) {
    if (Found || !isa<MemberExpr, CXXMemberCallExpr, DeclRefExpr>(Node))
      return;
    const auto *E = cast<Expr>(Node);
    if (isCollectionClass(classOf(E->getType())) &&
        Facts.derivesFrom(E, Request))
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

} // namespace

std::optional<PageLink> findLink(const LoopFacts &Facts) {
  std::optional<PageLink> Fallback;
  for (const WriteFact &Write : Facts.Writes) {
    if (Write.InLambda)
      continue;
    const ValueDecl *State = rootDecl(Write.Target);
    if (!State || Facts.isInner(State))
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
        Write.Value ? Facts.originsOf(Write.Value) : CallSet();
    const DeclSet Tainted = Facts.taintedBy(State);
    const bool CatalogToken =
        (Write.Setter && Write.Setter->getDeclName().isIdentifier() &&
         isListed(Write.Setter->getName(), Facts.Api.TokenSetters)) ||
        containsMemberCallNamed(Write.Value, Facts.Api.TokenGetters);

    for (const CallFact &Fact : Facts.Calls) {
      const CallExpr *Request = Fact.Call;
      if (!Fact.Direct || !isPageRequest(Facts, Request, State))
        continue;
      const bool CatalogRequest = isQualifiedListed(Request->getDirectCallee(),
                                                    Facts.Api.RequestFunctions);
      const bool InCycle = ValueOrigins.contains(Request);
      if (!InCycle && !(Advance && CatalogRequest))
        continue;
      // A position advanced by a constant proves nothing by itself (an index
      // over an in-memory list does the same): then the response must decide.
      if (!feeds(Tainted, Request) ||
          !exitsDependOnPage(Facts, Request, InCycle ? State : nullptr))
        continue;

      // The value must be read from the response, not be the response.
      const Expr *Base = InCycle ? memberReadBase(Facts, Write.Value) : nullptr;
      const bool ReadFromResponse = Base && Facts.derivesFrom(Base, Request);
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
      else if (!returnsCollection(Facts, Request))
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
      Link.TokenName = tokenNameOf(tokenRead(Facts, Write.Value), State);
      const bool SqlOrNumber =
          isSqlRequest(Facts, Request) || Advance || isArithmetic(Write.Value);
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

/// True when \p Cursor is declared in a loop around the analysed one: each
/// cursor reads one page of the enclosing loop ('skip'/'limit' per
/// iteration), which is where the pages are counted.
static bool isOpenedInEnclosingLoop(const LoopFacts &Facts,
                                    const ValueDecl &Cursor) {
  const SourceManager &SM = Facts.Ctx.getSourceManager();
  DynTypedNode Node = DynTypedNode::create(Facts.Loop);
  for (unsigned Step = 0; Step < 64; ++Step) {
    const DynTypedNodeList Parents = parentsOf(Node, Facts.Ctx);
    if (Parents.size() != 1 || Parents[0].get<Decl>())
      return false;
    Node = Parents[0];
    const auto *S = Node.get<Stmt>();
    if (S && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) &&
        SM.isPointWithin(Cursor.getLocation(), S->getBeginLoc(),
                         S->getEndLoc()))
      return true;
  }
  return false;
}

/// True when the query that opened \p Cursor carries a limit ('LIMIT 20',
/// a "limit" option): the server stops there.
static bool hasLimitedQuery(const ValueDecl &Cursor) {
  const auto *Var = dyn_cast<VarDecl>(&Cursor);
  return Var && Var->getInit() &&
         containsWord(literalsOf(Var->getInit()), "limit");
}

/// 'for (const row &r : rows)' over a cursor class ('soci::rowset'): each
/// step of its iterator fetches the next rows.
static std::optional<PageLink> findRangeCursorLink(const LoopFacts &Facts) {
  const auto *Range = dyn_cast<CXXForRangeStmt>(&Facts.Loop);
  if (!Range || !Range->getRangeInit() || !Range->getBeginStmt())
    return std::nullopt;
  const Expr *Object = Range->getRangeInit();
  if (!isQualifiedListed(classOf(strip(Object)->getType()),
                         Facts.Api.CursorTypes))
    return std::nullopt;
  const ValueDecl *Cursor = rootDecl(Object);
  if (Cursor && (isOpenedInEnclosingLoop(Facts, *Cursor) ||
                 hasLimitedQuery(*Cursor)))
    return std::nullopt;
  const auto *Begin = dyn_cast_or_null<VarDecl>(
      Range->getBeginStmt()->getSingleDecl());
  const auto *BeginCall =
      Begin && Begin->getInit()
          ? dyn_cast<CallExpr>(Begin->getInit()->IgnoreImplicit())
          : nullptr;
  if (!BeginCall)
    return std::nullopt;
  PageLink Link;
  Link.Kind = PageLinkKind::Cursor;
  Link.Request = BeginCall;
  Link.FeedBack = Object;
  Link.State = Cursor;
  Link.TokenName = Cursor && Cursor->getDeclName().isIdentifier()
                       ? Cursor->getName().str()
                       : "";
  return Link;
}

std::optional<PageLink> findCursorLink(const LoopFacts &Facts) {
  if (isa<CXXForRangeStmt>(Facts.Loop))
    return findRangeCursorLink(Facts);
  for (const CallFact &Fact : Facts.Calls) {
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
    else if (Call->getNumArgs() >= 1 &&
             !isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()) &&
             Call->getArg(0)->getType()->isPointerType())
      // A C API cursor: 'mongoc_cursor_next(cursor, &doc)'.
      Object = Call->getArg(0);
    if (!Object || !isQualifiedListed(classOf(strip(Object)->getType()),
                                      Facts.Api.CursorTypes))
      continue;
    const ValueDecl *Cursor = rootDecl(Object);
    if (!Cursor || Facts.isInner(Cursor) ||
        isOpenedInEnclosingLoop(Facts, *Cursor))
      continue;
    if (hasLimitedQuery(*Cursor))
      continue;
    // A read: the call fills a result through a reference argument.
    llvm::DenseMap<const ValueDecl *, CallSet> Filled;
    addOutParamOrigins(Call, Filled);
    if (Filled.empty() || !exitsDependOnPage(Facts, Call, nullptr))
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

} // namespace clang::tidy::leak::loops
