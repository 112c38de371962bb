//===-- PageBounds.h - what bounds a pagination loop -----------*- C++ -*-===//
//
// A pagination loop that keeps every page grows without bound unless
// something stops it: an exit that compares an item or page counter, or the
// kept container, with a bound; a page size on each request; or, for a loop
// with no such cap, nothing but the server saying there is no next page.
// These answer those questions from the facts of a loop (LoopFacts.h) and the
// link it follows (PageLinks.h).
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_PAGEBOUNDS_H
#define LEAKTIDY_LIB_PAGEBOUNDS_H

#include "LoopFacts.h"
#include "Loops.h"

namespace clang::tidy::leak::loops {

/// True when an exit of the loop of \p Facts compares an item or page
/// counter, or an accumulated container, with a bound that does not come
/// from the pages.
bool isCapped(const LoopFacts &Facts, const PageLink &Link);

/// The exit that tests the token, when the loop can only end because the
/// response says there is no next page (see PaginationLoop::OnlyTokenExit);
/// null otherwise, and for positions and cursors.
const Stmt *onlyTokenExit(const LoopFacts &Facts, const PageLink &Link);

/// Whether each request of \p Link bounds its page, and where a page size
/// setter call could go when it does not.
PageSize pageSize(const LoopFacts &Facts, const PageLink &Link);

} // namespace clang::tidy::leak::loops

#endif // LEAKTIDY_LIB_PAGEBOUNDS_H
