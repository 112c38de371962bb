#include "pool/pool.h"

#ifdef __cplusplus
#error "a C source is analysed as C"
#endif

unsigned checksum(const char *data, unsigned length) {
  unsigned sum = 0;
  for (unsigned i = 0; i < length; ++i)
    sum = sum * 31 + (unsigned char)data[i];
  return sum;
}
