//===-- Loops.h - token-driven loops, accumulation, caps and breaks -*- C++
//-*-===//
//
// Answers "is this loop following pages of a remote result, and does it keep
// every page?". A loop is a pagination loop when a value read from the result
// of a call made in the loop (a token, a key, a next link, an offset) is
// carried to the next iteration, feeds the next call, and decides whether the
// loop goes on. The recognition is structural (data flow from the response to
// the request and to the exits); the names of well-known token getters and
// setters, page request functions and cursor types are strong signals that
// let weaker shapes count.
//
// LoopFacts.h gathers what one walk of the loop finds, PageLinks.h finds the
// link to the next page in it and PageBounds.h what bounds the loop: caps,
// exits and page sizes. analyzePaginationLoop puts their answers together.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_LOOPS_H
#define LEAKTIDY_LIB_LOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::leak::loops {

/// What the analysis knows about paged APIs (the check's options).
struct PagedApi {
  /// Member functions reading the next token or "more pages" flag.
  llvm::ArrayRef<std::string> TokenGetters;
  /// Member functions writing the token into a request.
  llvm::ArrayRef<std::string> TokenSetters;
  /// Member functions bounding the size of one page.
  llvm::ArrayRef<std::string> PageSizeSetters;
  /// Qualified names of functions returning one page (SQL, HTTP).
  llvm::ArrayRef<std::string> RequestFunctions;
  /// Qualified names of cursor classes whose reads return the next page.
  llvm::ArrayRef<std::string> CursorTypes;
};

enum class PageLinkKind {
  Token,    ///< A token, key or link read from the response.
  Position, ///< An offset, page number or keyset value (SQL, numbers).
  Cursor,   ///< A cursor object that carries its own position.
};

/// How one iteration leads to the next page.
struct PageLink {
  PageLinkKind Kind = PageLinkKind::Token;
  /// The call that fetches a page.
  const CallExpr *Request = nullptr;
  /// Where the token or position is written for the next request (for a
  /// cursor: the read of the next page).
  const Stmt *FeedBack = nullptr;
  /// The variable, member or request object that carries the token from one
  /// iteration to the next (for a cursor: the cursor).
  const ValueDecl *State = nullptr;
  /// A short name for the token, for messages ('GetLastEvaluatedKey()',
  /// 'next_page_token()', 'token').
  std::string TokenName;
};

/// An element added to a container declared outside the loop.
struct Accumulation {
  /// The call that grows the container.
  const Expr *Site = nullptr;
  /// The variable or member holding the container.
  const ValueDecl *Container = nullptr;
  /// The container as written at the site ('items', 'page.rows', 'out' for
  /// 'out->push_back'), and whether it is reached through a pointer.
  const Expr *ContainerExpr = nullptr;
  bool ThroughPointer = false;
  /// A statement directly in a block of the loop's body, before which a
  /// 'break' leaves the pagination loop and the container is in scope; null
  /// when there is none.
  const Stmt *CapPoint = nullptr;
};

enum class PageSizeState { Unknown, Set, NotSet };

/// Whether each request bounds its page.
struct PageSize {
  PageSizeState State = PageSizeState::Unknown;
  /// The request is an SQL statement (the page size is a LIMIT clause).
  bool IsSql = false;
  /// A request variable that can take a page size setter, the setter, and
  /// whether the variable is declared outside the loop.
  const VarDecl *RequestVar = nullptr;
  const CXXMethodDecl *Setter = nullptr;
  bool RequestVarOutsideLoop = false;
  /// For a request variable declared in the loop: the statement of the loop
  /// body before which the setter call can be inserted.
  const Stmt *SetterPoint = nullptr;
};

/// The analysis of one pagination loop.
struct PaginationLoop {
  const Stmt *Loop = nullptr;
  PageLink Link;
  /// Containers declared outside the loop that grow in it and are neither
  /// emptied in the loop nor compared in one of its exits. Empty when the
  /// loop is capped.
  llvm::SmallVector<Accumulation, 2> Accumulations;
  /// An exit compares an item or page counter, or an accumulated container,
  /// with a bound.
  bool Capped = false;
  /// Computed only when there are accumulations.
  PageSize Size;
  /// When the loop can only end because the response says there is no next
  /// page (token empty, flag false, failed call), with no cap, no other way
  /// out and no comparison of the new token with the previous one: the exit
  /// that tests the token. Null otherwise, and for positions and cursors.
  const Stmt *OnlyTokenExit = nullptr;
};

/// Analyzes \p Loop (a while, do or for statement). Returns std::nullopt when
/// it is not a pagination loop.
std::optional<PaginationLoop>
analyzePaginationLoop(const Stmt &Loop, ASTContext &Ctx, const PagedApi &Api);

/// True when \p RD (or a base) declares a member function named \p Name.
bool hasMethodNamed(const CXXRecordDecl *RD, llvm::StringRef Name);

/// True when \p RD (or a base) has every member function of a container
/// (catalog::containerMembers).
bool isContainerClass(const CXXRecordDecl *RD);

/// True for a container whose 'operator[]' inserts missing keys (it declares
/// a member type of catalog::keyedContainerMemberTypes, as 'mapped_type').
bool isKeyedContainerClass(const CXXRecordDecl *RD);

/// For a function of the translation unit and its parameter \p Index (a
/// reference or pointer to a container): true when its body adds elements to
/// that container ('Rows.push_back(...)', 'Rows[Key] = ...' on a keyed
/// container, 'std::back_inserter(Rows)'), directly or by passing it on to
/// another such function, up to \p Depth functions deep. False for a
/// function whose body is not here, and for a virtual one.
bool growsParameter(const FunctionDecl &F, unsigned Index, unsigned Depth = 2);

} // namespace clang::tidy::leak::loops

#endif // LEAKTIDY_LIB_LOOPS_H
