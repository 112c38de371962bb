//===-- RunOnce.h - does this code run once per process? -------*- C++ -*-===//
//
// Work started by code that runs once per process is a fixed part of the
// program for its lifetime: a pool of threads started at start-up does not
// pile up. Code runs once per process when it is in 'main', in the
// initializer of a static or global variable (a function-local static
// included), in a callable run through std::call_once or boost::call_once
// with a static or global flag, or in a function whose every use in the
// translation unit is a call from such code, a few calls deep. A loop on the
// way counts only when it runs a fixed number of times.
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_RUNONCE_H
#define LEAKTIDY_LIB_RUNONCE_H

#include "References.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::leak {

/// True when \p S runs at most once per process, as the file comment says.
/// A function used in no way this translation unit shows (called from
/// another file, stored, passed on) is not known to run once.
bool runsOncePerProcess(const Stmt &S, ReferenceIndex &Refs);

} // namespace clang::tidy::leak

#endif // LEAKTIDY_LIB_RUNONCE_H
