#include <future>

int compute(int);
void handler() {
  std::async(std::launch::async, compute, 1);
}
