//===-- Parents.h - parents of nodes in user code --------------*- C++ -*-===//
//
// ASTContext::getParents answers from a map of the whole translation unit,
// built on the first question: every declaration, statement and type location
// of every header, the standard library and Boost included. For a service
// source file that map costs more time and memory than all leak-* checks
// together, although they only ever ask about user code.
//
// parentsOf() gives the same answers as ASTContext::getParents, under the
// traversal kind in effect, from a map of the user code only (top-level
// declarations outside system headers, with their template instantiations).
// A node outside that map, e.g. one in a system header, is answered by
// ASTContext::getParents.
//
// The map is built once per translation unit and thread, on the first
// question; resetParents() forgets it (LeakCheck calls it when a translation
// unit starts). With LEAKTIDY_VERIFY_PARENTS=1 in the environment every
// answer is compared with ASTContext::getParents and a difference stops the
// program with a description of the node.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_PARENTS_H
#define LEAKTIDY_LIB_PARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::leak {

/// The parents of \p Node, as ASTContext::getParents would report them.
DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx);

template <typename NodeT>
DynTypedNodeList parentsOf(const NodeT &Node, ASTContext &Ctx) {
  return parentsOf(DynTypedNode::create(Node), Ctx);
}

/// Forgets the map of the calling thread: the next question builds it anew.
void resetParents();

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_PARENTS_H
