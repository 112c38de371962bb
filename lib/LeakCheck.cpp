//===-- LeakCheck.cpp - base class of the leak-* checks -------------------===//

#include "LeakCheck.h"
#include "Catalog.h"
#include "Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::leak {

void LeakCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Option, Value] : ListOptions)
    Options.store(Opts, Option, Value);
}

std::vector<std::string>
LeakCheck::readList(StringRef Option, llvm::ArrayRef<llvm::StringRef> Defaults) {
  std::string Value = Options.get(Option, joinList(Defaults)).str();
  std::vector<std::string> Items = parseList(Value);
  ListOptions.emplace_back(Option.str(), std::move(Value));
  return Items;
}

void LeakCheck::reportBadEntry(StringRef Option, StringRef Entry,
                               StringRef Expected) {
  configurationDiag("invalid entry '%0' in option '%1.%2': expected %3; the "
                    "entry is ignored",
                    DiagnosticIDs::Error)
      << Entry << CheckName << Option << Expected;
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
