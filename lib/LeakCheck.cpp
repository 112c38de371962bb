//===-- LeakCheck.cpp - base class of the leak-* checks -------------------===//

#include "LeakCheck.h"
#include "Catalog.h"
#include "Compat.h"
#include "Options.h"
#include "Parents.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::leak {

namespace {
/// The node bound when the translation unit itself matches.
constexpr llvm::StringLiteral UnitBinding = "leaktidy-translation-unit";
} // namespace

LeakCheck::~LeakCheck() = default;

void LeakCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  if (compat::ClangTidySkipsSystemHeaders) {
    registerUserCodeMatchers(Finder);
    return;
  }
  UserCodeFinder = std::make_unique<ast_matchers::MatchFinder>();
  registerUserCodeMatchers(UserCodeFinder.get());
  Finder->addMatcher(
      ast_matchers::translationUnitDecl().bind(UnitBinding), this);
}

void LeakCheck::run(const ast_matchers::MatchFinder::MatchResult &Result) {
  if (UserCodeFinder && !InUserCodeRun &&
      Result.Nodes.getNodeAs<TranslationUnitDecl>(UnitBinding)) {
    matchUserCode(*Result.Context);
    return;
  }
  check(Result);
}

void LeakCheck::matchUserCode(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> UserDecls;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (D->isImplicit())
      continue;
    const SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      continue;
    UserDecls.push_back(D);
  }
  const std::vector<Decl *> Scope = compat::traversalScope(Ctx);
  // An empty scope would mean the whole unit again.
  if (!UserDecls.empty()) {
    InUserCodeRun = true;
    Ctx.setTraversalScope(UserDecls);
    UserCodeFinder->matchAST(Ctx);
    Ctx.setTraversalScope(Scope);
    InUserCodeRun = false;
  }
}

void LeakCheck::onStartOfTranslationUnit() {
  if (InUserCodeRun)
    return;
  resetParents();
  startTranslationUnit();
}

void LeakCheck::onEndOfTranslationUnit() {
  if (!InUserCodeRun)
    endTranslationUnit();
}

void LeakCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Option, Value] : ReadOptions)
    Options.store(Opts, Option, Value);
}

std::vector<std::string>
LeakCheck::readList(StringRef Option, llvm::ArrayRef<llvm::StringRef> Defaults) {
  std::string Value =
      compat::optionString(Options, Option, joinList(Defaults));
  std::vector<std::string> Items = parseList(Value);
  ReadOptions.emplace_back(Option.str(), std::move(Value));
  return Items;
}

void LeakCheck::reportBadEntry(StringRef Option, StringRef Entry,
                               StringRef Expected) {
  configurationDiag("invalid entry '%0' in option '%1.%2': expected %3; the "
                    "entry is ignored",
                    DiagnosticIDs::Error)
      << Entry << CheckName << Option << Expected;
}

bool LeakCheck::readBool(StringRef Option, bool Default) {
  const std::string Text =
      compat::optionString(Options, Option, Default ? "true" : "false");
  const llvm::StringRef Value = llvm::StringRef(Text).trim();
  bool Result = Default;
  if (Value.equals_insensitive("true") || Value == "1")
    Result = true;
  else if (Value.equals_insensitive("false") || Value == "0")
    Result = false;
  else
    configurationDiag("invalid value '%0' for option '%1.%2': expected 'true' "
                      "or 'false'; using '%3'",
                      DiagnosticIDs::Error)
        << Value << CheckName << Option << (Default ? "true" : "false");
  ReadOptions.emplace_back(Option.str(), Result ? "true" : "false");
  return Result;
}

std::int64_t LeakCheck::readPositiveInteger(StringRef Option,
                                            std::int64_t Default) {
  const std::string Raw = compat::optionString(Options, Option, "");
  const llvm::StringRef Text = llvm::StringRef(Raw).trim();
  std::int64_t Value = Default;
  if (!Text.empty() && (Text.getAsInteger(10, Value) || Value <= 0)) {
    configurationDiag("invalid value '%0' for option '%1.%2': expected a "
                      "positive integer; using %3",
                      DiagnosticIDs::Error)
        << Text << CheckName << Option << Default;
    Value = Default;
  }
  ReadOptions.emplace_back(Option.str(), std::to_string(Value));
  return Value;
}

std::vector<std::string>
LeakCheck::readNameList(StringRef Option,
                        llvm::ArrayRef<llvm::StringRef> Defaults) {
  std::vector<std::string> Items = readList(Option, Defaults);
  for (const std::string &Bad : invalidQualifiedNames(Items))
    reportBadEntry(Option, Bad, "a qualified name such as '::std::future'");
  llvm::erase_if(Items, [](const std::string &Item) {
    return !invalidQualifiedNames({Item}).empty();
  });
  return Items;
}

std::vector<std::string>
LeakCheck::readIdentifierList(StringRef Option,
                              llvm::ArrayRef<llvm::StringRef> Defaults) {
  std::vector<std::string> Items = readList(Option, Defaults);
  llvm::erase_if(Items, [&](const std::string &Item) {
    const bool Valid = !Item.empty() && !llvm::isDigit(Item.front()) &&
                       llvm::all_of(Item, [](char C) {
                         return llvm::isAlnum(C) || C == '_';
                       });
    if (!Valid)
      reportBadEntry(Option, Item, "an identifier such as 'get'");
    return !Valid;
  });
  return Items;
}

std::vector<std::string>
LeakCheck::readRegexList(StringRef Option,
                         llvm::ArrayRef<llvm::StringRef> Defaults) {
  std::vector<std::string> Items = readList(Option, Defaults);
  llvm::erase_if(Items, [&](const std::string &Item) {
    std::string Error;
    if (llvm::Regex(Item).isValid(Error))
      return false;
    reportBadEntry(Option, Item, "a regular expression (" + Error + ")");
    return true;
  });
  return Items;
}

handlers::Config LeakCheck::readHandlerOptions() {
  handlers::Config Config;
  Config.HandlerFunctions = readRegexList("HandlerFunctions", {});
  Config.RegistrationFunctions = readNameList(
      "HandlerRegistrationFunctions", catalog::handlerRegistrationFunctions());
  Config.BaseClasses =
      readNameList("HandlerBaseClasses", catalog::handlerBaseClasses());
  Config.RequestTypes = readNameList("RequestTypes", catalog::requestTypes());
  Config.ReplyMethods =
      readNameList("RequestReplyMethods", catalog::requestReplyMethods());
  Config.PerCallTypes = readNameList("PerCallTypes", catalog::perCallTypes());
  Config.CallableWrappers =
      readNameList("CallableWrappers", catalog::callableWrappers());
  Config.MessageReadFunctions =
      readNameList("MessageReadFunctions", catalog::messageReadFunctions());
  Config.ContainerBoundMethods = readIdentifierList(
      "ContainerBoundMethods", catalog::containerBoundMethods());
  Config.SetupFunctions =
      readRegexList("SetupFunctions", catalog::setupFunctionPatterns());
  Config.PoolFunctions =
      readRegexList("PoolFunctions", catalog::poolFunctionPatterns());
  return Config;
}

} // namespace clang::tidy::leak
