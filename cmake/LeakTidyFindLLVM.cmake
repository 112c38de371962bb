# Finds exactly one supported LLVM/Clang major and checks that LLVM and Clang agree.
#
# Order of preference:
#   1. LLVM_DIR / Clang_DIR given by the user;
#   2. LEAKTIDY_LLVM_VERSION=<major> -> /usr/lib/llvm-<major>/lib/cmake/{llvm,clang};
#   3. the newest supported major installed under /usr/lib/llvm-<major>.

set(LEAKTIDY_SUPPORTED_LLVM_MAJORS 22 19 16 15 14)
string(REPLACE ";" ", " _leaktidy_supported_text "${LEAKTIDY_SUPPORTED_LLVM_MAJORS}")

set(LEAKTIDY_LLVM_VERSION "" CACHE STRING
    "LLVM/Clang major to build against (supported: ${_leaktidy_supported_text})")

function(_leaktidy_unsupported found)
  message(FATAL_ERROR
    "LeakTidy supports LLVM/Clang majors ${_leaktidy_supported_text}; ${found}. "
    "Install one of them (e.g. apt-get install libclang-22-dev llvm-22-dev clang-tidy-22) "
    "and configure with -DLEAKTIDY_LLVM_VERSION=<major>.")
endfunction()

if(LEAKTIDY_LLVM_VERSION)
  if(NOT LEAKTIDY_LLVM_VERSION IN_LIST LEAKTIDY_SUPPORTED_LLVM_MAJORS)
    _leaktidy_unsupported("LEAKTIDY_LLVM_VERSION=${LEAKTIDY_LLVM_VERSION} was requested")
  endif()
  if(NOT LLVM_DIR)
    set(LLVM_DIR "/usr/lib/llvm-${LEAKTIDY_LLVM_VERSION}/lib/cmake/llvm")
  endif()
elseif(NOT LLVM_DIR)
  foreach(_major IN LISTS LEAKTIDY_SUPPORTED_LLVM_MAJORS)
    if(EXISTS "/usr/lib/llvm-${_major}/lib/cmake/clang/ClangConfig.cmake")
      set(LLVM_DIR "/usr/lib/llvm-${_major}/lib/cmake/llvm")
      break()
    endif()
  endforeach()
endif()

find_package(LLVM CONFIG)
if(NOT LLVM_FOUND)
  _leaktidy_unsupported("no LLVM CMake package was found (LLVM_DIR='${LLVM_DIR}')")
endif()
if(NOT LLVM_VERSION_MAJOR IN_LIST LEAKTIDY_SUPPORTED_LLVM_MAJORS)
  _leaktidy_unsupported("LLVM ${LLVM_PACKAGE_VERSION} was found at ${LLVM_DIR}")
endif()
if(LEAKTIDY_LLVM_VERSION AND NOT LLVM_VERSION_MAJOR STREQUAL LEAKTIDY_LLVM_VERSION)
  message(FATAL_ERROR
    "LEAKTIDY_LLVM_VERSION=${LEAKTIDY_LLVM_VERSION} but LLVM_DIR points at LLVM "
    "${LLVM_PACKAGE_VERSION}; use one build directory per LLVM major.")
endif()

# Debian's clangd 22 libraries are exported with links to gRPC and protobuf
# CMake targets (remote index support). Only leak-clangd links them; give the
# export plain library names so configuring does not need gRPC's CMake files.
if(NOT TARGET gRPC::grpc++)
  add_library(gRPC::grpc++ INTERFACE IMPORTED)
  set_property(TARGET gRPC::grpc++ PROPERTY INTERFACE_LINK_LIBRARIES "grpc++;grpc;gpr;absl_synchronization")
endif()
if(NOT TARGET protobuf::libprotobuf)
  add_library(protobuf::libprotobuf INTERFACE IMPORTED)
  set_property(TARGET protobuf::libprotobuf PROPERTY INTERFACE_LINK_LIBRARIES "protobuf")
endif()

if(NOT Clang_DIR)
  set(Clang_DIR "${LLVM_LIBRARY_DIR}/cmake/clang")
endif()
find_package(Clang CONFIG)
if(NOT Clang_FOUND)
  message(FATAL_ERROR
    "Clang's CMake package for LLVM ${LLVM_VERSION_MAJOR} was not found (Clang_DIR='${Clang_DIR}'). "
    "Install libclang-${LLVM_VERSION_MAJOR}-dev.")
endif()
foreach(_target clangTidy clangTidyMain)
  if(NOT TARGET ${_target})
    message(FATAL_ERROR "Clang ${LLVM_VERSION_MAJOR} has no '${_target}' target: install libclang-${LLVM_VERSION_MAJOR}-dev.")
  endif()
endforeach()

# clangd's main became a library (clangdMain) in LLVM 17; older majors can
# build leak-tidy and the plugin, not leak-clangd. A normal variable wins over
# the option() declared after this file is included (policy CMP0077).
if(NOT TARGET clangdMain)
  message(STATUS "LeakTidy: clangd ${LLVM_VERSION_MAJOR} has no clangdMain library "
                 "(it exists from LLVM 17 on): leak-clangd is not built")
  set(LEAKTIDY_BUILD_CLANGD OFF)
endif()

# Where the matching tools live (clang-tidy for the plugin, FileCheck, lit, clang++).
set(LEAKTIDY_LLVM_BIN_DIR "${LLVM_TOOLS_BINARY_DIR}")
set(LEAKTIDY_CLANG_RESOURCE_DIR "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}")
message(STATUS "LeakTidy: building against LLVM ${LLVM_PACKAGE_VERSION} (${LLVM_DIR})")
