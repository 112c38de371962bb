//===-- Compat.h - shims between supported LLVM majors ---------*- C++ -*-===//
//
// The few places where the clang-tidy API differs between the LLVM majors
// LeakTidy supports (see LEAKTIDY_SUPPORTED_LLVM_MAJORS in CMake).
//
//===----------------------------------------------------------------------===//

#ifndef LEAKTIDY_LIB_COMPAT_H
#define LEAKTIDY_LIB_COMPAT_H

#include "clang-tidy/ClangTidyModule.h"

// LLVM 22 moved the module registry into ClangTidyModule.h and deprecated the
// old header; older majors still need it.
#if LEAKTIDY_LLVM_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // LEAKTIDY_LIB_COMPAT_H
