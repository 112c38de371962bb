//===-- PageLinks.h - how a loop reaches the next page ---------*- C++ -*-===//
//
// A loop pages through a remote result when one iteration leads to the next
// page: a value read from the response of a call made in the loop (a token, a
// key, a next link, an offset) is carried to the next iteration, feeds the
// next call, and decides whether the loop goes on; or a cursor object read in
// the loop carries its own position. These find that link in the facts of a
// loop (LoopFacts.h). Well-known token getters and setters, request functions
// and cursor types are strong signals that let weaker shapes count.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_PAGELINKS_H
#define LEAKTIDY_LIB_PAGELINKS_H

#include "LoopFacts.h"
#include "Loops.h"
#include <optional>

namespace clang::tidy::leak::loops {

/// The token or position the loop of \p Facts reads from a response and
/// feeds back to the next request; std::nullopt when there is none.
std::optional<PageLink> findLink(const LoopFacts &Facts);

/// The cursor (of a type of PagedApi::CursorTypes, declared outside the loop)
/// whose reads in the loop of \p Facts return the next page; std::nullopt when
/// there is none.
std::optional<PageLink> findCursorLink(const LoopFacts &Facts);

} // namespace clang::tidy::leak::loops

#endif // LEAKTIDY_LIB_PAGELINKS_H
