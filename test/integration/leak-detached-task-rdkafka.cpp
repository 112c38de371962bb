// REQUIRES: rdkafka
// RUN: %check_leak_tidy %s leak-detached-task %t -- -- -std=c++20

// Kafka consumer loops run on threads, with the real rdkafka.h of
// librdkafka-dev: a detached thread polling forever cannot be stopped or
// joined; a thread that is asked to stop and joined can.

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <stop_token>
#include <string>
#include <thread>

void handleOrder(const void *Payload, std::size_t Len);

void startRelay(rd_kafka_t *Consumer) {
  std::thread([Consumer] {
    for (;;) {
      rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 500);
      if (!Msg)
        continue;
      if (!Msg->err)
        handleOrder(Msg->payload, Msg->len);
      rd_kafka_message_destroy(Msg);
    }
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs an endless loop: nothing can stop or join it, so it outlives the request and the objects it uses; run it on a 'std::jthread' and end the loop when its 'std::stop_token' asks to stop [leak-detached-task]
}

// A member thread started and detached: the consumer keeps polling through
// 'this' after the object is gone.
class OrderConsumer {
public:
  explicit OrderConsumer(rd_kafka_t *Consumer) : Consumer_(Consumer) {}
  void start() {
    Worker_ = std::thread([this] {
      // CHECK-FIXES: {{^}}    Worker_ = std::jthread([this](std::stop_token st) {{{$}}
      while (true) {
        // CHECK-FIXES: {{^}}      while (!st.stop_requested()) {{{$}}
        rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer_, 500);
        if (!Msg)
          continue;
        if (!Msg->err)
          Consumed_.fetch_add(1);
        rd_kafka_message_destroy(Msg);
      }
    });
    Worker_.detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: detached thread runs an endless loop
  }
  // CHECK-FIXES: {{^}}    });{{$}}
  // CHECK-FIXES-NOT: {{^}}    Worker_.detach();{{$}}

private:
  rd_kafka_t *Consumer_;
  std::atomic<long> Consumed_{0};
  std::thread Worker_;
  // CHECK-FIXES: {{^}}  std::jthread Worker_;{{$}}
};

// ---- Look-alike negatives -------------------------------------------------

// A member thread whose loop tests a stop flag, stopped and joined by the
// destructor.
class StoppableConsumer {
public:
  explicit StoppableConsumer(rd_kafka_t *Consumer) : Consumer_(Consumer) {
    Worker_ = std::thread([this] {
      while (!Stop_.load()) {
        rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer_, 500);
        if (!Msg)
          continue;
        if (!Msg->err)
          handleOrder(Msg->payload, Msg->len);
        rd_kafka_message_destroy(Msg);
      }
    });
  }
  ~StoppableConsumer() {
    Stop_.store(true);
    Worker_.join();
    rd_kafka_consumer_close(Consumer_);
  }

private:
  rd_kafka_t *Consumer_;
  std::atomic<bool> Stop_{false};
  std::thread Worker_;
};

// A jthread that ends its loop when asked to stop, owned by its object.
class JoinedConsumer {
public:
  explicit JoinedConsumer(rd_kafka_t *Consumer)
      : Worker_([Consumer](std::stop_token St) {
          while (!St.stop_requested()) {
            rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 500);
            if (!Msg)
              continue;
            if (!Msg->err)
              handleOrder(Msg->payload, Msg->len);
            rd_kafka_message_destroy(Msg);
          }
        }) {}

private:
  std::jthread Worker_;
};

// A detached thread that ends once the producer's queue is drained.
void flushInBackground(rd_kafka_t *Producer) {
  std::thread([Producer] {
    while (rd_kafka_outq_len(Producer) > 0)
      rd_kafka_poll(Producer, 100);
  }).detach();
}
