// REQUIRES: rdkafka, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t

// librdkafka producers made for every request or for every message a
// consumer polls, with the real rdkafka.h of librdkafka-dev; producers made
// once at start-up or before the poll loop and shared are not.

#include <httplib.h>
#include <librdkafka/rdkafka.h>

#include <atomic>
#include <cstddef>
#include <string>

static const char *const kBrokers = "kafka-1.internal:9092,kafka-2.internal:9092";
static std::atomic<bool> Running{true};

void routes(httplib::Server &Server) {
  Server.Post("/events", [](const httplib::Request &Req, httplib::Response &Res) {
    char Err[512];
    rd_kafka_conf_t *Conf = rd_kafka_conf_new();
    rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof(Err));
    rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'rd_kafka_new' is called for every request: each call starts its own broker threads, connections and metadata cache; create it once and share it: a function-local 'static', a member of the service or an injected client [leak-per-request-client]
    if (!Producer) {
      rd_kafka_conf_destroy(Conf);
      Res.status = 503;
      return;
    }
    rd_kafka_producev(Producer, RD_KAFKA_V_TOPIC("events"),
                      RD_KAFKA_V_VALUE(const_cast<char *>(Req.body.data()), Req.body.size()),
                      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_flush(Producer, 1000);
    rd_kafka_destroy(Producer);
    Res.status = 202;
  });
}

// A helper that builds a producer, called by a handler.
static rd_kafka_t *newAuditProducer(char *Err, std::size_t ErrSize) {
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, ErrSize);
  rd_kafka_conf_set(Conf, "acks", "all", Err, ErrSize);
  return rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, ErrSize);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'rd_kafka_new' is called for every request
}

void auditRoutes(httplib::Server &Server) {
  Server.Post("/audit", [](const httplib::Request &Req, httplib::Response &Res) {
    char Err[512];
    rd_kafka_t *Producer = newAuditProducer(Err, sizeof(Err));
    if (!Producer) {
      Res.status = 503;
      return;
    }
    rd_kafka_producev(Producer, RD_KAFKA_V_TOPIC("audit"),
                      RD_KAFKA_V_VALUE(const_cast<char *>(Req.body.data()), Req.body.size()),
                      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_flush(Producer, 1000);
    rd_kafka_destroy(Producer);
    Res.status = 202;
  });
}

// A mirror that builds a producer for every message the consumer polls.
void mirrorAll(rd_kafka_t *Consumer) {
  while (Running) {
    rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 500);
    if (!Msg)
      continue;
    if (Msg->err) {
      rd_kafka_message_destroy(Msg);
      continue;
    }
    char Err[512];
    rd_kafka_conf_t *Conf = rd_kafka_conf_new();
    rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof Err);
    rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof Err);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'rd_kafka_new' is called for every message a loop reads: each call starts its own broker threads, connections and metadata cache; connect once before the loop and reuse the handle [leak-per-request-client]
    if (Producer) {
      rd_kafka_producev(Producer, RD_KAFKA_V_TOPIC("mirror"),
                        RD_KAFKA_V_VALUE(Msg->payload, Msg->len),
                        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
      rd_kafka_flush(Producer, 1000);
      rd_kafka_destroy(Producer);
    } else {
      rd_kafka_conf_destroy(Conf);
    }
    rd_kafka_message_destroy(Msg);
  }
}

// ---- Look-alike negatives -------------------------------------------------

// The producer main makes once, shared by every request.
void sharedRoutes(httplib::Server &Server, rd_kafka_t *Producer) {
  Server.Post("/shared", [Producer](const httplib::Request &Req, httplib::Response &Res) {
    const rd_kafka_resp_err_t Rc = rd_kafka_producev(
        Producer, RD_KAFKA_V_TOPIC("events"),
        RD_KAFKA_V_VALUE(const_cast<char *>(Req.body.data()), Req.body.size()),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_poll(Producer, 0);
    Res.status = Rc == RD_KAFKA_RESP_ERR_NO_ERROR ? 202 : 503;
  });
  // Built by the first request only, in the initializer of a static.
  Server.Post("/lazy", [](const httplib::Request &Req, httplib::Response &Res) {
    static rd_kafka_t *const Lazy = [] {
      char Err[512];
      rd_kafka_conf_t *Conf = rd_kafka_conf_new();
      rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof(Err));
      return rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
    }();
    rd_kafka_producev(Lazy, RD_KAFKA_V_TOPIC("events"),
                      RD_KAFKA_V_VALUE(const_cast<char *>(Req.body.data()), Req.body.size()),
                      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    Res.status = 202;
  });
  // A cluster named by the request.
  Server.Post("/mirror", [](const httplib::Request &Req, httplib::Response &Res) {
    char Err[512];
    rd_kafka_conf_t *Conf = rd_kafka_conf_new();
    rd_kafka_conf_set(Conf, "bootstrap.servers", Req.get_header_value("X-Cluster").c_str(), Err,
                      sizeof(Err));
    rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
    if (Producer)
      rd_kafka_destroy(Producer);
    Res.status = 204;
  });
}

// A member producer made in the constructor.
class Notifier {
public:
  Notifier() {
    char Err[512];
    rd_kafka_conf_t *Conf = rd_kafka_conf_new();
    rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof(Err));
    Producer_ = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
  }
  ~Notifier() { rd_kafka_destroy(Producer_); }
  void routes(httplib::Server &Server) {
    Server.Post("/notify", [this](const httplib::Request &Req, httplib::Response &Res) {
      rd_kafka_producev(Producer_, RD_KAFKA_V_TOPIC("notifications"),
                        RD_KAFKA_V_VALUE(const_cast<char *>(Req.body.data()), Req.body.size()),
                        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
      Res.status = 202;
    });
  }

private:
  rd_kafka_t *Producer_ = nullptr;
};

// The mirror's producer, built once before the poll loop.
void mirrorAllShared(rd_kafka_t *Consumer) {
  char Err[512];
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof Err);
  rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof Err);
  if (!Producer) {
    rd_kafka_conf_destroy(Conf);
    return;
  }
  while (Running) {
    rd_kafka_message_t *Msg = rd_kafka_consumer_poll(Consumer, 500);
    if (!Msg)
      continue;
    if (!Msg->err)
      rd_kafka_producev(Producer, RD_KAFKA_V_TOPIC("mirror"),
                        RD_KAFKA_V_VALUE(Msg->payload, Msg->len),
                        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_message_destroy(Msg);
    rd_kafka_poll(Producer, 0);
  }
  rd_kafka_flush(Producer, 5000);
  rd_kafka_destroy(Producer);
}

int main() {
  char Err[512];
  rd_kafka_conf_t *Conf = rd_kafka_conf_new();
  rd_kafka_conf_set(Conf, "bootstrap.servers", kBrokers, Err, sizeof(Err));
  rd_kafka_t *Producer = rd_kafka_new(RD_KAFKA_PRODUCER, Conf, Err, sizeof(Err));
  if (!Producer)
    return 1;
  httplib::Server Server;
  routes(Server);
  auditRoutes(Server);
  sharedRoutes(Server, Producer);
  Notifier Notify;
  Notify.routes(Server);
  const bool Ok = Server.listen("0.0.0.0", 8080);
  rd_kafka_flush(Producer, 5000);
  rd_kafka_destroy(Producer);
  return Ok ? 0 : 1;
}
