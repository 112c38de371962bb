#include "pool/pool.h"

// The flags of the target reach leak-tidy: its copts, local_defines and
// defines, and the build's --cxxopt.
#if !defined(POOL_COPT) || !defined(POOL_INTERNAL) || !defined(POOL_ASYNC)
#error "the target's copts, local_defines or defines are missing"
#endif
#if __cplusplus < 202002L
#error "--cxxopt=-std=c++20 is missing"
#endif

namespace pool {

void dispatch(int job) {
#if POOL_ASYNC
  std::async(std::launch::async, run_job, job);
#else
  run_job(job);
#endif
}

}  // namespace pool
