//===-- LeakTidyMain.cpp - clang-tidy with the leak module linked in ------===//
//
// leak-tidy accepts every clang-tidy flag. Linking the module in avoids
// --load and its requirement that plugin and clang-tidy share one LLVM major.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

namespace clang::tidy {
// Defined next to the module's registration; referencing it keeps the module.
extern volatile int LeakTidyModuleAnchorSource;
} // namespace clang::tidy

int main(int Argc, const char **Argv) {
  // The read keeps the module object and its static registration linked.
  [[maybe_unused]] const int Anchor = clang::tidy::LeakTidyModuleAnchorSource;
  return clang::tidy::clangTidyMain(Argc, Argv);
}
