//===-- Options.h - parsing of list options --------------------*- C++ -*-===//
//
// Check options that hold lists are ';'-separated strings. They are parsed once,
// in the check's constructor, and written back unchanged by storeOptions.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_OPTIONS_H
#define LEAKTIDY_LIB_OPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::leak {

/// Splits a ';'-separated option value into trimmed, non-empty items.
std::vector<std::string> parseList(llvm::StringRef Value);

/// Joins items with ';', the inverse of parseList.
std::string joinList(llvm::ArrayRef<std::string> Items);
std::string joinList(llvm::ArrayRef<llvm::StringRef> Items);

/// Returns the items of \p Items that are not valid qualified names
/// (identifiers separated by '::', optionally starting with '::'; the
/// last one may be 'operator()' after a class name).
std::vector<std::string> invalidQualifiedNames(llvm::ArrayRef<std::string> Items);

/// The items as StringRefs, for matchers such as hasAnyName.
std::vector<llvm::StringRef> asRefs(llvm::ArrayRef<std::string> Items);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_OPTIONS_H
