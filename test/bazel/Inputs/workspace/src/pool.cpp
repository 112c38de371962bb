#include "pool/pool.h"

namespace pool {

int run_job(int job) { return job * 2; }

std::future<int> submit(int job) {
  return std::async(std::launch::async, run_job, job);
}

}  // namespace pool
