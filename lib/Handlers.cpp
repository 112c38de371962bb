//===-- Handlers.cpp - does this code run once per request? ---------------===//

#include "Handlers.h"
#include "Context.h"
#include "Parents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::leak::handlers {

namespace {

/// Longest source excerpt quoted in a note.
constexpr unsigned MaxQuotedLength = 40;
/// Deepest chain of calls followed from a handler to a helper.
constexpr unsigned MaxCallDepth = 6;
/// Deepest wrapping followed to find the callable given to a registration.
constexpr unsigned MaxCallableDepth = 4;

/// Expressions that only wrap another one: parentheses, implicit nodes,
/// temporaries.
const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = ignoreTemporaries(E)->IgnoreImplicit()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The function that identifies \p F in the index: the template pattern of an
/// instantiation, then its first declaration.
const FunctionDecl *normalize(const FunctionDecl *F) {
  if (!F)
    return nullptr;
  if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
    F = Pattern;
  return F->getCanonicalDecl();
}

std::string quoted(const NamedDecl &D) { return "'" + qualifiedName(D) + "'"; }

/// What a note calls function \p F: "the lambda" or its quoted name.
std::string describeFunction(const FunctionDecl &F) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return quoted(F);
}

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

/// The declaration an lvalue expression is rooted at: the variable of
/// 'a.b[i]', '*p' or 'p->x', or the field of 'this->f'.
const ValueDecl *rootDecl(const Expr *E) {
  while (E) {
    E = stripWrappers(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(stripWrappers(Member->getBase())))
        return Member->getMemberDecl();
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E)) {
      const OverloadedOperatorKind Kind = Operator->getOperator();
      if (Operator->getNumArgs() == 0 ||
          (Kind != OO_Subscript && Kind != OO_Star && Kind != OO_Arrow))
        return nullptr;
      E = Operator->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      // 'cache.at(k)', 'slot.get()': an element or view of the object.
      const Expr *Object = Call->getImplicitObjectArgument();
      if (!Object || Call->getType()->isVoidType())
        return nullptr;
      E = Object;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// True when \p S reads one of \p Decls (nested lambdas included).
bool mentionsAny(const Stmt *S,
                 const llvm::DenseSet<const ValueDecl *> &Decls) {
  if (!S || Decls.empty())
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = Ref->getDecl();
    if (Decls.contains(D))
      return true;
    if (const auto *Binding = dyn_cast<BindingDecl>(D))
      if (const ValueDecl *Whole = Binding->getDecomposedDecl())
        return Decls.contains(Whole);
    return false;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (Decls.contains(Member->getMemberDecl()))
      return true;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      if (mentionsAny(Init, Decls))
        return true;
    return mentionsAny(Lambda->getBody(), Decls);
  }
  for (const Stmt *Child : S->children())
    if (mentionsAny(Child, Decls))
      return true;
  return false;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  llvm::DenseSet<const ValueDecl *> One;
  One.insert(D);
  return mentionsAny(S, One);
}

/// True when \p A and \p B are the same expression up to implicit wrappers.
bool isSame(const Stmt *A, const Stmt *B) {
  if (A == B)
    return true;
  const auto *EA = dyn_cast_or_null<Expr>(A);
  const auto *EB = dyn_cast_or_null<Expr>(B);
  return EA && EB && stripWrappers(EA) == stripWrappers(EB);
}

/// True when \p Child of loop \p Loop runs on every iteration.
bool isIterationPart(const Stmt &Loop, const Stmt *Child) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return isSame(For->getBody(), Child) || isSame(For->getCond(), Child) ||
           isSame(For->getInc(), Child);
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return isSame(While->getBody(), Child) || isSame(While->getCond(), Child);
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return isSame(Do->getBody(), Child) || isSame(Do->getCond(), Child);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return isSame(Range->getBody(), Child);
  return false;
}

const Stmt *singleParentStmt(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(S, Ctx);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

/// The expression \p E is an operand of, skipping wrappers around it.
const Stmt *valueParent(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  while (const Stmt *Parent = singleParentStmt(*Current, Ctx)) {
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups>(Parent)) {
      Current = Parent;
      continue;
    }
    return Parent;
  }
  return nullptr;
}

/// True when lambda \p Lambda runs where it is written: called right away
/// ('[&] { ... }()'), or stored in a local variable that is only ever called.
bool isInvokedInPlace(const LambdaExpr &Lambda, ASTContext &Ctx) {
  const Stmt *Parent = valueParent(Lambda, Ctx);
  if (const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
    return Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
           stripWrappers(Call->getArg(0)) == &Lambda;
  // 'auto Step = [&] { ... };' followed by calls 'Step()'.
  const Stmt *Current = &Lambda;
  DynTypedNodeList Parents = parentsOf(Lambda, Ctx);
  while (!Parents.empty() && Parents[0].get<Expr>() &&
         isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups, CXXConstructExpr>(
             Parents[0].get<Expr>())) {
    Current = Parents[0].get<Expr>();
    Parents = parentsOf(*Current, Ctx);
  }
  if (Parents.empty())
    return false;
  const auto *Var = Parents[0].get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || Var->isStaticLocal() ||
      !Var->getInit() || stripWrappers(Var->getInit()) != &Lambda)
    return false;
  const DeclContext *Owner = Var->getParentFunctionOrMethod();
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Owner);
  if (!Function || !Function->getBody())
    return false;
  // Every use of the variable must be a call.
  bool OnlyCalled = true;
  bool Called = false;
  llvm::SmallVector<const Stmt *, 32> Work{Function->getBody()};
  while (!Work.empty() && OnlyCalled) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var) {
      const Stmt *Use = valueParent(*Ref, Ctx);
      const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Use);
      if (Call && Call->getOperator() == OO_Call &&
          stripWrappers(Call->getArg(0)) == Ref)
        Called = true;
      else
        OnlyCalled = false;
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return OnlyCalled && Called;
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

/// Collects the variables that statements in \p S may modify: assigned,
/// incremented, address taken, passed by non-const reference, or the object
/// of a non-const member call.
void collectModified(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out) {
  if (!S)
    return;
  auto Add = [&Out](const Expr *E) {
    if (const ValueDecl *D = rootDecl(E); D && !isa<FieldDecl>(D))
      Out.insert(D);
  };
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->isAssignmentOp())
      Add(Binary->getLHS());
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
      Add(Unary->getSubExpr());
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
    const OverloadedOperatorKind Kind = Operator->getOperator();
    if ((Operator->isAssignmentOp() || Kind == OO_PlusPlus ||
         Kind == OO_MinusMinus) &&
        Operator->getNumArgs() > 0)
      Add(Operator->getArg(0));
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    if (const CXXMethodDecl *Method = Member->getMethodDecl();
        Method && !Method->isConst())
      Add(Member->getImplicitObjectArgument());
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      const unsigned Offset =
          isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
        if (I - Offset >= Callee->getNumParams())
          break;
        QualType Type = Callee->getParamDecl(I - Offset)->getType();
        if (Type->isReferenceType() &&
            !Type.getNonReferenceType().isConstQualified())
          Add(Call->getArg(I));
      }
    }
  }
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    collectModified(Child, Out);
}

/// Variables declared in \p S (loop variables, locals of the body).
void collectDeclared(const Stmt *S, llvm::DenseSet<const ValueDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        Out.insert(Var);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    if (const VarDecl *Var = Range->getLoopVariable())
      Out.insert(Var);
  for (const Stmt *Child : S->children())
    collectDeclared(Child, Out);
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  return nullptr;
}

/// The variables a loop declares in its header: the range-for variable, the
/// for-init variables, the condition variable.
void collectLoopVariables(const Stmt &Loop,
                          llvm::DenseSet<const ValueDecl *> &Out) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    if (const VarDecl *Var = Range->getLoopVariable())
      Out.insert(Var);
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    collectDeclared(For->getInit(), Out);
    if (const VarDecl *Var = For->getConditionVariable())
      Out.insert(Var);
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (const VarDecl *Var = While->getConditionVariable())
      Out.insert(Var);
  }
}

/// Grows \p Data, the request data of \p Body, to a fixed point: locals
/// initialized from request data, and objects assigned or updated with it.
void propagateRequestData(const Stmt *Body,
                          llvm::DenseSet<const ValueDecl *> &Data) {
  if (!Body)
    return;
  auto Taint = [&Data](const ValueDecl *D) {
    if (!D || isa<FieldDecl>(D))
      return false;
    bool Added = Data.insert(D).second;
    if (const auto *Decomposed = dyn_cast<DecompositionDecl>(D))
      for (const BindingDecl *Binding : Decomposed->bindings())
        Added |= Data.insert(Binding).second;
    return Added;
  };
  bool Changed = true;
  for (unsigned Round = 0; Changed && Round < 16; ++Round) {
    Changed = false;
    llvm::SmallVector<const Stmt *, 64> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : Decls->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D))
            if (Var->getInit() && mentionsAny(Var->getInit(), Data))
              Changed |= Taint(Var);
      } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
        if (mentionsAny(Range->getRangeInit(), Data))
          Changed |= Taint(Range->getLoopVariable());
      } else if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
        if (Binary->isAssignmentOp() && mentionsAny(Binary->getRHS(), Data))
          Changed |= Taint(rootDecl(Binary->getLHS()));
      } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(S)) {
        if (Operator->isAssignmentOp() && Operator->getNumArgs() == 2 &&
            mentionsAny(Operator->getArg(1), Data))
          Changed |= Taint(rootDecl(Operator->getArg(0)));
      } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
        const CXXMethodDecl *Method = Member->getMethodDecl();
        if (Method && !Method->isConst() &&
            llvm::any_of(Member->arguments(), [&](const Expr *Arg) {
              return mentionsAny(Arg, Data);
            }))
          Changed |= Taint(rootDecl(Member->getImplicitObjectArgument()));
      }
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        // 'parse(Request.body(), Out)': Out receives request data.
        const bool AnyData =
            llvm::any_of(Call->arguments(),
                         [&](const Expr *A) { return mentionsAny(A, Data); });
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (AnyData && Callee) {
          const unsigned Offset =
              isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1
                                                                           : 0;
          for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
            if (I - Offset >= Callee->getNumParams())
              break;
            QualType Type = Callee->getParamDecl(I - Offset)->getType();
            const bool Writable =
                (Type->isReferenceType() &&
                 !Type.getNonReferenceType().isConstQualified()) ||
                (Type->isPointerType() &&
                 !Type->getPointeeType().isConstQualified());
            if (Writable)
              Changed |= Taint(rootDecl(Call->getArg(I)));
          }
        }
      }
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
      if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
        Work.push_back(Lambda->getBody());
    }
  }
}

} // namespace

llvm::StringRef Reason::unit() const {
  switch (Kind) {
  case RootKind::ItemLoop:
    return "item";
  case RootKind::MessageLoop:
    return "message";
  default:
    return "request";
  }
}

bool PerRequestPath::dependsOnRequest(const Expr &E) const {
  return RequestData && mentionsAny(&E, *RequestData);
}

//===----------------------------------------------------------------------===//
// The index of one translation unit
//===----------------------------------------------------------------------===//

struct HandlerIndex::Impl {
  explicit Impl(const Config &C)
      : HandlerFunctions(C.HandlerFunctions),
        Registrations(C.RegistrationFunctions), BaseClasses(C.BaseClasses),
        RequestTypes(C.RequestTypes), ReplyMethods(C.ReplyMethods),
        PerCallTypes(C.PerCallTypes),
        Wrappers(C.CallableWrappers), MessageReads(C.MessageReadFunctions),
        SetupFunctions(C.SetupFunctions), PoolFunctions(C.PoolFunctions) {
    for (const std::string &Method : C.ContainerBoundMethods)
      BoundMethods.insert(Method);
  }

  struct CallSite {
    const CallExpr *Call;
    const FunctionDecl *Caller;
  };

  const RegexList HandlerFunctions;
  const NameList Registrations;
  const NameList BaseClasses;
  const NameList RequestTypes;
  const NameList ReplyMethods;
  const NameList PerCallTypes;
  const NameList Wrappers;
  const NameList MessageReads;
  const RegexList SetupFunctions;
  const RegexList PoolFunctions;
  llvm::StringSet<> BoundMethods;

  const ASTContext *Built = nullptr;
  llvm::DenseMap<const FunctionDecl *, Reason> Registered;
  llvm::DenseMap<const FunctionDecl *, std::vector<CallSite>> Callers;
  llvm::DenseMap<const FunctionDecl *, std::optional<Reason>> DirectCache;

  void build(ASTContext &Ctx);
  void noteCall(const CallExpr &Call, const FunctionDecl *Caller,
                ASTContext &Ctx);
  void collectCallables(const Expr *E, unsigned Depth,
                        llvm::SmallVectorImpl<const FunctionDecl *> &Out) const;
  std::optional<Reason> direct(const FunctionDecl &F, ASTContext &Ctx);
  std::optional<Reason> overrideReason(const CXXMethodDecl &Method) const;
  std::optional<Reason> perCallReason(const CXXMethodDecl &Method) const;
  std::optional<Reason> requestParameterReason(const FunctionDecl &F) const;
  std::optional<Reason> loopReason(const Stmt &Loop, const FunctionDecl *F,
                                   ASTContext &Ctx) const;
  bool excluded(const FunctionDecl &F) const;

  struct Place {
    const FunctionDecl *Function = nullptr;
    llvm::SmallVector<const Stmt *, 4> Loops;
    bool RunsOnce = false;
  };
  Place locate(const Stmt &S, ASTContext &Ctx);

  void paths(const Stmt &S, ASTContext &Ctx, unsigned Limit, unsigned Depth,
             llvm::SmallPtrSetImpl<const FunctionDecl *> &Visiting,
             std::vector<PerRequestPath> &Out);
};

namespace {

/// Walks the user code of a translation unit (system headers, implicit code
/// and template instantiations are skipped) and hands every call to the
/// index with the function it is in (a lambda's call operator for lambdas).
class IndexBuilder {
public:
  using Callback =
      llvm::function_ref<void(const CallExpr &, const FunctionDecl *)>;
  IndexBuilder(const SourceManager &SM, Callback OnCall)
      : SM(SM), OnCall(OnCall) {}

  void walkDecl(const Decl *D) {
    if (!D || (D->isImplicit() && !isa<TranslationUnitDecl>(D)))
      return;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
      walkDecl(Template->getTemplatedDecl());
      return;
    }
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
      walkDecl(Template->getTemplatedDecl());
      return;
    }
    if (const auto *Specialization =
            dyn_cast<ClassTemplateSpecializationDecl>(D);
        Specialization &&
        Specialization->getSpecializationKind() != TSK_ExplicitSpecialization)
      return; // An instantiation: its pattern is walked instead.
    if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      if (!Function->doesThisDeclarationHaveABody())
        return;
      if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function))
        for (const CXXCtorInitializer *Init : Constructor->inits())
          if (Init->isWritten())
            walkStmt(Init->getInit(), Function);
      walkStmt(Function->getBody(), Function);
      return;
    }
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      walkStmt(Var->getInit(), nullptr);
      return;
    }
    if (const auto *Context = dyn_cast<DeclContext>(D))
      for (const Decl *Member : Context->decls())
        walkDecl(Member);
  }

private:
  void walkStmt(const Stmt *S, const FunctionDecl *Caller) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      OnCall(*Call, Caller);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        walkStmt(Init, Caller);
      walkStmt(Lambda->getBody(), Lambda->getCallOperator());
      return;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      // Local classes and their member functions.
      for (const Decl *D : Decls->decls())
        if (!isa<VarDecl>(D))
          walkDecl(D);
    }
    for (const Stmt *Child : S->children())
      walkStmt(Child, Caller);
  }

  const SourceManager &SM;
  Callback OnCall;
};

} // namespace

void HandlerIndex::Impl::build(ASTContext &Ctx) {
  if (Built == &Ctx)
    return;
  Built = &Ctx;
  Registered.clear();
  Callers.clear();
  DirectCache.clear();
  auto OnCall = [&](const CallExpr &Call, const FunctionDecl *Caller) {
    noteCall(Call, Caller, Ctx);
  };
  IndexBuilder Builder(Ctx.getSourceManager(), OnCall);
  Builder.walkDecl(Ctx.getTranslationUnitDecl());
}

void HandlerIndex::Impl::collectCallables(
    const Expr *E, unsigned Depth,
    llvm::SmallVectorImpl<const FunctionDecl *> &Out) const {
  if (!E || Depth > MaxCallableDepth)
    return;
  E = stripWrappers(E);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(Function);
    else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
             Var && Var->hasLocalStorage() && Var->getInit())
      collectCallables(Var->getInit(), Depth + 1, Out); // A stored lambda.
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf)
      collectCallables(Unary->getSubExpr(), Depth + 1, Out);
    return;
  }
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    collectCallables(Cast->getSubExpr(), Depth + 1, Out);
    return;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    // A handler object built around the callable ('new Handler(lambda)').
    collectCallables(New->getInitializer(), Depth + 1, Out);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A converting constructor, such as std::function's from a lambda, or a
    // handler object built around the callable.
    for (const Expr *Arg : Construct->arguments())
      collectCallables(Arg, Depth + 1, Out);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Wrappers.contains(*Callee))
      for (const Expr *Arg : Call->arguments())
        collectCallables(Arg, Depth + 1, Out);
  }
}

void HandlerIndex::Impl::noteCall(const CallExpr &Call,
                                  const FunctionDecl *Caller, ASTContext &Ctx) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (std::optional<llvm::StringRef> Entry = Registrations.match(*Callee)) {
    // The note points at the registering function's name ('server.Get'),
    // or at the handler when the registration is a call operator
    // ('CROW_ROUTE(app, "/")(handler)').
    const bool IsCallOperator = isa<CXXOperatorCallExpr>(Call);
    for (unsigned I = IsCallOperator ? 1 : 0; I < Call.getNumArgs(); ++I) {
      llvm::SmallVector<const FunctionDecl *, 2> Handlers;
      collectCallables(Call.getArg(I), 0, Handlers);
      for (const FunctionDecl *Handler : Handlers) {
        const FunctionDecl *Key = normalize(Handler);
        if (Registered.count(Key))
          continue;
        Reason R;
        R.Kind = RootKind::Registered;
        R.Loc = SM.getFileLoc(IsCallOperator ? Call.getArg(I)->getBeginLoc()
                                             : Call.getExprLoc());
        R.Function = Handler;
        R.Note = describeFunction(*Handler) +
                 " is a request handler: it is registered with '" +
                 qualifiedName(*Callee) + "' here";
        Registered.try_emplace(Key, std::move(R));
      }
    }
  }
  if (!Caller)
    return;
  const FunctionDecl *Target = normalize(Callee);
  if (!Target || SM.isInSystemHeader(SM.getExpansionLoc(Target->getLocation())))
    return;
  Callers[Target].push_back({&Call, Caller});
}

std::optional<Reason>
HandlerIndex::Impl::overrideReason(const CXXMethodDecl &Method) const {
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

std::optional<Reason>
HandlerIndex::Impl::perCallReason(const CXXMethodDecl &Method) const {
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) || Method.isStatic() ||
      PerCallTypes.empty())
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
static const CXXMemberCallExpr *findReplyTo(const Stmt *S,
                                            const ParmVarDecl &Param,
                                            const NameList &Methods) {
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

std::optional<Reason>
HandlerIndex::Impl::requestParameterReason(const FunctionDecl &F) const {
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

std::optional<Reason> HandlerIndex::Impl::direct(const FunctionDecl &F,
                                                 ASTContext &Ctx) {
  build(Ctx);
  const FunctionDecl *Key = normalize(&F);
  auto Cached = DirectCache.find(Key);
  if (Cached != DirectCache.end())
    return Cached->second;
  std::optional<Reason> Result;
  auto Found = Registered.find(Key);
  if (Found != Registered.end()) {
    Result = Found->second;
  } else {
    const FunctionDecl &Definition = F.getDefinition() ? *F.getDefinition() : F;
    const auto *Method = dyn_cast<CXXMethodDecl>(&Definition);
    const bool IsLambda = Method && Method->getParent()->isLambda();
    if (!IsLambda && !HandlerFunctions.empty()) {
      if (std::optional<llvm::StringRef> Pattern =
              HandlerFunctions.match(Definition)) {
        Reason R;
        R.Kind = RootKind::Configured;
        R.Loc = Definition.getLocation();
        R.Function = &Definition;
        R.Note = quoted(Definition) +
                 " is a request handler: its name matches the "
                 "'HandlerFunctions' entry '" +
                 Pattern->str() + "'";
        Result = std::move(R);
      }
    }
    if (!Result && Method && !IsLambda)
      Result = overrideReason(*Method);
    if (!Result && Method && !IsLambda)
      Result = perCallReason(*Method);
    if (!Result)
      Result = requestParameterReason(Definition);
  }
  DirectCache[Key] = Result;
  return Result;
}

bool HandlerIndex::Impl::excluded(const FunctionDecl &F) const {
  if (F.isMain() || isa<CXXConstructorDecl, CXXDestructorDecl>(F))
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->getParent()->isLambda())
    return false;
  const std::string Name = qualifiedName(F);
  return SetupFunctions.matchText(Name).has_value() ||
         PoolFunctions.matchText(Name).has_value();
}

std::optional<Reason> HandlerIndex::Impl::loopReason(const Stmt &Loop,
                                                     const FunctionDecl *F,
                                                     ASTContext &Ctx) const {
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

HandlerIndex::Impl::Place HandlerIndex::Impl::locate(const Stmt &S,
                                                     ASTContext &Ctx) {
  Place Result;
  // A lambda's body is code of its own unless the lambda runs where it is
  // written; then the walk goes on through the enclosing code.
  auto StopsAt = [&](const LambdaExpr &Lambda) {
    const CXXMethodDecl *Operator = Lambda.getCallOperator();
    if (direct(*Operator, Ctx) || !isInvokedInPlace(Lambda, Ctx)) {
      Result.Function = Operator;
      return true;
    }
    return false;
  };
  DynTypedNode Node = DynTypedNode::create(S);
  const Stmt *Child = &S;
  for (unsigned Step = 0; Step < 4096; ++Step) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return Result;
    const DynTypedNode Parent = Parents[0];
    if (const auto *ParentStmt = Parent.get<Stmt>()) {
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(ParentStmt) &&
          isIterationPart(*ParentStmt, Child))
        Result.Loops.push_back(ParentStmt);
      if (const auto *Lambda = dyn_cast<LambdaExpr>(ParentStmt);
          Lambda && isSame(Lambda->getBody(), Child) && StopsAt(*Lambda))
        return Result;
      Child = ParentStmt;
      Node = Parent;
      continue;
    }
    if (const auto *Var = Parent.get<VarDecl>()) {
      if (!Var->hasLocalStorage() || Var->isStaticLocal()) {
        Result.RunsOnce = true; // Initializer of a static or thread_local.
        return Result;
      }
      Node = Parent;
      continue;
    }
    if (const auto *Function = Parent.get<FunctionDecl>()) {
      // Some parent maps reach a lambda's body through its call operator and
      // closure class: climb to the lambda expression.
      const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      const LambdaExpr *Lambda = nullptr;
      if (Method && Method->getParent()->isLambda()) {
        DynTypedNode Up = Parent;
        for (unsigned Climb = 0; Climb < 4 && !Lambda; ++Climb) {
          DynTypedNodeList Above = parentsOf(Up, Ctx);
          if (Above.empty())
            break;
          Up = Above[0];
          Lambda = Up.get<LambdaExpr>();
        }
      }
      if (!Lambda) {
        Result.Function = Function;
        return Result;
      }
      if (StopsAt(*Lambda))
        return Result;
      Child = Lambda;
      Node = DynTypedNode::create(*Lambda);
      continue;
    }
    if (Parent.get<CXXCtorInitializer>()) {
      Node = Parent;
      continue;
    }
    // A default member initializer, a global: no function around it.
    return Result;
  }
  return Result;
}

void HandlerIndex::Impl::paths(
    const Stmt &S, ASTContext &Ctx, unsigned Limit, unsigned Depth,
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Visiting,
    std::vector<PerRequestPath> &Out) {
  if (Limit == 0)
    return;
  if (const auto *E = dyn_cast<Expr>(&S);
      E && isFirstTimeInitialization(*E, Ctx))
    return;
  const Place Where = locate(S, Ctx);
  if (Where.RunsOnce || !Where.Function)
    return;
  const FunctionDecl &Function = *Where.Function;
  const FunctionDecl *Definition =
      Function.getDefinition() ? Function.getDefinition() : &Function;
  const Stmt *Body = Definition->getBody();

  if (std::optional<Reason> Root = direct(Function, Ctx)) {
    auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
    for (const ParmVarDecl *Param : Definition->parameters())
      Data->insert(Param);
    propagateRequestData(Body, *Data);
    Out.push_back({std::move(*Root), {}, std::move(Data)});
    return;
  }
  if (excluded(*Definition))
    return;

  for (const Stmt *Loop : Where.Loops) {
    std::optional<Reason> Root = loopReason(*Loop, Definition, Ctx);
    if (!Root)
      continue;
    // What changes from one iteration to the next is the loop's data: its
    // own variables, the variables it updates that outlive an iteration,
    // and what is computed from them.
    auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
    llvm::DenseSet<const ValueDecl *> Modified;
    llvm::DenseSet<const ValueDecl *> BodyLocals;
    collectModified(Loop, Modified);
    collectDeclared(loopBody(*Loop), BodyLocals);
    for (const ValueDecl *D : Modified)
      if (!BodyLocals.contains(D))
        Data->insert(D);
    collectLoopVariables(*Loop, *Data);
    propagateRequestData(Body, *Data);
    Out.push_back({std::move(*Root), {}, std::move(Data)});
    break;
  }

  const FunctionDecl *Key = normalize(&Function);
  if (Depth >= MaxCallDepth || !Visiting.insert(Key).second)
    return;
  auto Sites = Callers.find(Key);
  if (Sites != Callers.end()) {
    // Copy: the recursion may grow the map.
    const std::vector<CallSite> CallSites = Sites->second;
    for (const CallSite &Site : CallSites) {
      if (Out.size() >= Limit)
        break;
      std::vector<PerRequestPath> Outer;
      paths(*Site.Call, Ctx, Limit - Out.size(), Depth + 1, Visiting, Outer);
      for (PerRequestPath &Path : Outer) {
        // A parameter holds request data when its argument does.
        auto Data = std::make_shared<llvm::DenseSet<const ValueDecl *>>();
        const unsigned Offset = isa<CXXOperatorCallExpr>(Site.Call) &&
                                        isa<CXXMethodDecl>(Definition)
                                    ? 1
                                    : 0;
        for (unsigned I = Offset; I < Site.Call->getNumArgs(); ++I) {
          if (I - Offset >= Definition->getNumParams())
            break;
          if (Path.dependsOnRequest(*Site.Call->getArg(I)))
            Data->insert(Definition->getParamDecl(I - Offset));
        }
        propagateRequestData(Body, *Data);
        Path.Calls.push_back({Site.Call, Definition});
        Path.RequestData = std::move(Data);
        Out.push_back(std::move(Path));
        if (Out.size() >= Limit)
          break;
      }
    }
  }
  Visiting.erase(Key);
}

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

HandlerIndex::HandlerIndex(const Config &C) : P(std::make_unique<Impl>(C)) {}
HandlerIndex::~HandlerIndex() = default;

std::vector<PerRequestPath>
HandlerIndex::perRequestPaths(const Stmt &S, ASTContext &Ctx, unsigned Limit) {
  P->build(Ctx);
  std::vector<PerRequestPath> Out;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visiting;
  P->paths(S, Ctx, Limit, 0, Visiting, Out);
  return Out;
}

std::optional<Reason> HandlerIndex::handlerReason(const FunctionDecl &F,
                                                  ASTContext &Ctx) {
  return P->direct(F, Ctx);
}

void HandlerIndex::reset() {
  P->Built = nullptr;
  P->Registered.clear();
  P->Callers.clear();
  P->DirectCache.clear();
}

bool HandlerIndex::isStartupOrPool(const FunctionDecl &F) const {
  return P->excluded(F);
}

//===----------------------------------------------------------------------===//
// Lazy initialization
//===----------------------------------------------------------------------===//

/// True when \p D names storage that outlives the current call: a field, a
/// static or global, or what a reference or pointer parameter refers to.
static bool isLongLived(const ValueDecl *D) {
  if (!D)
    return false;
  if (isa<FieldDecl>(D))
    return true;
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return false;
  if (!Var->hasLocalStorage() || Var->isStaticLocal())
    return true;
  if (Var->getType()->isReferenceType())
    return true;
  return isa<ParmVarDecl>(Var) && Var->getType()->isPointerType();
}

/// True when \p Cond tests \p Target: names it, names a local computed from
/// it ('It == Cache.end()'), or names a long-lived flag that \p Branch sets.
static bool testsTarget(const Expr *Cond, const ValueDecl *Target,
                        const Stmt *Branch) {
  if (!Cond)
    return false;
  if (mentions(Cond, Target))
    return true;
  llvm::SmallVector<const Stmt *, 16> Work{Cond};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const ValueDecl *D = Ref->getDecl();
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && Var->hasLocalStorage() && Var->getInit() &&
          mentions(Var->getInit(), Target))
        return true;
      if (isLongLived(D) && Branch) {
        llvm::DenseSet<const ValueDecl *> Set;
        collectModified(Branch, Set);
        if (Set.contains(D))
          return true;
      }
    } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      const ValueDecl *D = Member->getMemberDecl();
      if (isa<FieldDecl>(D) && Branch) {
        // A member flag ('if (!Ready_) { ...; Ready_ = true; }').
        llvm::SmallVector<const Stmt *, 16> Inner{Branch};
        while (!Inner.empty()) {
          const Stmt *B = Inner.pop_back_val();
          if (!B)
            continue;
          if (const auto *Assign = dyn_cast<BinaryOperator>(B);
              Assign && Assign->isAssignmentOp() &&
              rootDecl(Assign->getLHS()) == D)
            return true;
          for (const Stmt *Child : B->children())
            Inner.push_back(Child);
        }
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

namespace {
/// Where a value is stored: the assignment or member call, and the object.
struct StoreSite {
  const Stmt *Store = nullptr;
  const ValueDecl *Target = nullptr;
};
} // namespace

/// Follows the value of \p E up through wrappers, 'new', conversions and
/// 'std::move' to where it is stored, if it is.
static StoreSite findStore(const Expr &E, ASTContext &Ctx) {
  const Stmt *Current = &E;
  for (unsigned Step = 0; Step < 16; ++Step) {
    const Stmt *Parent = singleParentStmt(*Current, Ctx);
    if (!Parent)
      return {};
    if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, CXXNewExpr,
            CXXFunctionalCastExpr, CXXStaticCastExpr, CXXConstructExpr>(
            Parent)) {
      Current = Parent;
      continue;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(Parent)) {
      if (Binary->getOpcode() != BO_Assign ||
          !isSame(Binary->getRHS(), Current))
        return {};
      return {Binary, rootDecl(Binary->getLHS())};
    }
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Parent)) {
      if (Operator->getOperator() != OO_Equal || Operator->getNumArgs() != 2 ||
          !isSame(Operator->getArg(1), Current))
        return {};
      return {Operator, rootDecl(Operator->getArg(0))};
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Parent)) {
      if (isSame(Member->getImplicitObjectArgument(), Current))
        return {};
      // 'Cache.emplace(Key, Client)', 'Slot.reset(new ...)'.
      return {Member, rootDecl(Member->getImplicitObjectArgument())};
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      // The value passes through 'std::move' or a smart pointer factory.
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->isInStdNamespace())
        return {};
      Current = Parent;
      continue;
    }
    return {};
  }
  return {};
}

const ValueDecl *storedInto(const Expr &E, ASTContext &Ctx) {
  return findStore(E, Ctx).Target;
}

bool isFirstTimeInitialization(const Expr &E, ASTContext &Ctx) {
  const auto [Store, Target] = findStore(E, Ctx);
  if (!Store || !isLongLived(Target))
    return false;
  // Look for an enclosing 'if' that tests the target, up to the function.
  const Stmt *Child = Store;
  for (const Stmt *Parent = singleParentStmt(*Store, Ctx); Parent;
       Child = Parent, Parent = singleParentStmt(*Parent, Ctx)) {
    if (isa<LambdaExpr>(Parent))
      return false;
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (!If || !(isSame(If->getThen(), Child) || isSame(If->getElse(), Child)))
      continue;
    if (testsTarget(If->getCond(), Target, Child))
      return true;
    if (const VarDecl *CondVar = If->getConditionVariable();
        CondVar && CondVar->getInit() && mentions(CondVar->getInit(), Target))
      return true;
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(If->getInit()))
      for (const Decl *D : Init->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() && mentions(Var->getInit(), Target) &&
            mentions(If->getCond(), Var))
          return true;
  }
  return false;
}

} // namespace clang::tidy::leak::handlers
