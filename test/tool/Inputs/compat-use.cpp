// Uses every shim of lib/Compat.h, compiled against one major's headers.
#include "Compat.h"

namespace clang::tidy::leak {

std::size_t scopeSize(const ASTContext &Ctx) { return compat::traversalScope(Ctx).size(); }

ast_matchers::StatementMatcher coroutineBodies() {
  using namespace ast_matchers;
  return compat::coroutineBodyStmt(hasDescendant(coreturnStmt())).bind("coroutine-body");
}

bool isStatement(const CFGElement &Element) { return compat::cfgAs<CFGStmt>(Element).has_value(); }

bool isZero(const Expr &E, const ASTContext &Ctx) {
  const std::optional<llvm::APSInt> Value = compat::integerConstant(E, Ctx);
  return Value && *Value == 0;
}

std::string option(const ClangTidyCheck::OptionsView &Options) {
  return compat::optionString(Options, "Name", "default");
}

bool affixes(llvm::StringRef Text) { return compat::startsWith(Text, "a") && compat::endsWith(Text, "z"); }

compat::OptionalTraversalKind noTraversal() { return {}; }

bool skipsSystemHeaders() { return compat::ClangTidySkipsSystemHeaders; }

bool isAbstract(const FunctionDecl &Function) { return compat::isPureVirtual(Function); }

std::string typeName(QualType Type, const ASTContext &Ctx) {
  return compat::typeAsWritten(compat::unwrittenType(Type, Ctx), Ctx.getPrintingPolicy());
}

} // namespace clang::tidy::leak
