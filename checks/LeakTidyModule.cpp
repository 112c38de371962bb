//===-- LeakTidyModule.cpp - the leak module for clang-tidy ---------------===//

#include "CapturedStreamCheck.h"
#include "Compat.h"
#include "DetachedTaskCheck.h"
#include "PerRequestClientCheck.h"
#include "UnawaitedFutureCheck.h"
#include "UnboundedPaginationCheck.h"
#include "UnboundedSharedContainerCheck.h"
#include "UnreleasedHandleCheck.h"

namespace clang::tidy {
namespace leak {

/// Registers every leak-* check.
class LeakTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CapturedStreamCheck>("leak-captured-stream");
    Factories.registerCheck<DetachedTaskCheck>("leak-detached-task");
    Factories.registerCheck<PerRequestClientCheck>("leak-per-request-client");
    Factories.registerCheck<UnawaitedFutureCheck>("leak-unawaited-future");
    Factories.registerCheck<UnboundedPaginationCheck>(
        "leak-unbounded-pagination");
    Factories.registerCheck<UnboundedSharedContainerCheck>(
        "leak-unbounded-shared-container");
    Factories.registerCheck<UnreleasedHandleCheck>("leak-unreleased-handle");
  }
};

} // namespace leak

// Registers the module; the check names carry the prefix 'leak-'. Modules
// can only register through a static object.
// NOLINTBEGIN(bugprone-throwing-static-initialization)
static ClangTidyModuleRegistry::Add<leak::LeakTidyModule>
    LeakModuleRegistration("leak-module", "Checks for leaked tasks, streams, "
                                          "pages and clients.");
// NOLINTEND(bugprone-throwing-static-initialization)

// Referenced by the standalone binaries so that the linker keeps this object
// and its registration even when it comes from a static archive.
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
volatile int LeakTidyModuleAnchorSource = 0;

} // namespace clang::tidy
