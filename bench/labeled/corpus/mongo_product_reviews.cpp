// FLAGS: -I/usr/include/libmongoc-1.0 -I/usr/include/libbson-1.0
// Product review service of the storefront, on MongoDB (C driver). Shoppers
// read and post reviews over HTTP (cpp-httplib), moderators work through the
// flagged ones, and a nightly job recomputes the rating of every product.

#include <bson/bson.h>
#include <mongoc/mongoc.h>

#include <httplib.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace reviews {

const char *mongoUri();
void logError(const std::string &message);
void logInfo(const std::string &message);
void publishRating(const std::string &sku, double rating, long count);

struct Review {
  std::string id;
  std::string sku;
  std::string author;
  int rating = 0;
  std::string text;
};

std::string text(const bson_t *doc, const char *name) {
  bson_iter_t iter;
  if (bson_iter_init_find(&iter, doc, name) && BSON_ITER_HOLDS_UTF8(&iter))
    return bson_iter_utf8(&iter, nullptr);
  return {};
}

int number(const bson_t *doc, const char *name) {
  bson_iter_t iter;
  if (bson_iter_init_find(&iter, doc, name) && BSON_ITER_HOLDS_INT32(&iter))
    return bson_iter_int32(&iter);
  return 0;
}

Review toReview(const bson_t *doc) {
  return Review{text(doc, "_id"), text(doc, "sku"), text(doc, "author"), number(doc, "rating"),
                text(doc, "text")};
}

std::string render(const std::vector<Review> &reviews) {
  std::string body;
  for (const auto &r : reviews)
    body += r.author + " (" + std::to_string(r.rating) + "/5): " + r.text + "\n";
  return body;
}

// A client borrowed from the service's pool for the length of a request.
class PooledClient {
public:
  explicit PooledClient(mongoc_client_pool_t *pool) : pool_(pool), client_(mongoc_client_pool_pop(pool)) {} // NO-FINDING: leak-unreleased-handle
  ~PooledClient() { mongoc_client_pool_push(pool_, client_); }
  PooledClient(const PooledClient &) = delete;
  PooledClient &operator=(const PooledClient &) = delete;
  mongoc_client_t *get() const { return client_; }

private:
  mongoc_client_pool_t *pool_;
  mongoc_client_t *client_;
};

// Every review of a product, newest first.
std::vector<Review> productReviews(mongoc_client_t *client, const std::string &sku) {
  std::vector<Review> out;
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = bson_new(); // NO-FINDING: leak-unreleased-handle
  BSON_APPEND_UTF8(filter, "sku", sku.c_str());
  bson_t *opts = BCON_NEW("sort", "{", "created", BCON_INT32(-1), "}");
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, opts, nullptr); // NO-FINDING: leak-unreleased-handle
  const bson_t *doc = nullptr;
  while (mongoc_cursor_next(cursor, &doc))
    out.push_back(toReview(doc)); // FINDING: leak-unbounded-pagination
  bson_error_t error;
  if (mongoc_cursor_error(cursor, &error))
    logError(std::string("reviews of ") + sku + ": " + error.message);
  mongoc_cursor_destroy(cursor);
  bson_destroy(opts);
  bson_destroy(filter);
  mongoc_collection_destroy(coll);
  return out;
}

// The product page shows the 20 newest reviews: the server stops there.
std::vector<Review> latestReviews(mongoc_client_t *client, const std::string &sku) {
  std::vector<Review> out;
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t filter;
  bson_init(&filter);
  BSON_APPEND_UTF8(&filter, "sku", sku.c_str());
  bson_t *opts = BCON_NEW("limit", BCON_INT64(20), "sort", "{", "created", BCON_INT32(-1), "}");
  std::unique_ptr<mongoc_cursor_t, decltype(&mongoc_cursor_destroy)> cursor(
      mongoc_collection_find_with_opts(coll, &filter, opts, nullptr), &mongoc_cursor_destroy); // NO-FINDING: leak-unreleased-handle
  const bson_t *doc = nullptr;
  while (mongoc_cursor_next(cursor.get(), &doc))
    out.push_back(toReview(doc)); // NO-FINDING: leak-unbounded-pagination
  bson_destroy(opts);
  bson_destroy(&filter);
  mongoc_collection_destroy(coll);
  return out;
}

// Reviews written by one shopper, for their profile page; at most 100 are
// kept. A failed query answers with an empty list.
std::vector<Review> reviewsByAuthor(mongoc_client_t *client, const std::string &author) {
  constexpr std::size_t kMaxReviews = 100;
  std::vector<Review> out;
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("author", BCON_UTF8(author.c_str()));
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, nullptr, nullptr); // FINDING: leak-unreleased-handle
  bson_destroy(filter);
  const bson_t *doc = nullptr;
  while (out.size() < kMaxReviews && mongoc_cursor_next(cursor, &doc))
    out.push_back(toReview(doc)); // NO-FINDING: leak-unbounded-pagination
  bson_error_t error;
  if (mongoc_cursor_error(cursor, &error)) {
    logError(std::string("reviews by ") + author + ": " + error.message);
    mongoc_collection_destroy(coll);
    return {};
  }
  mongoc_cursor_destroy(cursor);
  mongoc_collection_destroy(coll);
  return out;
}

// Number of reviews of a product; -1 when the count fails.
long reviewCount(mongoc_client_t *client, const std::string &sku) {
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // FINDING: leak-unreleased-handle
  bson_t *filter = bson_new(); // NO-FINDING: leak-unreleased-handle
  BSON_APPEND_UTF8(filter, "sku", sku.c_str());
  bson_error_t error;
  const int64_t count = mongoc_collection_count_documents(coll, filter, nullptr, nullptr, nullptr, &error);
  bson_destroy(filter);
  if (count < 0) {
    logError(std::string("count of ") + sku + ": " + error.message);
    return -1;
  }
  mongoc_collection_destroy(coll);
  return static_cast<long>(count);
}

// Average rating of a product, summed on the cursor; -1 without reviews.
double averageRating(const std::string &sku) {
  mongoc_client_t *client = mongoc_client_new(mongoUri()); // FINDING: leak-per-request-client
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("sku", BCON_UTF8(sku.c_str()));
  bson_t *opts = BCON_NEW("projection", "{", "rating", BCON_INT32(1), "}");
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, opts, nullptr); // NO-FINDING: leak-unreleased-handle
  long sum = 0, count = 0;
  const bson_t *doc = nullptr;
  while (mongoc_cursor_next(cursor, &doc)) { // NO-FINDING: leak-unbounded-pagination
    sum += number(doc, "rating");
    ++count;
  }
  mongoc_cursor_destroy(cursor);
  bson_destroy(opts);
  bson_destroy(filter);
  mongoc_collection_destroy(coll);
  mongoc_client_destroy(client);
  return count == 0 ? -1.0 : static_cast<double>(sum) / static_cast<double>(count);
}

// Stores a new review; false when the document is too large or the insert
// fails.
bool postReview(mongoc_client_t *client, const Review &review) {
  bson_t *doc = bson_new(); // FINDING: leak-unreleased-handle
  BSON_APPEND_UTF8(doc, "sku", review.sku.c_str());
  BSON_APPEND_UTF8(doc, "author", review.author.c_str());
  BSON_APPEND_INT32(doc, "rating", review.rating);
  BSON_APPEND_DATE_TIME(doc, "created", static_cast<int64_t>(time(nullptr)) * 1000);
  if (!BSON_APPEND_UTF8(doc, "text", review.text.c_str()))
    return false;
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_error_t error;
  const bool ok = mongoc_collection_insert_one(coll, doc, nullptr, nullptr, &error);
  if (!ok)
    logError(std::string("insert failed: ") + error.message);
  mongoc_collection_destroy(coll);
  bson_destroy(doc);
  return ok;
}

// Applies a moderator's edit, given as a JSON object of the fields to set.
// 400 for malformed JSON, 422 when it tries to change the author.
int applyEdit(mongoc_client_t *client, const std::string &reviewId, const std::string &json) {
  bson_error_t error;
  bson_t *fields = bson_new_from_json(reinterpret_cast<const uint8_t *>(json.data()), // FINDING: leak-unreleased-handle
                                      static_cast<ssize_t>(json.size()), &error);
  if (!fields)
    return 400;
  if (bson_has_field(fields, "author"))
    return 422;
  bson_t *selector = BCON_NEW("_id", BCON_UTF8(reviewId.c_str()));
  bson_t update;
  bson_init(&update);
  BSON_APPEND_DOCUMENT(&update, "$set", fields);
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  const bool ok = mongoc_collection_update_one(coll, selector, &update, nullptr, nullptr, &error);
  mongoc_collection_destroy(coll);
  bson_destroy(&update);
  bson_destroy(selector);
  bson_destroy(fields);
  return ok ? 204 : 500;
}

// One review as extended JSON, for the moderation console; empty when it
// does not exist.
std::string reviewJson(mongoc_client_t *client, const std::string &reviewId) {
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("_id", BCON_UTF8(reviewId.c_str()));
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, nullptr, nullptr); // NO-FINDING: leak-unreleased-handle
  const bson_t *doc = nullptr;
  std::string body;
  if (mongoc_cursor_next(cursor, &doc)) {
    char *json = bson_as_relaxed_extended_json(doc, nullptr); // NO-FINDING: leak-unreleased-handle
    body = json;
    bson_free(json);
  }
  mongoc_cursor_destroy(cursor);
  bson_destroy(filter);
  mongoc_collection_destroy(coll);
  return body;
}

// The flag history of a review as JSON, for the audit trail; the history
// document is small and read whole.
std::string flagHistory(mongoc_client_t *client, const std::string &reviewId) {
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "flags"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("review", BCON_UTF8(reviewId.c_str()));
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, nullptr, nullptr); // NO-FINDING: leak-unreleased-handle
  const bson_t *doc = nullptr;
  std::string body;
  if (mongoc_cursor_next(cursor, &doc)) {
    char *json = bson_as_json(doc, nullptr); // FINDING: leak-unreleased-handle
    if (!bson_has_field(doc, "entries")) {
      mongoc_cursor_destroy(cursor);
      bson_destroy(filter);
      mongoc_collection_destroy(coll);
      return "{}";
    }
    body = json;
    bson_free(json);
  }
  mongoc_cursor_destroy(cursor);
  bson_destroy(filter);
  mongoc_collection_destroy(coll);
  return body;
}

// Streams every flagged review as one JSON document per line; false when
// the moderator's client went away.
bool streamFlagged(mongoc_client_t *client, httplib::DataSink &sink) {
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "reviews"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("flagged", BCON_BOOL(true));
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, nullptr, nullptr); // NO-FINDING: leak-unreleased-handle
  bson_destroy(filter);
  bool ok = true;
  const bson_t *doc = nullptr;
  while (ok && mongoc_cursor_next(cursor, &doc)) { // NO-FINDING: leak-unbounded-pagination
    char *json = bson_as_relaxed_extended_json(doc, nullptr); // NO-FINDING: leak-unreleased-handle
    std::string line = std::string(json) + "\n";
    bson_free(json);
    ok = sink.write(line.data(), line.size());
  }
  mongoc_cursor_destroy(cursor);
  mongoc_collection_destroy(coll);
  if (ok)
    sink.done();
  return ok;
}

// Every SKU that has at least one review, for the nightly rating run.
std::vector<std::string> reviewedSkus(mongoc_client_t *client) {
  std::vector<std::string> skus;
  mongoc_collection_t *coll = mongoc_client_get_collection(client, "shop", "products"); // NO-FINDING: leak-unreleased-handle
  bson_t *filter = BCON_NEW("reviewCount", "{", "$gt", BCON_INT32(0), "}");
  bson_t *opts = BCON_NEW("projection", "{", "sku", BCON_INT32(1), "}");
  mongoc_cursor_t *cursor = mongoc_collection_find_with_opts(coll, filter, opts, nullptr); // NO-FINDING: leak-unreleased-handle
  const bson_t *doc = nullptr;
  while (mongoc_cursor_next(cursor, &doc))
    skus.push_back(text(doc, "sku")); // FINDING: leak-unbounded-pagination
  mongoc_cursor_destroy(cursor);
  bson_destroy(opts);
  bson_destroy(filter);
  mongoc_collection_destroy(coll);
  return skus;
}

// Run once by main before the server starts listening.
bool databaseReachable() {
  mongoc_client_t *client = mongoc_client_new(mongoUri()); // NO-FINDING: leak-per-request-client
  if (!client)
    return false;
  bson_t *ping = BCON_NEW("ping", BCON_INT32(1));
  bson_error_t error;
  const bool ok = mongoc_client_command_simple(client, "admin", ping, nullptr, nullptr, &error);
  bson_destroy(ping);
  mongoc_client_destroy(client);
  return ok;
}

class ReviewService {
public:
  ReviewService() {
    bson_error_t error;
    mongoc_uri_t *uri = mongoc_uri_new_with_error(mongoUri(), &error); // NO-FINDING: leak-unreleased-handle
    if (!uri) {
      logError(std::string("bad MongoDB URI: ") + error.message);
      return;
    }
    pool_ = mongoc_client_pool_new(uri);
    mongoc_client_pool_set_appname(pool_, "product-reviews");
    mongoc_uri_destroy(uri);
    // Moderation events go through a client of their own, opened once.
    audit_ = mongoc_client_new(mongoUri()); // NO-FINDING: leak-per-request-client
  }

  ~ReviewService() {
    if (audit_)
      mongoc_client_destroy(audit_);
    if (pool_)
      mongoc_client_pool_destroy(pool_);
  }

  void registerRoutes(httplib::Server &server) {
    server.Get(R"(/products/([\w-]+)/reviews)", [this](const httplib::Request &req, httplib::Response &res) {
      PooledClient client(pool_); // NO-FINDING: leak-per-request-client
      res.set_content(render(productReviews(client.get(), req.matches[1])), "text/plain");
    });

    server.Get(R"(/products/([\w-]+)/reviews/latest)", [this](const httplib::Request &req, httplib::Response &res) {
      PooledClient client(pool_);
      res.set_content(render(latestReviews(client.get(), req.matches[1])), "text/plain");
    });

    server.Get(R"(/authors/([\w-]+)/reviews)", [this](const httplib::Request &req, httplib::Response &res) {
      PooledClient client(pool_);
      res.set_content(render(reviewsByAuthor(client.get(), req.matches[1])), "text/plain");
    });

    // The review count badge opens a client of its own on every call.
    server.Get(R"(/products/([\w-]+)/reviews/count)", [](const httplib::Request &req, httplib::Response &res) {
      mongoc_client_t *client = mongoc_client_new(mongoUri()); // FINDING: leak-per-request-client
      const long count = reviewCount(client, req.matches[1]);
      mongoc_client_destroy(client);
      if (count < 0) {
        res.status = 503;
        return;
      }
      res.set_content(std::to_string(count), "text/plain");
    });

    server.Get(R"(/products/([\w-]+)/rating)", [](const httplib::Request &req, httplib::Response &res) {
      const double rating = averageRating(req.matches[1]);
      if (rating < 0) {
        res.status = 404;
        return;
      }
      res.set_content(std::to_string(rating), "text/plain");
    });

    server.Post(R"(/products/([\w-]+)/reviews)", [this](const httplib::Request &req, httplib::Response &res) {
      mongoc_client_t *client = mongoc_client_pool_pop(pool_); // FINDING: leak-unreleased-handle
      Review review{{}, req.matches[1], req.get_header_value("X-User"),
                    std::atoi(req.get_param_value("rating").c_str()), req.body};
      if (review.rating < 1 || review.rating > 5) {
        res.status = 422;
        return;
      }
      res.status = postReview(client, review) ? 201 : 503;
      mongoc_client_pool_push(pool_, client);
    });

    server.Patch(R"(/reviews/([\w-]+))", [this](const httplib::Request &req, httplib::Response &res) {
      mongoc_client_t *client = mongoc_client_pool_pop(pool_); // NO-FINDING: leak-unreleased-handle, leak-per-request-client
      res.status = applyEdit(client, req.matches[1], req.body);
      mongoc_client_pool_push(pool_, client);
      recordModeration(req.matches[1], "edit");
    });

    server.Get(R"(/reviews/([\w-]+))", [this](const httplib::Request &req, httplib::Response &res) {
      PooledClient client(pool_);
      const std::string json = reviewJson(client.get(), req.matches[1]);
      if (json.empty()) {
        res.status = 404;
        return;
      }
      res.set_content(json, "application/json");
    });

    server.Get(R"(/reviews/([\w-]+)/flags)", [this](const httplib::Request &req, httplib::Response &res) {
      PooledClient client(pool_);
      res.set_content(flagHistory(client.get(), req.matches[1]), "application/json");
    });

    // The moderation queue is read from a secondary through a client built
    // for the request from a URI with the read preference set.
    server.Get("/moderation/flagged", [](const httplib::Request &, httplib::Response &res) {
      mongoc_uri_t *uri = mongoc_uri_new(mongoUri()); // NO-FINDING: leak-unreleased-handle
      mongoc_uri_set_option_as_utf8(uri, MONGOC_URI_READPREFERENCE, "secondaryPreferred");
      mongoc_client_t *client = mongoc_client_new_from_uri(uri); // FINDING: leak-per-request-client
      mongoc_uri_destroy(uri);
      res.set_chunked_content_provider(
          "application/x-ndjson",
          [client](std::size_t, httplib::DataSink &sink) { return streamFlagged(client, sink); },
          [client](bool) { mongoc_client_destroy(client); });
    });
  }

  // Nightly: recomputes the rating of every reviewed product, with a client
  // of its own for each product.
  void refreshRatings() {
    std::vector<std::string> skus;
    {
      PooledClient client(pool_);
      skus = reviewedSkus(client.get());
    }
    for (const auto &sku : skus) {
      mongoc_client_t *client = mongoc_client_new(mongoUri()); // FINDING: leak-per-request-client
      const long count = reviewCount(client, sku);
      mongoc_client_destroy(client);
      publishRating(sku, averageRating(sku), count);
    }
  }

  // Nightly: the same counts for the search index, on one client.
  void exportCounts(const std::vector<std::string> &skus) {
    mongoc_client_t *client = mongoc_client_new(mongoUri()); // NO-FINDING: leak-per-request-client
    for (const auto &sku : skus)
      logInfo(sku + " " + std::to_string(reviewCount(client, sku)));
    mongoc_client_destroy(client);
  }

private:
  // The audit client is not thread-safe: one request at a time uses it.
  void recordModeration(const std::string &reviewId, const char *action) {
    std::lock_guard<std::mutex> lock(auditMutex_);
    mongoc_collection_t *coll = mongoc_client_get_collection(audit_, "shop", "moderation"); // NO-FINDING: leak-unreleased-handle
    bson_t *event = BCON_NEW("review", BCON_UTF8(reviewId.c_str()), "action", BCON_UTF8(action));
    bson_error_t error;
    if (!mongoc_collection_insert_one(coll, event, nullptr, nullptr, &error))
      logError(std::string("moderation log: ") + error.message);
    bson_destroy(event);
    mongoc_collection_destroy(coll);
  }

  mongoc_client_pool_t *pool_ = nullptr;
  std::mutex auditMutex_;
  mongoc_client_t *audit_ = nullptr;
};

} // namespace reviews
