// Code that does not compile produces the compiler's errors and no crash; the
// check still reports what it can recognise in the valid parts.
// RUN: %check_leak_tidy -expect-error %s leak-unawaited-future %t

#include <future>

int compute(int);

void broken() {
  std::async(std::launch::async, compute, undeclared_name);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: error: use of undeclared identifier 'undeclared_name' [clang-diagnostic-error]
  std::async(std::launch::async, compute, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future<int>' returned by 'std::async' is discarded
  std::future<NoSuchType> Missing = std::async(compute, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: error: use of undeclared identifier 'NoSuchType' [clang-diagnostic-error]
}

#include "no/such/header.h"
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'no/such/header.h' file not found [clang-diagnostic-error]
