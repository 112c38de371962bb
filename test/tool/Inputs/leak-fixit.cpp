#include <thread>

void flush();

class MetricsPump {
public:
  void start() {
    Pump = std::thread([this] {
      while (true) {
        flush();
      }
    });
    Pump.detach();
  }

private:
  std::thread Pump;
};
