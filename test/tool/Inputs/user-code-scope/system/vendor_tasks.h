// A third-party header (included with -isystem): not the user's code.
#include <future>

inline void vendorHelper(int (*Work)(int)) {
  std::async(std::launch::async, Work, 2);
}
