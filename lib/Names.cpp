//===-- Names.cpp - matching declarations against configured names --------===//

#include "Names.h"
#include "Compat.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak {

std::string qualifiedName(const NamedDecl &D) {
  // A function with C language linkage is the same function whatever
  // namespace declares it: its name is the global one.
  if (const auto *Function = dyn_cast<FunctionDecl>(&D);
      Function && Function->isExternC())
    return D.getDeclName().getAsString();
  llvm::SmallVector<std::string, 8> Parts;
  Parts.push_back(D.getDeclName().getAsString());
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent()) {
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context)) {
      if (Namespace->isInline())
        continue;
      Parts.push_back(Namespace->isAnonymousNamespace()
                          ? std::string("(anonymous namespace)")
                          : Namespace->getName().str());
    } else if (const auto *Record = dyn_cast<RecordDecl>(Context)) {
      if (const auto *Class = dyn_cast<CXXRecordDecl>(Record);
          Class && Class->isLambda())
        Parts.push_back("(lambda)");
      else
        Parts.push_back(Record->getName().str());
    } else if (const auto *Function = dyn_cast<FunctionDecl>(Context)) {
      Parts.push_back(Function->getDeclName().getAsString());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

NameList::NameList(llvm::ArrayRef<std::string> Names)
    : Names(Names.begin(), Names.end()) {
  indexLastComponents();
}

NameList::NameList(llvm::ArrayRef<llvm::StringRef> Names) {
  for (llvm::StringRef Name : Names)
    this->Names.push_back(Name.str());
  indexLastComponents();
}

void NameList::indexLastComponents() {
  for (const std::string &Entry : Names) {
    const auto [Scope, Last] = llvm::StringRef(Entry).rsplit("::");
    LastComponents.insert(Last.empty() ? Scope : Last);
  }
}

std::optional<llvm::StringRef> NameList::matchName(llvm::StringRef Name) const {
  for (const std::string &Entry : Names) {
    llvm::StringRef Wanted(Entry);
    if (Wanted.consume_front("::")) {
      if (Name == Wanted)
        return llvm::StringRef(Entry);
      continue;
    }
    if (Name == Wanted)
      return llvm::StringRef(Entry);
    if (Name.size() > Wanted.size() + 2 && compat::endsWith(Name, Wanted) &&
        compat::endsWith(Name.drop_back(Wanted.size()), "::"))
      return llvm::StringRef(Entry);
  }
  return std::nullopt;
}

std::optional<llvm::StringRef> NameList::match(const NamedDecl &D) const {
  if (Names.empty())
    return std::nullopt;
  if (D.getDeclName().isIdentifier() && !LastComponents.contains(D.getName()))
    return std::nullopt;
  return matchName(qualifiedName(D));
}

RegexList::RegexList(llvm::ArrayRef<std::string> Patterns)
    : Patterns(Patterns.begin(), Patterns.end()) {
  for (const std::string &Pattern : this->Patterns)
    Compiled.push_back(std::make_shared<llvm::Regex>(Pattern));
}

std::optional<llvm::StringRef>
RegexList::matchText(llvm::StringRef Text) const {
  for (std::size_t I = 0; I < Compiled.size(); ++I)
    if (Compiled[I]->isValid() && Compiled[I]->match(Text))
      return llvm::StringRef(Patterns[I]);
  return std::nullopt;
}

std::optional<llvm::StringRef> RegexList::match(const NamedDecl &D) const {
  if (Patterns.empty())
    return std::nullopt;
  // As for name lists, a pattern may spell the global namespace or not:
  // '^::shop::handle' and '^shop::handle' both match 'shop::handle_order'.
  const std::string Name = qualifiedName(D);
  if (std::optional<llvm::StringRef> Found = matchText(Name))
    return Found;
  return matchText("::" + Name);
}

static const CXXRecordDecl *
findSelfOrBaseImpl(const CXXRecordDecl &Record, const NameList &Names,
                   llvm::StringRef *MatchedEntry,
                   llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen) {
  if (!Seen.insert(Record.getCanonicalDecl()).second)
    return nullptr;
  if (std::optional<llvm::StringRef> Entry = Names.match(Record)) {
    if (MatchedEntry)
      *MatchedEntry = *Entry;
    return &Record;
  }
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return nullptr;
  for (const CXXBaseSpecifier &Base : Definition->bases()) {
    const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl();
    if (!BaseRecord)
      continue; // A dependent base: nothing is known about it.
    if (const CXXRecordDecl *Found =
            findSelfOrBaseImpl(*BaseRecord, Names, MatchedEntry, Seen))
      return Found;
  }
  return nullptr;
}

const CXXRecordDecl *findSelfOrBase(const CXXRecordDecl &Record,
                                    const NameList &Names,
                                    llvm::StringRef *MatchedEntry) {
  if (Names.empty())
    return nullptr;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  return findSelfOrBaseImpl(Record, Names, MatchedEntry, Seen);
}

const RecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const auto *Record =
          dyn_cast<RecordType>(T->getUnqualifiedDesugaredType()))
    return Record->getDecl();
  return nullptr;
}

bool isRecordNamed(const RecordDecl &Record, const NameList &Names,
                   bool IncludeBases) {
  if (Names.contains(Record))
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(&Record);
  return IncludeBases && Class && findSelfOrBase(*Class, Names) != nullptr;
}

bool isTypeNamed(QualType T, const NameList &Names, bool IncludeBases) {
  if (T.isNull() || Names.empty())
    return false;
  // The typedefs the type is written with: 'PGresult' names 'pg_result'.
  for (QualType Sugar = T; !Sugar.isNull();) {
    const auto *Typedef = Sugar->getAs<TypedefType>();
    if (!Typedef)
      break;
    if (Names.contains(*Typedef->getDecl()))
      return true;
    Sugar = Typedef->desugar();
  }
  const RecordDecl *Record = recordOf(T);
  return Record && isRecordNamed(*Record, Names, IncludeBases);
}

QualType firstTemplateArgument(QualType T) {
  if (T.isNull())
    return {};
  // As written, when the user spelled the type with its arguments (a deduced
  // type carries the library's own spelling instead).
  if (const auto *Written = T->getContainedDeducedType()
                                ? nullptr
                                : T->getAs<TemplateSpecializationType>())
    if (!Written->isTypeAlias() && !Written->template_arguments().empty() &&
        Written->template_arguments()[0].getKind() == TemplateArgument::Type)
      return Written->template_arguments()[0].getAsType();
  const auto *Specialization =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T));
  if (!Specialization)
    return {};
  const TemplateArgumentList &Args = Specialization->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return {};
  return compat::unwrittenType(Args[0].getAsType(),
                               Specialization->getASTContext());
}

} // namespace clang::tidy::leak
