#include <future>

int compute(int);

void handleBroken() {
  std::async(std::launch::async, compute, undeclared_name);
}
