#include <future>

int compute(int);

void handleUtf8() {
  /* été */ std::async(std::launch::async, compute, 4);
}
