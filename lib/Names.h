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
#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// The qualified name of \p D without template arguments and without inline
/// namespaces ('std::vector::push_back', 'grpc::ServerReader::Read'). A
/// function with C language linkage has its global name ('sqlite3_open'),
/// also when a C header was included inside a namespace.
std::string qualifiedName(const NamedDecl &D);

/// A list of names with hasAnyName semantics: an entry starting with '::' must
/// equal the whole qualified name, any other entry must end it at a '::'.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::ArrayRef<std::string> Names);
  explicit NameList(llvm::ArrayRef<llvm::StringRef> Names);

  /// The entry that names \p D, if any.
  std::optional<llvm::StringRef> match(const NamedDecl &D) const;
  /// The entry that names the qualified name \p Name, if any.
  std::optional<llvm::StringRef> matchName(llvm::StringRef Name) const;
  bool contains(const NamedDecl &D) const { return match(D).has_value(); }
  bool empty() const { return Names.empty(); }

private:
  void indexLastComponents();

  std::vector<std::string> Names;
  /// The last component of every entry ('push_back' for
  /// '::std::vector::push_back'): declarations named otherwise are rejected
  /// without computing their qualified name.
  llvm::StringSet<> LastComponents;
};

/// A list of regular expressions searched in qualified names, which are
/// written with and without a leading "::" (see RegexList::match).
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

/// The class, struct or union \p T denotes after sugar and qualifiers, or null.
const RecordDecl *recordOf(QualType T);

/// True when \p Record is named in \p Names (a specialization by its
/// template's name), or with \p IncludeBases derives from a named class.
bool isRecordNamed(const RecordDecl &Record, const NameList &Names,
                   bool IncludeBases);

/// True when \p T, after sugar and qualifiers, is a class named in \p Names
/// (a specialization matches by its template's name), or is written with a
/// typedef named in \p Names; with \p IncludeBases, a class derived from a
/// named class matches too.
bool isTypeNamed(QualType T, const NameList &Names, bool IncludeBases);

/// The first template argument of the class template specialization \p T
/// denotes (the element type of a smart pointer), or a null type.
QualType firstTemplateArgument(QualType T);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_NAMES_H
