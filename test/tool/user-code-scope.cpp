// The checks look at the user's code only: the main file and the project's
// own headers, in every kind of top-level declaration, but never a system
// header, even with --system-headers. (Up to LLVM 20 clang-tidy itself walks
// the system headers, and the checks match on their own walk of the user's
// top-level declarations; from LLVM 21 clang-tidy skips them.)
// RUN: leak-tidy --checks='-*,leak-unawaited-future' --header-filter='.*' %s -- -std=c++17 -I %S/Inputs/user-code-scope/project -isystem %S/Inputs/user-code-scope/system > %t.out 2>&1
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='warning:'
// RUN: leak-tidy --checks='-*,leak-unawaited-future' --header-filter='.*' --system-headers %s -- -std=c++17 -I %S/Inputs/user-code-scope/project -isystem %S/Inputs/user-code-scope/system > %t.sys 2>&1
// RUN: FileCheck %s --input-file=%t.sys --implicit-check-not='warning:'

#include "project_tasks.h"
#include <vendor_tasks.h>

// CHECK-DAG: project_tasks.h:5:3: warning: 'std::future<int>' returned by 'std::async' is discarded

int work(int Value);

namespace service::inner {
void inNamespace() {
  std::async(std::launch::async, work, 3);
  // CHECK-DAG: user-code-scope.cpp:[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded
}
} // namespace service::inner

extern "C++" {
void inLinkageBlock() {
  std::async(std::launch::async, work, 4);
  // CHECK-DAG: user-code-scope.cpp:[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded
}
}

template <typename T> struct Runner {
  void run(T Value) {
    std::async(std::launch::async, work, 7);
    (void)Value;
    // CHECK-DAG: user-code-scope.cpp:[[@LINE-2]]:5: warning: 'std::future<int>' returned by 'std::async' is discarded
  }
};
template struct Runner<int>;

auto GlobalStarter = [] {
  std::async(std::launch::async, work, 5);
  // CHECK-DAG: user-code-scope.cpp:[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded
};

#define STATEMENT(S) S;
void inMacroArgument() {
  STATEMENT(std::async(std::launch::async, work, 6))
  // CHECK-DAG: user-code-scope.cpp:[[@LINE-1]]:13: warning: 'std::future<int>' returned by 'std::async' is discarded
}

void calls() {
  projectHelper(work);
  vendorHelper(work);
}
