//===-- FixIts.h - building fix-its that keep code compiling ---*- C++ -*-===//
//
// Fix-its are offered only where the edited text is plain source the user
// wrote: no macro expansion, one file, not a system header. These helpers
// answer that question and build the common edits.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_FIXITS_H
#define LEAKTIDY_LIB_FIXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak::fixits {

/// True when \p Range is written directly in one user file (no macro
/// expansion at either end, not in a system header), so it can be edited.
bool isEditable(SourceRange Range, const SourceManager &SM);

/// The text of the token range \p Range, when it is editable.
std::optional<std::string> sourceText(SourceRange Range, const SourceManager &SM,
                                      const LangOptions &LangOpts);

/// The whitespace that precedes the first token on the line of \p Loc.
std::string indentationAt(SourceLocation Loc, const SourceManager &SM);

/// Inserts \p Line (without a trailing newline) as a new line before the line
/// holding statement \p S, at the same indentation.
std::optional<FixItHint> insertLineBefore(const Stmt &S, llvm::StringRef Line,
                                          const SourceManager &SM);

/// Inserts \p Lines as new lines before the line holding statement \p S,
/// each at the indentation of \p S.
std::optional<FixItHint> insertLinesBefore(const Stmt &S,
                                           llvm::ArrayRef<std::string> Lines,
                                           const SourceManager &SM);

/// Lines to insert before statements, grouped per statement so that several
/// lines at one place become one edit (and keep their order).
class LineInsertions {
public:
  /// Adds \p Line before \p At, unless the same line is already there.
  void add(const Stmt *At, std::string Line);

  /// The edits, or std::nullopt when one of them cannot be made.
  std::optional<std::vector<FixItHint>> build(const SourceManager &SM) const;

private:
  std::vector<std::pair<const Stmt *, std::vector<std::string>>> Groups;
};

/// The block ('{ ... }') that holds \p S as one of its statements, or null:
/// a line inserted before \p S is a statement of the same block only then.
const CompoundStmt *enclosingBlock(const Stmt &S, ASTContext &Ctx);

/// A variable named \p Name that code at \p S can use: declared before \p S
/// in an enclosing block or as a parameter of the enclosing function, or at
/// class or namespace scope around it. Null when there is none.
const VarDecl *findVisibleVariable(llvm::StringRef Name, const Stmt &S,
                                   ASTContext &Ctx);
/// Inserts \p Text right before the token at \p Loc, when it is editable.
std::optional<FixItHint> insertBefore(SourceLocation Loc, llvm::StringRef Text,
                                      const SourceManager &SM);

/// Replaces the token range \p Range with \p Text, when it is editable.
std::optional<FixItHint> replaceRange(SourceRange Range, llvm::StringRef Text,
                                      const SourceManager &SM);

/// Removes the statement \p S with its terminating ';' (and its line, when
/// nothing else is written on it). The caller makes sure that the enclosing
/// code stays valid without it (e.g. \p S is an element of a block).
std::optional<FixItHint> removeStatement(const Stmt &S, const SourceManager &SM,
                                         const LangOptions &LangOpts);

/// True when \p QualifiedName ('std::jthread', '::asio::detached_t') names a
/// declaration visible in this translation unit, so that a fix-it may write
/// it.
bool isDeclared(llvm::StringRef QualifiedName, ASTContext &Ctx);

} // namespace clang::tidy::leak::fixits

#endif // LEAKTIDY_LIB_FIXITS_H
