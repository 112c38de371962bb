#ifndef POOL_POOL_H
#define POOL_POOL_H

#ifdef __cplusplus
#include <future>

namespace pool {

int run_job(int job);
void dispatch(int job);
std::future<int> submit(int job);

}  // namespace pool

extern "C" {
#endif

unsigned checksum(const char *data, unsigned length);

#ifdef __cplusplus
}
#endif

#endif
