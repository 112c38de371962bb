//===-- LeakCheck.h - base class of the leak-* checks ----------*- C++ -*-===//
//
// What every leak-* check does the same way: list options read once with
// their catalog defaults, validated with a configuration error per bad entry,
// and written back by storeOptions so that --dump-config shows them; and
// matching in the user's code only (see registerMatchers).
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LEAKCHECK_H
#define LEAKTIDY_LIB_LEAKCHECK_H

#include "Handlers.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::leak {

class LeakCheck : public ClangTidyCheck {
public:
  /// Writes back every option read through this class, so that --dump-config
  /// shows each one with the value in effect.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// Registers the check's matchers (registerUserCodeMatchers) so that they
  /// are tried on the user's code only. clang-tidy up to LLVM 20 traverses
  /// the system headers too, trying every matcher on each node of its kind
  /// there; on those majors the matchers go to a finder of this check that
  /// runs once per unit over the top-level declarations outside system
  /// headers. From LLVM 21 on clang-tidy skips system headers itself and the
  /// matchers are registered directly.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;

  /// Forgets what the shared analyses (lib/Parents.h) know of the previous
  /// translation unit, then calls startTranslationUnit().
  void onStartOfTranslationUnit() final;
  /// Calls endTranslationUnit() once, at the end of the unit.
  void onEndOfTranslationUnit() final;

  ~LeakCheck() override;

protected:
  /// The check's matchers; every match reaches check().
  virtual void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) = 0;

  /// Called when a translation unit starts: checks clear their own
  /// per-unit state here.
  virtual void startTranslationUnit() {}
  /// Called when a translation unit has been matched: checks report what
  /// needed the whole unit here.
  virtual void endTranslationUnit() {}

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
  /// RequestReplyMethods, PerCallTypes,
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
  /// Matches the translation unit itself (majors that traverse system
  /// headers) and runs UserCodeFinder over the user's declarations; every
  /// other match goes to check().
  void run(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void matchUserCode(ASTContext &Ctx);

  /// The check's own finder on majors that traverse system headers.
  std::unique_ptr<ast_matchers::MatchFinder> UserCodeFinder;
  /// True while UserCodeFinder runs: its start and end of unit are not the
  /// unit's.
  bool InUserCodeRun = false;

  std::vector<std::string> readList(StringRef Option,
                                    llvm::ArrayRef<llvm::StringRef> Defaults);

  const std::string CheckName;
  /// Every option read, with the text of its value in effect, for
  /// storeOptions.
  std::vector<std::pair<std::string, std::string>> ReadOptions;
};

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_LEAKCHECK_H
