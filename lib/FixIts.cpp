//===-- FixIts.cpp - building fix-its that keep code compiling ------------===//

#include "FixIts.h"
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

} // namespace clang::tidy::leak::fixits
