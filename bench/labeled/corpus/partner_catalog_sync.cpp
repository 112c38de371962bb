// Catalog synchronisation with the partners' REST APIs: one partner pages
// with offset/limit query parameters (cpp-httplib), another with a
// "nextLink" in a JSON page (C++ REST SDK).

#include <cpprest/http_client.h>
#include <cpprest/json.h>
#include <httplib.h>

#include <cstddef>
#include <string>
#include <vector>

using web::http::methods;
using web::http::client::http_client;

namespace partners {

struct Product {
  std::string sku;
  std::string title;
};

std::vector<Product> parseProducts(const std::string &body);
void upsert(const Product &product);

// Offset paging over the whole partner catalogue, kept in memory.
std::vector<Product> fetchAll(httplib::Client &client) {
  std::vector<Product> products;
  int offset = 0;
  while (true) {
    auto reply = client.Get(("/v1/products?limit=100&offset=" + std::to_string(offset)).c_str());
    if (!reply || reply->status != 200)
      break;
    auto page = parseProducts(reply->body);
    if (page.empty())
      break;
    products.insert(products.end(), page.begin(), page.end()); // FINDING: leak-unbounded-pagination
    offset += static_cast<int>(page.size());
  }
  return products;
}

// The same walk, writing each page to the local catalogue.
std::size_t syncAll(httplib::Client &client) {
  std::size_t synced = 0;
  int offset = 0;
  while (true) {
    auto reply = client.Get(("/v1/products?limit=100&offset=" + std::to_string(offset)).c_str());
    if (!reply || reply->status != 200)
      break;
    auto page = parseProducts(reply->body);
    if (page.empty())
      break;
    for (const auto &product : page) // NO-FINDING: leak-unbounded-pagination
      upsert(product);
    synced += page.size();
    offset += static_cast<int>(page.size());
  }
  return synced;
}

// Page-number paging with a hard stop after 20 pages.
std::vector<Product> fetchFirstPages(httplib::Client &client) {
  std::vector<Product> products;
  for (int page = 1; page <= 20; ++page) {
    auto reply = client.Get(("/v1/products?per_page=50&page=" + std::to_string(page)).c_str());
    if (!reply || reply->status != 200)
      break;
    auto items = parseProducts(reply->body);
    if (items.empty())
      break;
    products.insert(products.end(), items.begin(), items.end()); // NO-FINDING: leak-unbounded-pagination
  }
  return products;
}

// nextLink paging, every product kept.
std::vector<Product> fetchAllLinked(http_client &client) {
  std::vector<Product> products;
  utility::string_t next = U("/catalog/items?top=200");
  while (!next.empty()) { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto response = client.request(methods::GET, next).get();
    auto body = response.extract_json().get();
    for (const auto &item : body.at(U("value")).as_array())
      products.push_back(Product{item.at(U("sku")).as_string(), // FINDING: leak-unbounded-pagination
                                 item.at(U("title")).as_string()});
    next = body.has_field(U("nextLink")) ? body.at(U("nextLink")).as_string() : utility::string_t();
  }
  return products;
}

// nextLink paging into a batch that is flushed and cleared every page.
std::size_t syncLinked(http_client &client) {
  std::size_t synced = 0;
  std::vector<Product> batch;
  utility::string_t next = U("/catalog/items?top=200");
  while (!next.empty()) { // NO-FINDING: leak-unbounded-pagination (only the server ends it: CheckRepeatedToken)
    auto response = client.request(methods::GET, next).get();
    auto body = response.extract_json().get();
    for (const auto &item : body.at(U("value")).as_array())
      batch.push_back(Product{item.at(U("sku")).as_string(), // NO-FINDING: leak-unbounded-pagination
                              item.at(U("title")).as_string()});
    for (const auto &product : batch)
      upsert(product);
    synced += batch.size();
    batch.clear();
    next = body.has_field(U("nextLink")) ? body.at(U("nextLink")).as_string() : utility::string_t();
  }
  return synced;
}

// The partners to synchronise: a client per partner, built per item.
std::size_t syncPartners(const std::vector<std::string> &hosts) {
  std::size_t synced = 0;
  for (const auto &host : hosts) {
    httplib::Client client(host); // NO-FINDING: leak-per-request-client
    synced += syncAll(client);
  }
  return synced;
}

// The mirror host is the same for every product: a client per product is
// waste.
void pushToMirror(const std::vector<Product> &products) {
  for (const auto &product : products) {
    httplib::Client mirror("mirror.internal", 8080); // FINDING: leak-per-request-client
    mirror.Post("/v1/products", product.sku + "," + product.title, "text/csv");
  }
}

void pushToMirrorShared(const std::vector<Product> &products) {
  httplib::Client mirror("mirror.internal", 8080); // NO-FINDING: leak-per-request-client
  for (const auto &product : products)
    mirror.Post("/v1/products", product.sku + "," + product.title, "text/csv");
}

} // namespace partners
