//===-- FixIts.cpp - building fix-its that keep code compiling ------------===//

#include "FixIts.h"
#include "clang/AST/DeclBase.h"
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
