#include <future>

int compute(int);

void handle() {
  std::async(std::launch::async, compute, 1);
  int *Slot = 0;
  (void)Slot;
}
