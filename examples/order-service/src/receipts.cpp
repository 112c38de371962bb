// POST /orders/<id>/receipt: e-mails a receipt for an order.
#include "orders/service.h"

#include <httplib.h>

#include <chrono>
#include <thread>

namespace orders {

bool send_receipt(std::int64_t order_id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(200)); // SMTP round trip.
  return order_id > 0;
}

void register_receipt_routes(httplib::Server &server, Metrics &metrics) {
  server.Post(R"(/orders/(\d+)/receipt)", [&metrics](const httplib::Request &req,
                                                     httplib::Response &res) {
    metrics.count("/orders/receipt");
    const std::int64_t id = std::stoll(req.matches[1]);

    // LEAK (unawaited future): meant to send the mail "in the background",
    // but the discarded future blocks here until the mail is sent, and a
    // failure to send is silently lost.
    std::async(std::launch::async, send_receipt, id);

    res.status = 202;
  });

  // Fine: the future is kept and its result reported.
  server.Post(R"(/orders/(\d+)/receipt/sync)", [](const httplib::Request &req,
                                                  httplib::Response &res) {
    const std::int64_t id = std::stoll(req.matches[1]);
    auto sent = std::async(std::launch::async, send_receipt, id);
    res.status = sent.get() ? 200 : 502;
  });
}

} // namespace orders
