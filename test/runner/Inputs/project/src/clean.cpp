#include <future>

int compute(int);

int handleClean() {
  auto Reply = std::async(std::launch::async, compute, 2);
  return Reply.get();
}
