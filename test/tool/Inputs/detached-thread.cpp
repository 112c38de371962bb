#include <thread>

void flush();

void start() {
  std::thread([] {
    while (true)
      flush();
    // Nothing stops this loop.
  }).detach();
}
