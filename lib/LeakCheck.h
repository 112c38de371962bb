//===-- LeakCheck.h - base class of the leak-* checks ----------*- C++ -*-===//
//
// What every leak-* check does the same way: list options read once with
// their catalog defaults, validated with a configuration error per bad entry,
// and written back by storeOptions so that --dump-config shows them.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LEAKCHECK_H
#define LEAKTIDY_LIB_LEAKCHECK_H

#include "Handlers.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak {

class LeakCheck : public ClangTidyCheck {
public:
  /// Writes back every option read through this class, so that --dump-config
  /// shows each one with the value in effect.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// Forgets what the shared analyses (lib/Parents.h) know of the previous
  /// translation unit, then calls startTranslationUnit().
  void onStartOfTranslationUnit() final;

protected:
  /// Called when a translation unit starts: checks clear their own
  /// per-unit state here.
  virtual void startTranslationUnit() {}

  LeakCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), CheckName(Name) {}

  /// Reads the ';'-separated list option \p Option of qualified names
  /// (e.g. '::std::future'); \p Defaults apply when it is not set. Entries
  /// that are not qualified names are reported and dropped.
  std::vector<std::string> readNameList(StringRef Option,
                                        llvm::ArrayRef<llvm::StringRef> Defaults);

  /// Reads a ';'-separated list option of unqualified identifiers
  /// (e.g. member function names).
  std::vector<std::string>
  readIdentifierList(StringRef Option, llvm::ArrayRef<llvm::StringRef> Defaults);

  /// Reads a ';'-separated list option of regular expressions (llvm::Regex
  /// syntax); invalid expressions are reported and dropped.
  std::vector<std::string> readRegexList(StringRef Option,
                                         llvm::ArrayRef<llvm::StringRef> Defaults);

  /// Reads the boolean option \p Option ('true'/'false', '1'/'0', any case);
  /// \p Default applies when it is not set or its value is invalid (which is
  /// reported as a configuration error). (The library's own bool
  /// specialization of OptionsView::get cannot be linked from every compiler,
  /// hence this parser.)
  bool readBool(StringRef Option, bool Default);

  /// Reads the option \p Option as a positive integer; \p Default applies when
  /// it is not set or its value is invalid (reported as a configuration error).
  std::int64_t readPositiveInteger(StringRef Option, std::int64_t Default);
  /// Reads the options that configure request handler detection
  /// (lib/Handlers.h), with the catalog's defaults: HandlerFunctions,
  /// HandlerRegistrationFunctions, HandlerBaseClasses, RequestTypes,
  /// PerCallTypes,
  /// CallableWrappers, MessageReadFunctions, ContainerBoundMethods,
  /// SetupFunctions and PoolFunctions.
  handlers::Config readHandlerOptions();

  /// Reports a bad entry of a list option as a configuration error.
  void reportBadEntry(StringRef Option, StringRef Entry, StringRef Expected);

  /// True when \p Loc was written in the body of a macro definition: such code
  /// is not the user's to change at the expansion site, so it is not reported.
  static bool isInMacroBody(SourceLocation Loc, const SourceManager &SM) {
    return Loc.isMacroID() && SM.isMacroBodyExpansion(Loc);
  }

private:
  std::vector<std::string> readList(StringRef Option,
                                    llvm::ArrayRef<llvm::StringRef> Defaults);

  const std::string CheckName;
  /// Every option read, with the text of its value in effect, for
  /// storeOptions.
  std::vector<std::pair<std::string, std::string>> ReadOptions;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_LEAKCHECK_H
