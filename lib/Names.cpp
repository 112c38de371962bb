//===-- Names.cpp - declarations and types by qualified name --------------===//

#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak::names {

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  if (!D.getDeclName().isIdentifier())
    return {};
  Parts.push_back(D.getName());
  for (const DeclContext *Ctx = D.getDeclContext(); Ctx;
       Ctx = Ctx->getParent()) {
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Ctx)) {
      if (Namespace->isInline() || Namespace->isAnonymousNamespace())
        continue;
      Parts.push_back(Namespace->getName());
    } else if (const auto *Record = dyn_cast<RecordDecl>(Ctx)) {
      if (!Record->getIdentifier())
        return {};
      Parts.push_back(Record->getName());
    } else if (isa<LinkageSpecDecl>(Ctx)) {
      continue;
    } else if (!isa<TranslationUnitDecl>(Ctx)) {
      return {}; // Local to a function: never a catalog entry.
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += It->str();
  }
  return Name;
}

NameSet::NameSet(llvm::ArrayRef<std::string> List) {
  for (const std::string &Name : List)
    add(Name);
}

NameSet::NameSet(llvm::ArrayRef<llvm::StringRef> List) {
  for (llvm::StringRef Name : List)
    add(Name);
}

void NameSet::add(llvm::StringRef Name) {
  Name.consume_front("::");
  if (!Name.empty())
    Names.insert(Name);
}

bool NameSet::containsName(llvm::StringRef QualifiedName) const {
  QualifiedName.consume_front("::");
  return Names.contains(QualifiedName);
}

bool NameSet::contains(const NamedDecl &D) const {
  if (Names.empty())
    return false;
  const std::string Name = qualifiedName(D);
  return !Name.empty() && Names.contains(Name);
}

const RecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  const Type *Canonical = T->getUnqualifiedDesugaredType();
  if (const auto *Record = dyn_cast<RecordType>(Canonical))
    return Record->getDecl();
  return nullptr;
}

static bool derivesFromNamed(const CXXRecordDecl &Record, const NameSet &Names,
                             unsigned Depth) {
  if (Depth > 16 || !Record.hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : Record.getDefinition()->bases()) {
    const RecordDecl *BaseRecord = recordOf(Base.getType());
    const auto *BaseClass = dyn_cast_or_null<CXXRecordDecl>(BaseRecord);
    if (!BaseClass)
      continue;
    if (Names.contains(*BaseClass) || derivesFromNamed(*BaseClass, Names, Depth + 1))
      return true;
  }
  return false;
}

bool isTypeNamed(QualType T, const NameSet &Names, bool IncludeBases) {
  if (T.isNull() || Names.empty())
    return false;
  // Typedefs the type is written with: 'PGresult' names 'struct pg_result'.
  for (QualType Sugar = T; !Sugar.isNull();) {
    if (const auto *Typedef = Sugar->getAs<TypedefType>()) {
      if (Names.contains(*Typedef->getDecl()))
        return true;
      Sugar = Typedef->desugar();
      continue;
    }
    break;
  }
  const RecordDecl *Record = recordOf(T);
  return Record && isRecordNamed(*Record, Names, IncludeBases);
}

bool isRecordNamed(const RecordDecl &Record, const NameSet &Names,
                   bool IncludeBases) {
  if (Names.contains(Record))
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(&Record);
  return IncludeBases && Class && derivesFromNamed(*Class, Names, 0);
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
  return Args[0].getAsType();
}

} // namespace clang::tidy::leak::names
