//===-- GuardedRelease.h - is a release run only for a healthy handle? -*- C++ -*-===//
//
// Some C libraries require a handle to be released whatever state it is in:
// libpq's PQfinish for every PGconn that PQconnectdb returned, also when the
// connection failed or broke. Code that releases a member handle only inside
// 'if (PQstatus(conn_) == CONNECTION_OK)', or behind a function of its own
// that asks that ('if (isConnected())'), never releases a failed one. This
// question finds the status test around a release.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_GUARDEDRELEASE_H
#define LEAKTIDY_LIB_GUARDEDRELEASE_H

#include "Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::leak::guarded {

/// The member handle a release call is given: 'PQfinish(conn_)' or
/// 'PQfinish(this->conn_)'; null for anything else.
const FieldDecl *releasedMember(const CallExpr &Release);

/// The condition of the innermost 'if' around \p Release (in its function,
/// on the branch that holds the release, with no release of \p Field on the
/// other branch) that tests the status of \p Field: it calls a function of
/// \p StatusFunctions on the member, or calls a member function of the same
/// object whose body does. Null when there is none.
const Expr *statusGuard(const CallExpr &Release, const FieldDecl &Field,
                        const NameList &StatusFunctions,
                        const NameList &Releases, ASTContext &Ctx);

/// For an acquisition stored into member \p Field ('conn_ = PQconnectdb(...)')
/// in a member function other than a constructor: the condition of an 'if'
/// of that function, before the acquisition, that tests the status of
/// \p Field, when nothing there before the acquisition releases \p Field,
/// assigns it or tests it for null. Such a test ('if (isConnected()) throw
/// ...;') stops a healthy handle but lets a failed one through to be
/// overwritten. Null otherwise.
const Expr *statusOnlyGuardBefore(const CallExpr &Acquisition,
                                  const FieldDecl &Field,
                                  const NameList &StatusFunctions,
                                  const NameList &Releases, ASTContext &Ctx);

} // namespace clang::tidy::leak::guarded

#endif // LEAKTIDY_LIB_GUARDEDRELEASE_H
