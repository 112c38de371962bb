// A project header (included with -I): its code is the user's.
#include <future>

inline void projectHelper(int (*Work)(int)) {
  std::async(std::launch::async, Work, 1);
}
