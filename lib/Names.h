//===-- Names.h - matching declarations against configured names -*- C++
//-*-===//
//
// Options name library entities the way AST matchers' hasAnyName does
// ('::ns::Class::method' is a full name, 'Class::method' a suffix). Analyses
// that work on declarations rather than matchers use these to ask the same
// question, and regular-expression options match the same qualified name.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_NAMES_H
#define LEAKTIDY_LIB_NAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// The qualified name of \p D without template arguments and without inline
/// namespaces ('std::vector::push_back', 'grpc::ServerReader::Read').
std::string qualifiedName(const NamedDecl &D);

/// A list of names with hasAnyName semantics: an entry starting with '::' must
/// equal the whole qualified name, any other entry must end it at a '::'.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::ArrayRef<std::string> Names);

  /// The entry that names \p D, if any.
  std::optional<llvm::StringRef> match(const NamedDecl &D) const;
  /// The entry that names the qualified name \p Name, if any.
  std::optional<llvm::StringRef> matchName(llvm::StringRef Name) const;
  bool contains(const NamedDecl &D) const { return match(D).has_value(); }
  bool empty() const { return Names.empty(); }

private:
  std::vector<std::string> Names;
};

/// A list of regular expressions searched in qualified names.
class RegexList {
public:
  RegexList() = default;
  explicit RegexList(llvm::ArrayRef<std::string> Patterns);

  /// The pattern that matches the qualified name of \p D, if any.
  std::optional<llvm::StringRef> match(const NamedDecl &D) const;
  /// The pattern that matches \p Text, if any.
  std::optional<llvm::StringRef> matchText(llvm::StringRef Text) const;
  bool empty() const { return Patterns.empty(); }

private:
  std::vector<std::string> Patterns;
  std::vector<std::shared_ptr<llvm::Regex>> Compiled;
};

/// The class, among \p Record and its (transitive) bases, whose name is in
/// \p Names; nullptr when there is none. \p MatchedEntry receives the entry.
const CXXRecordDecl *findSelfOrBase(const CXXRecordDecl &Record,
                                    const NameList &Names,
                                    llvm::StringRef *MatchedEntry = nullptr);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_NAMES_H
