//===-- HandlerReasons.cpp - why a function or loop is a root -------------===//

#include "HandlerReasons.h"
#include "HandlerExprs.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak::handlers {

namespace {

/// Longest source excerpt quoted in a note.
constexpr unsigned MaxQuotedLength = 40;

/// The source text of \p E, shortened for a note.
std::string excerpt(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(
      SM.getFileLoc(E.getBeginLoc()), SM.getFileLoc(E.getEndLoc()));
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty() || Text.contains('\n'))
    return "its range";
  if (Text.size() > MaxQuotedLength)
    return "'" + Text.take_front(MaxQuotedLength - 3).str() + "...'";
  return "'" + Text.str() + "'";
}

/// Finds, in \p S but not in nested lambdas or loops, a call to a function
/// named in \p Names.
const CallExpr *findCallTo(const Stmt *S, const NameList &Names,
                           bool IntoLoops) {
  if (!S)
    return nullptr;
  if (isa<LambdaExpr>(S))
    return nullptr;
  if (!IntoLoops && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Names.contains(*Callee))
        return Call;
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = findCallTo(Child, Names, IntoLoops))
      return Found;
  return nullptr;
}

/// Finds, in loop condition \p S, a call to a container-bounding member
/// ('Items.size()', 'It != Map.end()', '!Queue.empty()'); returns the
/// container expression.
const Expr *findContainerBound(const Stmt *S,
                               const llvm::StringSet<> &Methods) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        Methods.contains(Method->getName()))
      return Call->getImplicitObjectArgument();
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    // 'std::size(Items)', 'std::end(Items)'.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Call->getNumArgs() == 1 &&
        !isa<CXXOperatorCallExpr>(Call) &&
        Methods.contains(Callee->getName()) && Callee->isInStdNamespace())
      return Call->getArg(0);
  }
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findContainerBound(Child, Methods))
      return Found;
  return nullptr;
}

} // namespace

std::string quoted(const NamedDecl &D) { return "'" + qualifiedName(D) + "'"; }

std::string describeFunction(const FunctionDecl &F) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return quoted(F);
}

std::optional<Reason> overrideReason(const CXXMethodDecl &Method,
                                     const NameList &BaseClasses) {
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) || BaseClasses.empty())
    return std::nullopt;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(
      Method.overridden_methods().begin(), Method.overridden_methods().end());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Overridden = Work.pop_back_val();
    if (!Seen.insert(Overridden).second)
      continue;
    llvm::StringRef Entry;
    if (const CXXRecordDecl *Base =
            findSelfOrBase(*Overridden->getParent(), BaseClasses, &Entry)) {
      Reason R;
      R.Kind = RootKind::Override;
      R.Loc = Method.getLocation();
      R.Function = &Method;
      R.Note = quoted(Method) + " is a request handler: it overrides " +
               quoted(*Overridden) + " of " + quoted(*Base) +
               ", which the framework calls for every request";
      return R;
    }
    Work.append(Overridden->overridden_methods().begin(),
                Overridden->overridden_methods().end());
  }
  return std::nullopt;
}

std::optional<Reason> perCallReason(const CXXMethodDecl &Method,
                                    const NameList &PerCallTypes) {
  // The constructor runs once per call too: each call creates an object.
  if (isa<CXXDestructorDecl>(Method) || Method.isStatic() ||
      PerCallTypes.empty())
    return std::nullopt;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Method);
      Ctor && Ctor->isCopyOrMoveConstructor())
    return std::nullopt;
  const CXXRecordDecl *Class = Method.getParent()->getDefinition();
  if (!Class || Class->isLambda() || PerCallTypes.contains(*Class))
    return std::nullopt;
  Reason R;
  R.Kind = RootKind::PerCallObject;
  R.Function = &Method;
  for (const CXXBaseSpecifier &BaseSpec : Class->bases()) {
    const CXXRecordDecl *BaseRecord = BaseSpec.getType()->getAsCXXRecordDecl();
    if (!BaseRecord)
      continue;
    if (const CXXRecordDecl *Found =
            findSelfOrBase(*BaseRecord, PerCallTypes)) {
      R.Loc = BaseSpec.getBeginLoc();
      R.Note = quoted(Method) + " runs for every request: " + quoted(*Class) +
               " derives from " + quoted(*Found) +
               ", and one object is created per call";
      return R;
    }
  }
  for (const FieldDecl *Field : Class->fields()) {
    const CXXRecordDecl *FieldClass = Field->getType()->getAsCXXRecordDecl();
    if (!FieldClass)
      continue; // Pointers and references may outlive one call.
    if (const CXXRecordDecl *Found =
            findSelfOrBase(*FieldClass, PerCallTypes)) {
      R.Loc = Field->getLocation();
      R.Note = quoted(Method) + " runs for every request: " + quoted(*Class) +
               " holds the per-call " + quoted(*Found) + " '" +
               Field->getName().str() + "', so one object exists per call";
      return R;
    }
  }
  return std::nullopt;
}

/// The class an object of type \p Type is, looking through references,
/// pointers and smart pointers ('const HttpRequestPtr &').
static const CXXRecordDecl *pointeeClass(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (const auto *Smart =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
      Smart && Smart->isInStdNamespace() && Smart->getIdentifier() &&
      (Smart->getName() == "shared_ptr" || Smart->getName() == "unique_ptr") &&
      Smart->getTemplateArgs().size() > 0 &&
      Smart->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    return Smart->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Record;
}

/// A call in \p S (lambdas included) of a method of \p Methods on \p Param.
static const CXXMemberCallExpr *
findReplyTo(const Stmt *S, const ParmVarDecl &Param, const NameList &Methods) {
  if (!S)
    return nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const auto *Object = dyn_cast_or_null<DeclRefExpr>(
        Call->getImplicitObjectArgument()
            ? Call->getImplicitObjectArgument()->IgnoreParenImpCasts()
            : nullptr);
    if (Method && Object && Object->getDecl() == &Param &&
        Methods.match(*Method))
      return Call;
  }
  for (const Stmt *Child : S->children())
    if (const CXXMemberCallExpr *Found = findReplyTo(Child, Param, Methods))
      return Found;
  return nullptr;
}

std::optional<Reason> requestParameterReason(const FunctionDecl &F,
                                             const NameList &RequestTypes,
                                             const NameList &ReplyMethods) {
  if ((RequestTypes.empty() && ReplyMethods.empty()) ||
      isa<CXXConstructorDecl, CXXDestructorDecl>(F))
    return std::nullopt;
  const auto Handler = [&](const ParmVarDecl &Param, std::string Why) {
    Reason R;
    R.Kind = RootKind::RequestParameter;
    R.Loc = Param.getLocation();
    R.Function = &F;
    R.Note = describeFunction(F) + " is a request handler: " + std::move(Why);
    return R;
  };
  const auto Named = [](const ParmVarDecl &Param) {
    return Param.getIdentifier() ? "'" + Param.getName().str() + "' "
                                 : std::string();
  };
  for (const ParmVarDecl *Param : F.parameters()) {
    const CXXRecordDecl *Class = pointeeClass(Param->getType());
    if (!Class)
      continue;
    if (findSelfOrBase(*Class, RequestTypes))
      return Handler(*Param, "its parameter " + Named(*Param) + "is a " +
                                 quoted(*Class) +
                                 ", which exists only while a request is "
                                 "served");
    // Clients build objects of some request types too; replying to one
    // means it was received.
    if (const CXXMemberCallExpr *Reply =
            ReplyMethods.empty()
                ? nullptr
                : findReplyTo(F.getBody(), *Param, ReplyMethods))
      return Handler(*Param, "it replies to its parameter " + Named(*Param) +
                                 "with " + quoted(*Reply->getMethodDecl()) +
                                 ", so it runs once for each request "
                                 "received");
  }
  return std::nullopt;
}

std::optional<Reason> loopReason(const Stmt &Loop, const FunctionDecl *F,
                                 ASTContext &Ctx, const NameList &MessageReads,
                                 const llvm::StringSet<> &BoundMethods) {
  Reason R;
  R.Loop = &Loop;
  R.Function = F;
  R.Loc = Loop.getBeginLoc();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    const Expr *Init = Range->getRangeInit();
    if (!Init)
      return std::nullopt;
    const Expr *Stripped = stripWrappers(Init);
    // A braced list or an array of fixed size: as many iterations as the
    // code spells out, not one per item of some input.
    if (isa<InitListExpr>(Stripped) ||
        Stripped->getType()->isConstantArrayType())
      return std::nullopt;
    if (const CXXRecordDecl *Record = Stripped->getType()->getAsCXXRecordDecl();
        Record && Record->isInStdNamespace() && Record->getIdentifier() &&
        (Record->getName() == "initializer_list" ||
         Record->getName() == "array"))
      return std::nullopt;
    R.Kind = RootKind::ItemLoop;
    R.Note = "the loop runs once per item of " + excerpt(*Init, Ctx);
    return R;
  }
  const Stmt *Cond = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  } else {
    return std::nullopt;
  }
  const CallExpr *Read = findCallTo(Cond, MessageReads, /*IntoLoops=*/false);
  if (!Read)
    Read = findCallTo(Body, MessageReads, /*IntoLoops=*/false);
  if (Read) {
    R.Kind = RootKind::MessageLoop;
    R.Note = "the loop reads one message per iteration with '" +
             qualifiedName(*Read->getDirectCallee()) + "'";
    return R;
  }
  if (const Expr *Container = findContainerBound(Cond, BoundMethods)) {
    R.Kind = RootKind::ItemLoop;
    R.Note = "the loop runs once per item of " + excerpt(*Container, Ctx);
    return R;
  }
  return std::nullopt;
}

} // namespace clang::tidy::leak::handlers
