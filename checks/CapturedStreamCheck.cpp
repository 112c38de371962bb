//===-- CapturedStreamCheck.cpp - leak-captured-stream --------------------===//

#include "CapturedStreamCheck.h"
#include "Catalog.h"
#include "Compat.h"
#include "Context.h"
#include "FixIts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::leak {

namespace {

escape::Knowledge knowledgeWith(const std::vector<std::string> &Sinks,
                                const std::vector<std::string> &Patterns) {
  escape::Knowledge K = escape::Knowledge::fromCatalog();
  K.Sinks = Sinks;
  K.SinkPatterns = Patterns;
  return K;
}

/// The expression below \p E with temporaries, casts, copies and calls of
/// \p PassThrough (std::move, std::ref...) stripped: what a capture's
/// initializer names.
const Expr *underlying(const Expr *E, const NameList &PassThrough) {
  for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
    E = ignoreTemporaries(E)->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Construct->getNumArgs() >= 1 && Ctor &&
          (Ctor->isCopyOrMoveConstructor() || Ctor->isConvertingConstructor(false))) {
        E = Construct->getArg(0);
        continue;
      }
      return E;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Call->getNumArgs() == 1 && PassThrough.contains(*Callee)) {
        E = Call->getArg(0);
        continue;
      }
    }
    return E;
  }
  return E;
}

/// A variable whose storage ends with its function: a local or a by-value
/// parameter (not a reference, not static).
bool isAutomatic(const VarDecl &Var) {
  return Var.hasLocalStorage() && !Var.getType()->isReferenceType();
}

const Decl *functionOf(const VarDecl &Var) {
  const DeclContext *Context = Var.getParentFunctionOrMethod();
  return Context ? Decl::castFromDeclContext(Context) : nullptr;
}

bool containsCallNamed(const Stmt *S, const llvm::StringSet<> &Names) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getIdentifier() && Names.contains(Callee->getName()))
        return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return containsCallNamed(Child, Names);
  });
}

bool declaresOrUsesName(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl()->getIdentifier() && Ref->getDecl()->getName() == Name)
      return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *Named = dyn_cast<NamedDecl>(D))
        if (Named->getIdentifier() && Named->getName() == Name)
          return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return declaresOrUsesName(Child, Name);
  });
}

bool isWithin(SourceLocation Loc, SourceRange Range, const SourceManager &SM) {
  return !SM.isBeforeInTranslationUnit(Loc, Range.getBegin()) &&
         !SM.isBeforeInTranslationUnit(Range.getEnd(), Loc);
}

} // namespace

CapturedStreamCheck::CapturedStreamCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : LeakCheck(Name, Context),
      StreamTypes(readNameList("StreamTypes", catalog::streamTypes())),
      ReferenceStreamTypes(readNameList("ReferenceStreamTypes",
                                        catalog::referenceStreamTypes())),
      EscapingSinks(readNameList("EscapingSinks", catalog::escapingSinks())),
      EscapingSinkPatterns(readRegexList("EscapingSinkPatterns",
                                         catalog::escapingSinkPatterns())),
      PerRequestClasses(
          readNameList("PerRequestClasses", catalog::perRequestClasses())),
      PerRequestMembers(readNameList("PerRequestMembers",
                                     catalog::perRequestMemberTypes())),
      ReportOwningCaptures(readBool("ReportOwningCaptures", true)),
      StreamNames(StreamTypes), ReferenceStreamNames(ReferenceStreamTypes),
      PerRequestClassNames(PerRequestClasses),
      PerRequestMemberNames(PerRequestMembers),
      OwningNames(catalog::owningHandleTypes()),
      ReleaseNames(catalog::streamReleaseFunctions()),
      RequestScopedSinks(catalog::requestScopedSinks()),
      WeakObservableNames(catalog::weakObservableHandleTypes()),
      ReferenceWrapperNames(catalog::referenceWrapperFunctions()),
      PassThroughNames(catalog::callablePassThroughFunctions()),
      Escapes(knowledgeWith(EscapingSinks, EscapingSinkPatterns)) {
  for (llvm::StringRef Method : catalog::selfHandleMethods())
    SelfHandleMethods.insert(Method);
}

const Expr *CapturedStreamCheck::underlying(const Expr *E) const {
  return leak::underlying(E, PassThroughNames);
}

const VarDecl *CapturedStreamCheck::referencedVar(const Expr *E) const {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(underlying(E));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

const Decl *CapturedStreamCheck::rootOf(const Expr *E, unsigned Depth) const {
  if (!E || Depth > 8)
    return nullptr;
  E = underlying(E);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return rootOf(Call->getImplicitObjectArgument(), Depth + 1);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getNumArgs() > 0 &&
                   (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow)
               ? rootOf(Op->getArg(0), Depth + 1)
               : nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref ? rootOf(Unary->getSubExpr(), Depth + 1)
                                          : nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  return nullptr;
}

void CapturedStreamCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  const auto InUserCode = unless(isExpansionInSystemHeader());
  // Rooted at lambdas and calls, not at every expression: with majors that
  // traverse system headers, a matcher is tried on each node of its kind.
  Finder->addMatcher(lambdaExpr(InUserCode).bind("callable"), this);
  Finder->addMatcher(
      callExpr(InUserCode,
               callee(functionDecl(hasAnyName(catalog::bindFunctions()))))
          .bind("callable"),
      this);
}

bool CapturedStreamCheck::isStream(QualType Type) const {
  return isTypeNamed(Type, StreamNames, true);
}

bool CapturedStreamCheck::isReferenceOnlyStream(QualType Type) const {
  return isTypeNamed(Type, ReferenceStreamNames, true);
}

QualType CapturedStreamCheck::ownedStream(QualType Handle) const {
  if (!isTypeNamed(Handle, OwningNames, false))
    return {};
  const QualType Element = firstTemplateArgument(Handle);
  return !Element.isNull() && isStream(Element) ? Element : QualType();
}

void CapturedStreamCheck::byReference(const VarDecl &Var, SourceLocation Loc,
                                      std::vector<Capture> &Out) const {
  if (!isAutomatic(Var))
    return;
  const QualType Type = Var.getType();
  Capture C{CaptureKind::Reference, &Var, nullptr, Type, Loc};
  if (isStream(Type) || isReferenceOnlyStream(Type)) {
    Out.push_back(C);
  } else if (Type->isPointerType() && isStream(Type->getPointeeType())) {
    C.StreamType = Type->getPointeeType();
    Out.push_back(C);
  } else if (const QualType Owned = ownedStream(Type); !Owned.isNull()) {
    C.StreamType = Owned;
    Out.push_back(C);
  }
}

const CallExpr *CapturedStreamCheck::releaseOf(const VarDecl &Handle,
                                               SourceLocation After,
                                               SourceRange Except,
                                               const SourceManager *SM) const {
  const auto *Function = dyn_cast_or_null<FunctionDecl>(functionOf(Handle));
  if (!Function || !Function->getBody())
    return nullptr;
  const CallExpr *Found = nullptr;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Found)
      return;
    // After the hand-off, a release inside another lambda (a completion or
    // release callback given along with the stream) runs when that lambda
    // does, not when the function goes on.
    if (SM && isa<LambdaExpr>(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Call->getNumArgs() >= 1 && ReleaseNames.contains(*Callee) &&
            referencedVar(Call->getArg(0)) == &Handle &&
            (!SM || (SM->isBeforeInTranslationUnit(After, Call->getBeginLoc()) &&
                     !isWithin(Call->getBeginLoc(), Except, *SM)))) {
          Found = Call;
          return;
        }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Function->getBody());
  return Found;
}

void CapturedStreamCheck::byCopy(const VarDecl &Var, const VarDecl &Handle,
                                 SourceLocation Loc,
                                 const LambdaCapture *Explicit,
                                 std::vector<Capture> &Out) const {
  const QualType Type = Var.getType();
  if (Type->isReferenceType() || !Var.hasLocalStorage())
    return;
  if (Type->isPointerType()) {
    const QualType Pointee = Type->getPointeeType();
    const bool Stream = isStream(Pointee);
    if (!Stream && !isReferenceOnlyStream(Pointee))
      return;
    Capture C{CaptureKind::Pointer, &Var, &Var, Pointee, Loc};
    if (Stream && isa<ParmVarDecl>(Var)) {
      Out.push_back(C); // Borrowed for the duration of the call.
      return;
    }
    if (const auto *Address = dyn_cast_or_null<UnaryOperator>(underlying(Var.getInit())))
      if (Address->getOpcode() == UO_AddrOf)
        if (const VarDecl *Target = referencedVar(Address->getSubExpr()))
          if (isAutomatic(*Target)) {
            C.Stream = Target;
            Out.push_back(C);
            return;
          }
    C.Release = Stream ? releaseOf(Var, {}, {}, nullptr) : nullptr;
    if (C.Release)
      Out.push_back(C);
    return;
  }
  if (const QualType Owned = ownedStream(Type); !Owned.isNull()) {
    Capture C{CaptureKind::Owning, &Handle, &Var, Owned, Loc};
    C.Explicit = Explicit;
    Out.push_back(C);
  }
}

void CapturedStreamCheck::throughThis(const Stmt *Body,
                                      std::vector<Capture> &Out) const {
  if (!Body)
    return;
  if (const auto *Member = dyn_cast<MemberExpr>(Body)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (Field && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
      const QualType Type = Field->getType();
      if (isStream(Type))
        Out.push_back({CaptureKind::This, Field, nullptr, Type,
                       Member->getMemberLoc()});
      else if (const QualType Owned = ownedStream(Type); !Owned.isNull())
        Out.push_back({CaptureKind::This, Field, nullptr, Owned,
                       Member->getMemberLoc()});
    }
  }
  for (const Stmt *Child : Body->children())
    throughThis(Child, Out);
}

void CapturedStreamCheck::collectLambda(const LambdaExpr &Lambda,
                                        std::vector<Capture> &Out) const {
  for (const LambdaCapture &LC : Lambda.captures()) {
    if (LC.capturesThis()) {
      if (LC.getCaptureKind() == LCK_This)
        throughThis(Lambda.getBody(), Out);
      continue;
    }
    if (!LC.capturesVariable())
      continue;
    const auto *Var = dyn_cast<VarDecl>(LC.getCapturedVar());
    if (!Var)
      continue;
    const SourceLocation Loc = LC.getLocation();
    if (!Var->isInitCapture()) {
      if (LC.getCaptureKind() == LCK_ByRef)
        byReference(*Var, Loc, Out);
      else
        byCopy(*Var, *Var, Loc, LC.isImplicit() ? nullptr : &LC, Out);
      continue;
    }
    // Init-captures: [&r = s], [p = &s], [h = std::move(handle)].
    const Expr *Init = underlying(Var->getInit());
    if (Var->getType()->isReferenceType()) {
      if (const VarDecl *Source = referencedVar(Init))
        byReference(*Source, Loc, Out);
      continue;
    }
    if (const auto *Address = dyn_cast_or_null<UnaryOperator>(Init)) {
      byAddress(*Address, Loc, Out);
      continue;
    }
    if (const VarDecl *Source = referencedVar(Init))
      byCopy(*Source, *Var, Loc, nullptr, Out);
  }
}

void CapturedStreamCheck::byAddress(const UnaryOperator &Address,
                                    SourceLocation Loc,
                                    std::vector<Capture> &Out) const {
  const VarDecl *Target = Address.getOpcode() == UO_AddrOf
                              ? referencedVar(Address.getSubExpr())
                              : nullptr;
  if (Target && isAutomatic(*Target) &&
      (isStream(Target->getType()) || isReferenceOnlyStream(Target->getType())))
    Out.push_back(
        {CaptureKind::Pointer, Target, nullptr, Target->getType(), Loc});
}

void CapturedStreamCheck::collectBind(const CallExpr &Bind,
                                      std::vector<Capture> &Out) const {
  for (unsigned I = 1; I < Bind.getNumArgs(); ++I) {
    const Expr *Arg = ignoreTemporaries(Bind.getArg(I))->IgnoreParenImpCasts();
    const SourceLocation Loc = Arg->getBeginLoc();
    if (const auto *Call = dyn_cast<CallExpr>(Arg)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && ReferenceWrapperNames.contains(*Callee) &&
          Call->getNumArgs() == 1)
        if (const VarDecl *Var = referencedVar(Call->getArg(0)))
          byReference(*Var, Loc, Out);
      continue;
    }
    if (const auto *Address = dyn_cast<UnaryOperator>(Arg)) {
      byAddress(*Address, Loc, Out);
      continue;
    }
    if (const VarDecl *Var = referencedVar(Arg))
      byCopy(*Var, *Var, Loc, nullptr, Out);
  }
}

bool CapturedStreamCheck::keepsObjectAlive(const LambdaExpr &Lambda,
                                           const CXXRecordDecl &Class) const {
  for (const LambdaCapture &LC : Lambda.captures()) {
    if (!LC.capturesVariable())
      continue;
    const auto *Var = dyn_cast<VarDecl>(LC.getCapturedVar());
    if (!Var)
      continue;
    if (Var->isInitCapture() && containsCallNamed(Var->getInit(), SelfHandleMethods))
      return true;
    // A shared or weak handle to an object of the class: the usual 'self'
    // that keeps the object alive, or checks that it is.
    const auto *Pointee = dyn_cast_or_null<CXXRecordDecl>(recordOf(
        firstTemplateArgument(Var->getType().getNonReferenceType())));
    if (!Pointee || !Pointee->hasDefinition() || !Class.hasDefinition())
      continue;
    if (Pointee->getCanonicalDecl() == Class.getCanonicalDecl() ||
        Pointee->isDerivedFrom(&Class) || Class.isDerivedFrom(Pointee))
      return true;
  }
  return false;
}

bool CapturedStreamCheck::keepsOtherOwner(const Capture &C,
                                          const escape::Result &Escape,
                                          const Expr &Callable,
                                          const SourceManager &SM) const {
  const VarDecl *Handle = dyn_cast<VarDecl>(C.Stream);
  if (!Handle)
    return false;
  if (Handle->isInitCapture()) {
    // [H = Other]: Other stays with the request unless it is moved.
    const Expr *Init = ignoreTemporaries(Handle->getInit())->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
      if (Construct->getNumArgs() == 1 && Construct->getConstructor() &&
          Construct->getConstructor()->isMoveConstructor())
        return false;
    Handle = referencedVar(Init);
    if (!Handle)
      return false;
  }
  const auto *Function = dyn_cast_or_null<FunctionDecl>(functionOf(*Handle));
  if (!Function || !Function->getBody())
    return false;
  const SourceLocation After = Escape.SinkCall ? Escape.SinkCall->getEndLoc()
                                               : Escape.site();
  bool Used = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Used)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (Ref->getDecl() == Handle &&
          SM.isBeforeInTranslationUnit(After, Ref->getBeginLoc()) &&
          !isWithin(Ref->getBeginLoc(), Callable.getSourceRange(), SM))
        Used = true;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Function->getBody());
  return Used;
}

bool CapturedStreamCheck::isPerRequest(const CXXRecordDecl &Class) const {
  if (!Class.hasDefinition())
    return false;
  const CXXRecordDecl &Definition = *Class.getDefinition();
  if (isRecordNamed(Definition, PerRequestClassNames, true))
    return true;
  for (const FieldDecl *Field : Definition.fields()) {
    QualType Type = Field->getType();
    if (const QualType Owned = firstTemplateArgument(Type);
        !Owned.isNull() && isTypeNamed(Type, OwningNames, false))
      Type = Owned;
    if (isTypeNamed(Type, PerRequestMemberNames, true))
      return true;
  }
  return false;
}

void CapturedStreamCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Callable = Result.Nodes.getNodeAs<Expr>("callable");
  const SourceManager &SM = *Result.SourceManager;
  if (!Callable || isInMacroBody(Callable->getBeginLoc(), SM))
    return;
  std::vector<Capture> Captures;
  const auto *Lambda = dyn_cast<LambdaExpr>(Callable);
  if (Lambda)
    collectLambda(*Lambda, Captures);
  else
    collectBind(*cast<CallExpr>(Callable), Captures);
  if (Captures.empty())
    return;

  const escape::Result Escape = Escapes.analyze(
      *Callable, *Result.Context, Lambda ? "lambda" : "callable");
  if (!Escape.escapes())
    return;
  llvm::SmallPtrSet<const NamedDecl *, 4> Reported;
  for (const Capture &C : Captures)
    if (Reported.insert(C.Stream).second)
      report(C, Escape, *Callable, *Result.Context);
}

static std::string safePattern(CapturedStreamCheck::CaptureKind Kind,
                               const escape::Result &Escape) {
  using CaptureKind = CapturedStreamCheck::CaptureKind;
  if (Kind == CaptureKind::This)
    return "safe pattern: capture 'weak_from_this()' and return early when "
           "'lock()' fails, or cancel the work before the object is destroyed";
  if (Escape.OnThread)
    return "safe pattern: keep the thread and join it before the stream goes "
           "out of scope, or read the stream to completion first";
  switch (Escape.Way) {
  case escape::Route::DetachedThread:
    return "safe pattern: keep the thread and join it before the stream goes "
           "out of scope, or read the stream to completion first";
  case escape::Route::UnjoinedTask:
    return "safe pattern: wait for the task before the stream goes out of "
           "scope, or read the stream to completion first";
  case escape::Route::Returned:
    return "safe pattern: return the data read from the stream, or move the "
           "stream into the lambda";
  case escape::Route::StoredInMember:
  case escape::Route::StoredInObject:
  case escape::Route::StoredInGlobal:
  case escape::Route::StoredInStatic:
    return "safe pattern: store a callable that owns what it needs (copies, "
           "or a 'std::weak_ptr' it locks) and remove it when the request ends";
  default:
    return "safe pattern: read the stream to completion inside the request, "
           "or bind the lambda to a cancellation token the request cancels "
           "before the stream goes away";
  }
}

void CapturedStreamCheck::report(const Capture &C,
                                 const escape::Result &Escape,
                                 const Expr &Callable, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *Lambda = dyn_cast<LambdaExpr>(&Callable);
  const escape::Route Way = Escape.Way;
  const bool RequestScoped =
      Escape.Sink && RequestScopedSinks.contains(*Escape.Sink);
  const auto *StreamVar = dyn_cast<VarDecl>(C.Stream);
  const CallExpr *Release = nullptr;

  switch (C.Kind) {
  case CaptureKind::This:
    // Stored in the object itself, the lambda dies with the stream.
    if (Way == escape::Route::StoredInMember || Way == escape::Route::Returned ||
        RequestScoped || !Lambda)
      return;
    if (const auto *Class = dyn_cast<CXXRecordDecl>(C.Stream->getDeclContext());
        !Class || !isPerRequest(*Class) || keepsObjectAlive(*Lambda, *Class))
      return;
    break;
  case CaptureKind::Owning:
    if (!ReportOwningCaptures || Way == escape::Route::Returned || RequestScoped)
      return;
    // A one-shot handler that receives the only handle owns the stream by
    // design (it ends with the operation): reported only when the request
    // keeps another owner, so that the handler extends the stream past it.
    if (Way == escape::Route::HandedToSink && !Escape.OnThread &&
        !keepsOtherOwner(C, Escape, Callable, SM))
      return;
    break;
  case CaptureKind::Reference:
    if (Way == escape::Route::Returned &&
        (!StreamVar || functionOf(*StreamVar) != Escape.ReturnedFrom))
      return;
    break;
  case CaptureKind::Pointer:
    if (Way == escape::Route::Returned &&
        (!StreamVar || StreamVar == C.Handle ||
         functionOf(*StreamVar) != Escape.ReturnedFrom))
      return;
    if (C.Release) {
      // Released by the function after the hand-off, not by the lambda.
      Release = releaseOf(*C.Handle, Escape.site(), Callable.getSourceRange(), &SM);
      if (!Release)
        return;
    }
    break;
  }
  // The handler of an operation started on the stream itself, or that acts
  // on it (async_read(*Socket, ...), async_accept(*Socket, ...)): the
  // stream's own I/O keeps it, and closing the stream ends it.
  auto IsTheStream = [&](const Expr *E) {
    const Decl *Root = rootOf(E);
    return Root && (Root == C.Stream || (C.Handle && Root == C.Handle));
  };
  if (IsTheStream(Escape.SinkTarget))
    return;
  if (Escape.SinkCall)
    for (const Expr *Arg : Escape.SinkCall->arguments())
      if (!isWithin(Callable.getBeginLoc(), Arg->getSourceRange(), SM) &&
          IsTheStream(Arg))
        return;

  const std::string Noun = Lambda ? "lambda" : "callable";
  const std::string TypeName =
      compat::typeAsWritten(C.StreamType.getUnqualifiedType(),
                            Ctx.getPrintingPolicy());
  const std::string Name = C.Stream->getNameAsString();
  const VarDecl *Owner = StreamVar ? StreamVar : C.Handle;
  const std::string Function =
      escape::describeFunction(Owner ? functionOf(*Owner) : nullptr);
  const SourceLocation Loc = SM.getFileLoc(C.Loc);

  std::vector<FixItHint> Fixes;
  if (C.Kind == CaptureKind::Owning && Lambda && C.Explicit)
    Fixes = weakCaptureFix(C, *Lambda, Ctx);

  {
    auto Diag = [&]() {
      switch (C.Kind) {
      case CaptureKind::Reference:
        return diag(Loc, "stream '%0' ('%1') is captured by reference in a %2 "
                         "that %3: the reference dangles once %4 returns; "
                         "finish with the stream inside %4 or keep the %2 from "
                         "outliving it");
      case CaptureKind::Pointer:
        if (Release)
          return diag(Loc, "stream '%0' ('%1') is captured by pointer in a %2 "
                           "that %3: the pointer dangles once %4 releases it; "
                           "finish with the stream before releasing it, or let "
                           "the %2 release it");
        return diag(Loc, "stream '%0' ('%1') is captured by pointer in a %2 "
                         "that %3: the pointer dangles once %4 returns; finish "
                         "with the stream inside %4 or keep the %2 from "
                         "outliving it");
      case CaptureKind::This:
        return diag(Loc, "stream member '%0' ('%1') is used through 'this' in "
                         "a %2 that %3: the reference dangles once the object "
                         "is destroyed; cancel the %2 first or capture a weak "
                         "handle to the object");
      case CaptureKind::Owning:
        break;
      }
      return diag(Loc, "stream '%0' ('%1') is kept alive by an owning capture "
                       "in a %2 that %3: its lifetime extends past the request "
                       "with its cursor, buffers and connection; capture a "
                       "'std::weak_ptr' and lock it, or finish with the stream "
                       "inside %4");
    }();
    Diag << Name << TypeName << Noun << Escape.Summary << Function;
    for (const FixItHint &Fix : Fixes)
      Diag << Fix;
  }
  for (const escape::Step &Step : Escape.Steps)
    diag(SM.getFileLoc(Step.Loc), Step.Message, DiagnosticIDs::Note);
  if (Release)
    diag(SM.getFileLoc(Release->getBeginLoc()),
         "'%0' is released here while the %1 can still use it",
         DiagnosticIDs::Note)
        << C.Handle->getName() << Noun;
  if (Fixes.empty()) {
    if (C.Kind == CaptureKind::Owning)
      diag(Loc,
           "safe pattern: capture 'weak_%0 = std::weak_ptr(%0)' and start "
           "the lambda with 'auto %0 = weak_%0.lock(); if (!%0) return;'",
           DiagnosticIDs::Note)
          << C.Handle->getName();
    else
      diag(Loc, safePattern(C.Kind, Escape), DiagnosticIDs::Note);
  }
}

std::vector<FixItHint>
CapturedStreamCheck::weakCaptureFix(const Capture &C, const LambdaExpr &Lambda,
                                    ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const VarDecl *Handle = C.Handle;
  if (!Ctx.getLangOpts().CPlusPlus17 || !Handle || !C.Explicit ||
      C.Explicit->getCaptureKind() != LCK_ByCopy || Lambda.isGenericLambda())
    return {};
  // Only 'std::shared_ptr' converts to 'std::weak_ptr'.
  if (!isTypeNamed(Handle->getType(), WeakObservableNames, false))
    return {};
  const CXXMethodDecl *Operator = Lambda.getCallOperator();
  if (!Operator || !Operator->getReturnType()->isVoidType() ||
      !Operator->getBody() || isa<CoroutineBodyStmt>(Operator->getBody()))
    return {};
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Lambda.getBody());
  if (!Body || Body->body_empty())
    return {};
  const std::string Name = Handle->getNameAsString();
  const std::string Weak = "weak_" + Name;
  const auto *Function = dyn_cast_or_null<FunctionDecl>(functionOf(*Handle));
  if (declaresOrUsesName(Body, Weak) ||
      (Function && declaresOrUsesName(Function->getBody(), Weak)))
    return {};
  const Stmt *First = Body->body_front();
  const std::string Indent = fixits::indentationAt(First->getBeginLoc(), SM);
  std::optional<FixItHint> Guard = fixits::insertLineBefore(
      *First,
      "auto " + Name + " = " + Weak + ".lock();\n" + Indent + "if (!" + Name +
          ")\n" + Indent + "  return;",
      SM);
  std::optional<FixItHint> Capture = fixits::replaceRange(
      SourceRange(C.Explicit->getLocation()),
      Weak + " = std::weak_ptr(" + Name + ")", SM);
  if (!Guard || !Capture)
    return {};
  return {*Capture, *Guard};
}

} // namespace clang::tidy::leak
