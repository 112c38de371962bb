// REQUIRES: rdkafka
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// librdkafka consumed messages, topics, configurations and client instances,
// with the real rdkafka.h of librdkafka-dev.

#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

// The message is dropped without rd_kafka_message_destroy when it carries an
// error.
bool pollOne(rd_kafka_t *Consumer, std::string &Out) {
  rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: handle 'Msg' acquired by 'rd_kafka_consumer_poll' is not released on every path: it leaks each time such a path runs; call 'rd_kafka_message_destroy' on every path or own it with 'std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)> Msg(rd_kafka_consumer_poll(Consumer, 1000), &rd_kafka_message_destroy);{{$}}
  if (!Msg)
    return false;
  if (Msg->err) {
    std::fprintf(stderr, "consume failed: %s\n", rd_kafka_message_errstr(Msg));
    // CHECK-FIXES: {{^}}    std::fprintf(stderr, "consume failed: %s\n", rd_kafka_message_errstr(Msg.get()));{{$}}
    return false;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Msg' leaks when the function returns here
  }
  Out.assign(static_cast<const char *>(Msg->payload), Msg->len);
  rd_kafka_message_destroy(Msg);
  return true;
}
// CHECK-FIXES: {{^}}  Out.assign(static_cast<const char *>(Msg->payload), Msg->len);{{$}}
// CHECK-FIXES-NEXT: {{^}}  return true;{{$}}

// An errored message is skipped with 'continue' and overwritten by the next
// poll.
long drain(rd_kafka_t *Consumer, std::vector<std::string> &Out) {
  long Errors = 0;
  for (int I = 0; I < 100; ++I) {
    rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 100);
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: handle 'Msg' acquired by 'rd_kafka_consumer_poll' is acquired again before it is released: every earlier handle leaks; call 'rd_kafka_message_destroy' before acquiring the next one [leak-unreleased-handle]
    // CHECK-FIXES: {{^}}    std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)> Msg(rd_kafka_consumer_poll(Consumer, 100), &rd_kafka_message_destroy);{{$}}
    if (!Msg)
      // CHECK-FIXES: {{^}}    if (!Msg.get()){{$}}
      break;
    if (Msg->err) {
      ++Errors;
      continue;
    }
    Out.emplace_back(static_cast<const char *>(Msg->payload), Msg->len);
    rd_kafka_message_destroy(Msg);
  }
  return Errors;
}
// CHECK-FIXES: {{^}}    Out.emplace_back(static_cast<const char *>(Msg->payload), Msg->len);{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}

// The topic leaks when producing fails.
bool send(rd_kafka_t *Producer, const std::string &Payload) {
  rd_kafka_topic_t *Topic = rd_kafka_topic_new(Producer, "orders", nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: handle 'Topic' acquired by 'rd_kafka_topic_new' is not released on every path: it leaks each time such a path runs; call 'rd_kafka_topic_destroy' on every path or own it with 'std::unique_ptr<rd_kafka_topic_t, decltype(&rd_kafka_topic_destroy)>' [leak-unreleased-handle]
  // CHECK-FIXES: {{^}}  std::unique_ptr<rd_kafka_topic_t, decltype(&rd_kafka_topic_destroy)> Topic(rd_kafka_topic_new(Producer, "orders", nullptr), &rd_kafka_topic_destroy);{{$}}
  if (!Topic)
    return false;
  if (rd_kafka_produce(Topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                       // CHECK-FIXES: {{^}}  if (rd_kafka_produce(Topic.get(), RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,{{$}}
                       const_cast<char *>(Payload.data()), Payload.size(), nullptr, 0,
                       nullptr) != 0)
    return false;
  rd_kafka_topic_destroy(Topic);
  return true;
}

// The configuration leaks when a property is rejected.
rd_kafka_t *makeProducer(const char *Brokers) {
  char Err[512];
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: handle 'Conf' acquired by 'rd_kafka_conf_new' is not released on every path
  if (rd_kafka_conf_set(Conf, "bootstrap.servers", Brokers, Err, sizeof(Err)) != RD_KAFKA_CONF_OK)
    return nullptr;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Conf' leaks when the function returns here
  rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
  if (!Producer)
    rd_kafka_conf_destroy(Conf);
  return Producer;
}

// The consumer instance leaks when the subscription fails.
rd_kafka_t *startConsumer(rd_kafka_conf_t *Conf, const char *TopicName) {
  char Err[512];
  rd_kafka_t *Consumer = rd_kafka_new(RD_KAFKA_CONSUMER, Conf, Err, sizeof(Err));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: handle 'Consumer' acquired by 'rd_kafka_new' is not released on every path
  if (!Consumer)
    return nullptr;
  rd_kafka_poll_set_consumer(Consumer);
  rd_kafka_topic_partition_list_t *Topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(Topics, TopicName, RD_KAFKA_PARTITION_UA);
  const rd_kafka_resp_err_t Rc = rd_kafka_subscribe(Consumer, Topics);
  rd_kafka_topic_partition_list_destroy(Topics);
  if (Rc != RD_KAFKA_RESP_ERR_NO_ERROR)
    return nullptr;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Consumer' leaks when the function returns here
  return Consumer;
}

// The first rejected property destroys the configuration, the second one
// forgets to: the configuration never reaches rd_kafka_new on that path.
rd_kafka_t *makeConsumer(const char *Brokers, const char *Group) {
  char Err[512];
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: handle 'Conf' acquired by 'rd_kafka_conf_new' is not released on every path: it leaks each time such a path runs; call 'rd_kafka_conf_destroy' on every path or own it with 'std::unique_ptr<rd_kafka_conf_t, decltype(&rd_kafka_conf_destroy)>' [leak-unreleased-handle]
  if (rd_kafka_conf_set(Conf, "bootstrap.servers", Brokers, Err, sizeof(Err)) != RD_KAFKA_CONF_OK) {
    rd_kafka_conf_destroy(Conf);
    return nullptr;
  }
  if (rd_kafka_conf_set(Conf, "group.id", Group, Err, sizeof(Err)) != RD_KAFKA_CONF_OK) {
    std::fprintf(stderr, "%s\n", Err);
    return nullptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'Conf' leaks when the function returns here
  }
  rd_kafka_t *Rk = rd_kafka_new(RD_KAFKA_CONSUMER, Conf, Err, sizeof(Err));
  if (!Rk) {
    rd_kafka_conf_destroy(Conf);
    return nullptr;
  }
  return Rk;
}

// ---- Look-alike negatives: released on every path --------------------------

bool pollOneReleased(rd_kafka_t *Consumer, std::string &Out) {
  rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 1000);
  if (!Msg)
    return false;
  const bool Ok = !Msg->err;
  if (Ok)
    Out.assign(static_cast<const char *>(Msg->payload), Msg->len);
  else
    std::fprintf(stderr, "consume failed: %s\n", rd_kafka_message_errstr(Msg));
  rd_kafka_message_destroy(Msg);
  return Ok;
}

long drainReleased(rd_kafka_t *Consumer, std::vector<std::string> &Out) {
  long Errors = 0;
  for (int I = 0; I < 100; ++I) {
    rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 100);
    if (!Msg)
      break;
    if (Msg->err) {
      ++Errors;
      rd_kafka_message_destroy(Msg);
      continue;
    }
    Out.emplace_back(static_cast<const char *>(Msg->payload), Msg->len);
    rd_kafka_message_destroy(Msg);
  }
  return Errors;
}

long drainOwned(rd_kafka_t *Consumer, std::vector<std::string> &Out) {
  long Errors = 0;
  for (int I = 0; I < 100; ++I) {
    std::unique_ptr<rd_kafka_message_t, decltype(&rd_kafka_message_destroy)> Msg(
        rd_kafka_consumer_poll(Consumer, 100), &rd_kafka_message_destroy);
    if (!Msg)
      break;
    if (Msg->err) {
      ++Errors;
      continue;
    }
    Out.emplace_back(static_cast<const char *>(Msg->payload), Msg->len);
  }
  return Errors;
}

bool sendReleased(rd_kafka_t *Producer, const std::string &Payload) {
  rd_kafka_topic_t *Topic = rd_kafka_topic_new(Producer, "orders", nullptr);
  if (!Topic)
    return false;
  const int Rc = rd_kafka_produce(Topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                                  const_cast<char *>(Payload.data()), Payload.size(), nullptr,
                                  0, nullptr);
  rd_kafka_topic_destroy(Topic);
  return Rc == 0;
}

rd_kafka_t *startConsumerReleased(rd_kafka_conf_t *Conf, const char *TopicName) {
  char Err[512];
  rd_kafka_t *Consumer = rd_kafka_new(RD_KAFKA_CONSUMER, Conf, Err, sizeof(Err));
  if (!Consumer)
    return nullptr;
  rd_kafka_poll_set_consumer(Consumer);
  rd_kafka_topic_partition_list_t *Topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(Topics, TopicName, RD_KAFKA_PARTITION_UA);
  const rd_kafka_resp_err_t Rc = rd_kafka_subscribe(Consumer, Topics);
  rd_kafka_topic_partition_list_destroy(Topics);
  if (Rc != RD_KAFKA_RESP_ERR_NO_ERROR) {
    rd_kafka_destroy(Consumer);
    return nullptr;
  }
  return Consumer;
}

// rd_kafka_new takes the configuration over when it succeeds; it stays the
// caller's to destroy only when rd_kafka_new fails.
rd_kafka_t *makeProducerReleased(const char *Brokers) {
  char Err[512];
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(Conf, "bootstrap.servers", Brokers, Err, sizeof(Err)) != RD_KAFKA_CONF_OK) {
    rd_kafka_conf_destroy(Conf);
    return nullptr;
  }
  rd_kafka_t *Rk = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
  if (!Rk) {
    rd_kafka_conf_destroy(Conf);
    return nullptr;
  }
  return Rk;
}

// rd_kafka_topic_new takes the topic configuration over.
rd_kafka_topic_t *ordersTopic(rd_kafka_t *Rk) {
  char Err[512];
  rd_kafka_topic_conf_t *TConf = rd_kafka_topic_conf_new();
  if (rd_kafka_topic_conf_set(TConf, "acks", "all", Err, sizeof(Err)) != RD_KAFKA_CONF_OK) {
    rd_kafka_topic_conf_destroy(TConf);
    return nullptr;
  }
  return rd_kafka_topic_new(Rk, "orders", TConf);
}
