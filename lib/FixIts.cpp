//===-- FixIts.cpp - building fix-its that keep code compiling ------------===//

#include "FixIts.h"
#include "Parents.h"
#include "clang/AST/DeclBase.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::leak::fixits {

bool isEditable(SourceRange Range, const SourceManager &SM) {
  SourceLocation Begin = Range.getBegin();
  SourceLocation End = Range.getEnd();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID())
    return false;
  if (SM.isInSystemHeader(Begin))
    return false;
  return SM.getFileID(Begin) == SM.getFileID(End);
}

std::optional<std::string> sourceText(SourceRange Range, const SourceManager &SM,
                                      const LangOptions &LangOpts) {
  if (!isEditable(Range, SM))
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Range), SM, LangOpts, &Invalid);
  if (Invalid)
    return std::nullopt;
  return Text.str();
}

std::string indentationAt(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return {};
  unsigned Offset = SM.getFileOffset(Loc);
  unsigned LineStart = Offset;
  while (LineStart > 0 && Buffer[LineStart - 1] != '\n')
    --LineStart;
  unsigned IndentEnd = LineStart;
  while (IndentEnd < Offset && (Buffer[IndentEnd] == ' ' || Buffer[IndentEnd] == '\t'))
    ++IndentEnd;
  return Buffer.slice(LineStart, IndentEnd).str();
}

std::optional<FixItHint> insertLineBefore(const Stmt &S, llvm::StringRef Line,
                                          const SourceManager &SM) {
  SourceLocation Begin = S.getBeginLoc();
  if (!isEditable(S.getSourceRange(), SM))
    return std::nullopt;
  // Insert at the statement itself, then re-create its indentation after the
  // new line, so that the statement keeps its column.
  std::string Indent = indentationAt(Begin, SM);
  if (SM.getSpellingColumnNumber(Begin) != Indent.size() + 1)
    return std::nullopt; // Something precedes the statement on its line.
  return FixItHint::CreateInsertion(Begin, (Line + "\n" + Indent).str());
}

std::optional<FixItHint> insertLinesBefore(const Stmt &S,
                                           llvm::ArrayRef<std::string> Lines,
                                           const SourceManager &SM) {
  if (Lines.empty())
    return std::nullopt;
  const std::string Indent = indentationAt(S.getBeginLoc(), SM);
  std::string Text = Lines.front();
  for (const std::string &Line : Lines.drop_front()) {
    Text += '\n';
    Text += Indent;
    Text += Line;
  }
  return insertLineBefore(S, Text, SM);
}

void LineInsertions::add(const Stmt *At, std::string Line) {
  for (auto &[Where, Lines] : Groups)
    if (Where == At) {
      if (!llvm::is_contained(Lines, Line))
        Lines.push_back(std::move(Line));
      return;
    }
  Groups.push_back({At, {std::move(Line)}});
}

std::optional<std::vector<FixItHint>>
LineInsertions::build(const SourceManager &SM) const {
  std::vector<FixItHint> Hints;
  for (const auto &[At, Lines] : Groups) {
    std::optional<FixItHint> Hint = insertLinesBefore(*At, Lines, SM);
    if (!Hint)
      return std::nullopt;
    Hints.push_back(std::move(*Hint));
  }
  return Hints;
}

/// The parent of \p S, skipping nothing: null when it has none or several.
static DynTypedNode singleParent(const DynTypedNode &Node, ASTContext &Ctx) {
  const DynTypedNodeList Parents = parentsOf(Node, Ctx);
  if (Parents.size() != 1)
    return {};
  return Parents[0];
}

const CompoundStmt *enclosingBlock(const Stmt &S, ASTContext &Ctx) {
  return singleParent(DynTypedNode::create(S), Ctx).get<CompoundStmt>();
}

static const VarDecl *varNamed(const Decl *D, llvm::StringRef Name) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (Var && Var->getDeclName().isIdentifier() && Var->getName() == Name)
    return Var;
  return nullptr;
}

const VarDecl *findVisibleVariable(llvm::StringRef Name, const Stmt &S,
                                   ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  const DeclContext *Scope = nullptr;
  for (unsigned Steps = 0; Steps < 256 && !Scope; ++Steps) {
    const DynTypedNode Parent = singleParent(Node, Ctx);
    if (const auto *Block = Parent.get<CompoundStmt>()) {
      // Declarations that precede the statement on the path.
      const Stmt *Child = Node.get<Stmt>();
      for (const Stmt *Item : Block->body()) {
        if (Item == Child)
          break;
        if (const auto *DS = dyn_cast<DeclStmt>(Item))
          for (const Decl *D : DS->decls())
            if (const VarDecl *Var = varNamed(D, Name))
              return Var;
      }
    }
    if (const auto *Function = Parent.get<FunctionDecl>()) {
      for (const ParmVarDecl *Param : Function->parameters())
        if (const VarDecl *Var = varNamed(Param, Name))
          return Var;
      Scope = Function->getDeclContext();
    }
    if (Parent.get<Decl>() && !Parent.get<FunctionDecl>() &&
        !Parent.get<VarDecl>())
      return nullptr;
    if (Parent.getNodeKind().isNone())
      return nullptr;
    Node = Parent;
  }
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  for (; Scope; Scope = Scope->getParent()) {
    if (!isa<NamespaceDecl, CXXRecordDecl, TranslationUnitDecl>(Scope))
      continue;
    for (const NamedDecl *Found : Scope->lookup(DeclarationName(&Id)))
      if (const VarDecl *Var = varNamed(Found, Name))
        return Var;
  }
  return nullptr;
}

std::optional<FixItHint> insertBefore(SourceLocation Loc, llvm::StringRef Text,
                                      const SourceManager &SM) {
  if (!isEditable(SourceRange(Loc, Loc), SM))
    return std::nullopt;
  return FixItHint::CreateInsertion(Loc, Text);
}

std::optional<FixItHint> replaceRange(SourceRange Range, llvm::StringRef Text,
                                      const SourceManager &SM) {
  if (!isEditable(Range, SM))
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Range), Text);
}

std::optional<FixItHint> removeStatement(const Stmt &S, const SourceManager &SM,
                                         const LangOptions &LangOpts) {
  if (!isEditable(S.getSourceRange(), SM))
    return std::nullopt;
  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      S.getEndLoc(), tok::semi, SM, LangOpts,
      /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid() || AfterSemi.isMacroID())
    return std::nullopt;
  bool Invalid = false;
  const FileID File = SM.getFileID(S.getBeginLoc());
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return std::nullopt;
  unsigned Begin = SM.getFileOffset(S.getBeginLoc());
  unsigned End = SM.getFileOffset(AfterSemi);
  unsigned LineStart = Begin;
  while (LineStart > 0 && (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = End;
  while (LineEnd < Buffer.size() && (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
    ++LineEnd;
  const bool AloneOnLine = (LineStart == 0 || Buffer[LineStart - 1] == '\n') &&
                           (LineEnd == Buffer.size() || Buffer[LineEnd] == '\n');
  if (AloneOnLine && LineStart > 0) {
    // Take the line break before the statement rather than the one after
    // it: a removal that ends just before spaces gets one more character
    // removed when the edits are merged.
    Begin = LineStart - 1;
    End = LineEnd;
  }
  const SourceLocation FileStart = SM.getLocForStartOfFile(File);
  return FixItHint::CreateRemoval(
      CharSourceRange::getCharRange(FileStart.getLocWithOffset(static_cast<int>(Begin)),
                                    FileStart.getLocWithOffset(static_cast<int>(End))));
}

bool isDeclared(llvm::StringRef QualifiedName, ASTContext &Ctx) {
  QualifiedName.consume_front("::");
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  while (!QualifiedName.empty()) {
    auto [Head, Rest] = QualifiedName.split("::");
    if (!Scope)
      return false;
    DeclContext::lookup_result Found =
        Scope->lookup(DeclarationName(&Ctx.Idents.get(Head)));
    if (Found.empty())
      return false;
    if (Rest.empty())
      return true;
    Scope = dyn_cast<DeclContext>(Found.front());
    QualifiedName = Rest;
  }
  return false;
}

} // namespace clang::tidy::leak::fixits
