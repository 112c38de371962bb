//===-- LeakClangdMain.cpp - clangd with the leak module linked in --------===//
//
// clangd cannot load clang-tidy plugins, so editors get leak-* diagnostics
// from this build of clangd. Enable them in .clangd:
//
//   Diagnostics:
//     ClangTidy:
//       Add: [leak-*]
//       FastCheckFilter: None
//
//===----------------------------------------------------------------------===//

namespace clang {
namespace clangd {
// Defined in libclangdMain; its header is not installed.
int clangdMain(int Argc, char *Argv[]);
} // namespace clangd
namespace tidy {
extern volatile int LeakTidyModuleAnchorSource;
} // namespace tidy
} // namespace clang

int main(int Argc, char *Argv[]) {
  [[maybe_unused]] const int Anchor = clang::tidy::LeakTidyModuleAnchorSource;
  return clang::clangd::clangdMain(Argc, Argv);
}
