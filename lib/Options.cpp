//===-- Options.cpp - parsing of list options -----------------------------===//

#include "Options.h"
#include "Compat.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::leak {

std::vector<std::string> parseList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Items;
  Items.reserve(Parts.size());
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::string joinList(llvm::ArrayRef<std::string> Items) {
  return llvm::join(Items, ";");
}

std::string joinList(llvm::ArrayRef<llvm::StringRef> Items) {
  return llvm::join(Items, ";");
}

static bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  if (Name.empty())
    return false;
  bool First = true;
  while (!Name.empty()) {
    auto [Head, Rest] = Name.split("::");
    // A class's operator: its call operator ('::crow::DynamicRule::operator()')
    // or another one ('::soci::details::once_temp_type::operator,').
    if (compat::startsWith(Head, "operator") && Head.size() > 8 &&
        !llvm::isAlnum(Head[8]) && Head[8] != '_' && !First &&
        Name.size() == Head.size())
      return llvm::none_of(Head.drop_front(8), [](char C) {
        return llvm::isAlnum(C) || C == '_' || llvm::isSpace(C);
      });
    First = false;
    if (Head.empty() || llvm::isDigit(Head.front()))
      return false;
    for (char C : Head)
      if (!llvm::isAlnum(C) && C != '_')
        return false;
    if (Rest.empty() && Name.size() != Head.size())
      return false; // Trailing "::".
    Name = Rest;
  }
  return true;
}

std::vector<std::string>
invalidQualifiedNames(llvm::ArrayRef<std::string> Items) {
  std::vector<std::string> Invalid;
  for (const std::string &Item : Items)
    if (!isQualifiedName(Item))
      Invalid.push_back(Item);
  return Invalid;
}

std::vector<llvm::StringRef> asRefs(llvm::ArrayRef<std::string> Items) {
  return {Items.begin(), Items.end()};
}

} // namespace clang::tidy::leak
