#include "pool/pool.h"

int main() {
  std::future<int> result = pool::submit(21);
  pool::dispatch(1);
  return result.get() == 42 ? 0 : 1;
}
