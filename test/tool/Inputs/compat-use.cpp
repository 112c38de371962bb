// Uses every shim of lib/Compat.h, compiled against one major's headers.
#include "Compat.h"

namespace clang::tidy::leak {

std::size_t scopeSize(const ASTContext &Ctx) { return compat::traversalScope(Ctx).size(); }

ast_matchers::StatementMatcher coroutineBodies() {
  using namespace ast_matchers;
  return compat::coroutineBodyStmt(hasDescendant(coreturnStmt())).bind("coroutine-body");
}

} // namespace clang::tidy::leak
