//===-- Names.cpp - matching declarations against configured names --------===//

#include "Names.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::leak {

std::string qualifiedName(const NamedDecl &D) {
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
    : Names(Names.begin(), Names.end()) {}

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
    if (Name.size() > Wanted.size() + 2 && Name.ends_with(Wanted) &&
        Name.drop_back(Wanted.size()).ends_with("::"))
      return llvm::StringRef(Entry);
  }
  return std::nullopt;
}

std::optional<llvm::StringRef> NameList::match(const NamedDecl &D) const {
  if (Names.empty())
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
  return matchText(qualifiedName(D));
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

} // namespace clang::tidy::leak
