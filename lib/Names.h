//===-- Names.h - declarations and types by qualified name -----*- C++ -*-===//
//
// The catalog names library entities by qualified name ('::asio::post',
// '::std::thread'). These helpers compute the same spelling for a declaration
// (no template arguments, no inline or anonymous namespaces) and answer "is
// this type one of these names?" outside of AST matchers.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_NAMES_H
#define LEAKTIDY_LIB_NAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::leak::names {

/// The qualified name of \p D as the catalog writes it, without the leading
/// '::': 'asio::basic_waitable_timer::async_wait'.
std::string qualifiedName(const NamedDecl &D);

/// A set of qualified names; entries may start with '::' or not.
class NameSet {
public:
  NameSet() = default;
  explicit NameSet(llvm::ArrayRef<std::string> Names);
  explicit NameSet(llvm::ArrayRef<llvm::StringRef> Names);

  bool contains(const NamedDecl &D) const;
  bool containsName(llvm::StringRef QualifiedName) const;
  bool empty() const { return Names.empty(); }

private:
  void add(llvm::StringRef Name);
  llvm::StringSet<> Names;
};

/// The class, struct or union \p T denotes after sugar and qualifiers, or null.
const RecordDecl *recordOf(QualType T);

/// True when \p Record is named in \p Names (a specialization by its
/// template's name), or with \p IncludeBases derives from a named class.
bool isRecordNamed(const RecordDecl &Record, const NameSet &Names,
                   bool IncludeBases);

/// True when \p T, after sugar and qualifiers, is a class named in \p Names
/// (a specialization matches by its template's name), or is written with a
/// typedef named in \p Names; with \p IncludeBases, a class derived from a
/// named class matches too.
bool isTypeNamed(QualType T, const NameSet &Names, bool IncludeBases);

/// The first template argument of the class template specialization \p T
/// denotes (the element type of a smart pointer), or a null type.
QualType firstTemplateArgument(QualType T);

} // namespace clang::tidy::leak::names

#endif // LEAKTIDY_LIB_NAMES_H
