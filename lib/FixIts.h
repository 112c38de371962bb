//===-- FixIts.h - building fix-its that keep code compiling ---*- C++ -*-===//
//
// Fix-its are offered only where the edited text is plain source the user
// wrote: no macro expansion, one file, not a system header. These helpers
// answer that question and build the common edits.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_FIXITS_H
#define LEAKTIDY_LIB_FIXITS_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>

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

/// Inserts \p Text right before the token at \p Loc, when it is editable.
std::optional<FixItHint> insertBefore(SourceLocation Loc, llvm::StringRef Text,
                                      const SourceManager &SM);

/// Replaces the token range \p Range with \p Text, when it is editable.
std::optional<FixItHint> replaceRange(SourceRange Range, llvm::StringRef Text,
                                      const SourceManager &SM);

} // namespace clang::tidy::leak::fixits

#endif // LEAKTIDY_LIB_FIXITS_H
