//===-- UnboundedPaginationCheck.cpp - leak-unbounded-pagination ----------===//

#include "UnboundedPaginationCheck.h"
#include "Catalog.h"
#include "FixIts.h"
#include "HandlerExprs.h"
#include "Loops.h"
#include "Options.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

constexpr std::int64_t DefaultMaxItems = 10000;
constexpr std::int64_t DefaultPageSize = 100;
constexpr llvm::StringLiteral CapConstantName = "kMaxItems";

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  return nullptr;
}

/// The container as code before the cap can name it: 'items', 'out->',
/// '(*out).'.
std::optional<std::string> sizeCallOn(const loops::Accumulation &A,
                                      const SourceManager &SM,
                                      const LangOptions &LangOpts) {
  if (const auto *Var = dyn_cast<VarDecl>(A.Container);
      Var && Var->isInitCapture())
    return std::nullopt;
  std::optional<std::string> Text =
      fixits::sourceText(A.ContainerExpr->getSourceRange(), SM, LangOpts);
  if (!Text)
    return std::nullopt;
  if (!isa<DeclRefExpr, MemberExpr, ParenExpr>(A.ContainerExpr))
    Text = "(" + *Text + ")";
  return *Text + (A.ThroughPointer ? "->" : ".") + "size()";
}

/// True when 'std::size_t' is declared, so that the cap constant can use it.
bool declaresStdSizeT(ASTContext &Ctx) {
  const TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  for (const NamedDecl *Std : TU->lookup(&Ctx.Idents.get("std")))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Std))
      if (!Namespace->lookup(&Ctx.Idents.get("size_t")).empty())
        return true;
  return false;
}

bool isIntegerConstant(const VarDecl &Var) {
  const QualType Type = Var.getType();
  return Type->isIntegerType() &&
         (Var.isConstexpr() || Type.isConstQualified());
}

} // namespace

UnboundedPaginationCheck::UnboundedPaginationCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      TokenGetters(readIdentifierList("TokenGetters",
                                      catalog::paginationTokenGetters())),
      TokenSetters(readIdentifierList("TokenSetters",
                                      catalog::paginationTokenSetters())),
      PageSizeSetters(
          readIdentifierList("PageSizeSetters", catalog::pageSizeSetters())),
      RequestFunctions(
          readNameList("RequestFunctions", catalog::pageRequestFunctions())),
      CursorTypes(readNameList("CursorTypes", catalog::pageCursorTypes())),
      MaxItems(readPositiveInteger("MaxItems", DefaultMaxItems)),
      PageSize(readPositiveInteger("PageSize", DefaultPageSize)),
      CheckRepeatedToken(readBool("CheckRepeatedToken", false)) {}

void UnboundedPaginationCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Template instantiations are not traversed (TK_IgnoreUnlessSpelledInSource):
  // each loop is analyzed once, as written.
  // One matcher per loop kind: a matcher over every statement would be tried
  // on each statement of every header with majors that traverse them.
  const auto InUserCode = unless(isExpansionInSystemHeader());
  const auto MakesCalls = hasDescendant(callExpr());
  Finder->addMatcher(
      whileStmt(InUserCode, MakesCalls).bind("pagination-loop"), this);
  Finder->addMatcher(doStmt(InUserCode, MakesCalls).bind("pagination-loop"),
                     this);
  Finder->addMatcher(forStmt(InUserCode, MakesCalls).bind("pagination-loop"),
                     this);
  // Range-based loops only over a cursor class ('soci::rowset').
  if (!CursorTypes.empty())
    Finder->addMatcher(
        cxxForRangeStmt(InUserCode,
                        hasRangeInit(expr(hasType(hasUnqualifiedDesugaredType(
                            recordType(hasDeclaration(cxxRecordDecl(
                                hasAnyName(asRefs(CursorTypes))))))))))
            .bind("pagination-loop"),
        this);
}

void UnboundedPaginationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Loop = Result.Nodes.getNodeAs<Stmt>("pagination-loop");
  const SourceManager &SM = *Result.SourceManager;
  // Code written inside a macro's body is not the user's to change here.
  if (isInMacroBody(Loop->getBeginLoc(), SM))
    return;
  const loops::PagedApi Api{TokenGetters, TokenSetters, PageSizeSetters,
                            RequestFunctions, CursorTypes};
  std::optional<loops::PaginationLoop> Analysis =
      loops::analyzePaginationLoop(*Loop, *Result.Context, Api);
  if (!Analysis)
    return;
  llvm::erase_if(Analysis->Accumulations, [&](const loops::Accumulation &A) {
    return isInMacroBody(A.Site->getBeginLoc(), SM);
  });
  if (!Analysis->Capped && !Analysis->Accumulations.empty())
    reportAccumulation(*Analysis, *Result.Context);
  if (CheckRepeatedToken && Analysis->OnlyTokenExit)
    reportRepeatedToken(*Analysis, *Result.Context);
}

bool UnboundedPaginationCheck::addCaps(const loops::PaginationLoop &Loop,
                                       ASTContext &Ctx,
                                       fixits::LineInsertions &Edits,
                                       const Stmt *&BlockToMark) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const std::string Constant = CapConstantName.str();
  // The bound: a constant the user already has, or a new one before the loop
  // (or, when this block already received one, at the top of the body).
  const VarDecl *Existing =
      fixits::findVisibleVariable(CapConstantName, *Loop.Loop, Ctx);
  if (Existing && !isIntegerConstant(*Existing))
    return false;
  if (!Existing) {
    if (!declaresStdSizeT(Ctx))
      return false;
    const std::string Declaration = "constexpr std::size_t " + Constant +
                                    " = " + std::to_string(MaxItems) + ";";
    const CompoundStmt *Block = fixits::enclosingBlock(*Loop.Loop, Ctx);
    const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(*Loop.Loop));
    if (Block && !BlocksWithCapConstant.contains(Block)) {
      Edits.add(Loop.Loop, Declaration);
      BlockToMark = Block;
    } else if (Body && !Body->body_empty()) {
      Edits.add(Body->body_front(), Declaration);
    } else {
      return false;
    }
  }
  // The test goes first in the loop's body, before the next page is asked
  // for: a 'break' there leaves nothing of the iteration behind (a result
  // or a handle acquired for the page and released after the appending).
  // A container declared in the body is tested where it grows.
  const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(*Loop.Loop));
  const Stmt *Top = Body && !Body->body_empty() ? Body->body_front() : nullptr;
  llvm::StringSet<> Tested;
  for (const loops::Accumulation &A : Loop.Accumulations) {
    std::optional<std::string> Size = sizeCallOn(A, SM, Ctx.getLangOpts());
    if (!A.CapPoint || !Size)
      return false;
    const ValueDecl *Container =
        A.ContainerExpr ? handlers::rootDecl(A.ContainerExpr) : nullptr;
    const bool InScopeAtTop =
        Top && !(Container && SM.isPointWithin(Container->getLocation(),
                                               Body->getBeginLoc(),
                                               Body->getEndLoc()));
    if (!Tested.insert(*Size).second)
      continue;
    Edits.add(InScopeAtTop ? Top : A.CapPoint,
              "if (" + *Size + " >= " + Constant + ") break;");
  }
  return true;
}

void UnboundedPaginationCheck::addPageSize(
    const loops::PaginationLoop &Loop, ASTContext &Ctx,
    fixits::LineInsertions &Edits) const {
  // Before the loop, or before the request when it is built in the loop.
  const loops::PageSize &Size = Loop.Size;
  if (Size.State != loops::PageSizeState::NotSet || !Size.Setter ||
      !Size.RequestVar)
    return;
  const QualType Type = Size.RequestVar->getType();
  const bool Pointer = Type->isPointerType();
  const QualType Object =
      Pointer ? Type->getPointeeType() : Type.getNonReferenceType();
  const Stmt *At =
      Size.RequestVarOutsideLoop
          ? (fixits::enclosingBlock(*Loop.Loop, Ctx) ? Loop.Loop : nullptr)
          : Size.SetterPoint;
  if (At && !Object.isConstQualified())
    Edits.add(At, Size.RequestVar->getName().str() + (Pointer ? "->" : ".") +
                      Size.Setter->getName().str() + "(" +
                      std::to_string(PageSize) + ");");
}

std::vector<FixItHint>
UnboundedPaginationCheck::fixes(const loops::PaginationLoop &Loop,
                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // The caps go all together or not at all: one missing cap leaves the
  // container growing. The page size stands on its own.
  fixits::LineInsertions Edits;
  const Stmt *BlockToMark = nullptr;
  if (addCaps(Loop, Ctx, Edits, BlockToMark)) {
    addPageSize(Loop, Ctx, Edits);
    if (std::optional<std::vector<FixItHint>> Hints = Edits.build(SM)) {
      if (BlockToMark)
        BlocksWithCapConstant.insert(BlockToMark);
      return *Hints;
    }
  }
  fixits::LineInsertions PageSizeOnly;
  addPageSize(Loop, Ctx, PageSizeOnly);
  return PageSizeOnly.build(SM).value_or(std::vector<FixItHint>());
}

void UnboundedPaginationCheck::reportAccumulation(
    const loops::PaginationLoop &Loop, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const loops::Accumulation &First = Loop.Accumulations.front();
  const std::string Container = First.Container->getNameAsString();
  {
    auto Diag = diag(SM.getFileLoc(First.Site->getBeginLoc()),
                     "'%0' accumulates every page of this pagination loop "
                     "with no cap: a large result set exhausts memory; stop "
                     "at a maximum size or process each page and drop it")
                << Container << First.Site->getSourceRange();
    for (const FixItHint &Hint : fixes(Loop, Ctx))
      Diag << Hint;
  }

  const loops::PageLink &Link = Loop.Link;
  const SourceLocation FeedBack = SM.getFileLoc(Link.FeedBack->getBeginLoc());
  switch (Link.Kind) {
  case loops::PageLinkKind::Token:
    diag(FeedBack, "token fed back into the next request here",
         DiagnosticIDs::Note);
    break;
  case loops::PageLinkKind::Position:
    diag(FeedBack, "page position advanced here for the next request",
         DiagnosticIDs::Note);
    break;
  case loops::PageLinkKind::Cursor:
    diag(FeedBack, "each iteration reads the next page from '%0' here",
         DiagnosticIDs::Note)
        << Link.TokenName;
    break;
  }
  for (const loops::Accumulation &Other : llvm::drop_begin(Loop.Accumulations))
    diag(SM.getFileLoc(Other.Site->getBeginLoc()), "'%0' also grows here",
         DiagnosticIDs::Note)
        << Other.Container->getNameAsString();

  if (Loop.Size.State != loops::PageSizeState::NotSet)
    return;
  const SourceLocation Request = SM.getFileLoc(Link.Request->getBeginLoc());
  if (Loop.Size.IsSql)
    diag(Request,
         "the query has no LIMIT either, so one page can be the "
         "whole result; add a LIMIT clause",
         DiagnosticIDs::Note);
  else if (Loop.Size.Setter)
    diag(Request,
         "the request sets no page size either, so each page is as "
         "large as the server allows; set one with '%0'",
         DiagnosticIDs::Note)
        << Loop.Size.Setter->getName();
}

void UnboundedPaginationCheck::reportRepeatedToken(
    const loops::PaginationLoop &Loop, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  diag(SM.getFileLoc(Loop.Loop->getBeginLoc()),
       "pagination loop ends only when the response carries no next token: "
       "a server that repeats '%0' keeps it running forever; also stop when "
       "the new token equals the previous one")
      << Loop.Link.TokenName;
  diag(SM.getFileLoc(Loop.Link.FeedBack->getBeginLoc()),
       "token fed back into the next request here", DiagnosticIDs::Note);
  diag(SM.getFileLoc(Loop.OnlyTokenExit->getBeginLoc()),
       "this is the only test that ends the loop", DiagnosticIDs::Note);
}

} // namespace clang::tidy::leak
