// Test header shaped like Crow's public API (CrowCpp 1.x, subset): an app
// whose routes are rules called with the handler, CROW_ROUTE(app, url)(f).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace crow {

enum class HTTPMethod { Delete, Get, Head, Post, Put, Options, Patch };

struct request {
  std::string url;
  std::string body;
  std::string get_header_value(const std::string &key) const;
};

struct response {
  response() = default;
  explicit response(std::string body) : body(std::move(body)) {}
  response(int code, std::string body) : code(code), body(std::move(body)) {}
  int code = 200;
  std::string body;
};

namespace black_magic {
// The real function computes a tag from the URL's parameters ("<int>").
constexpr std::uint64_t get_parameter_tag(const char *) { return 0; }
} // namespace black_magic

class BaseRule {
public:
  explicit BaseRule(std::string rule) : rule_(std::move(rule)) {}
  virtual ~BaseRule() = default;

protected:
  std::string rule_;
};

class DynamicRule : public BaseRule {
public:
  using BaseRule::BaseRule;
  DynamicRule &methods(HTTPMethod method);
  template <typename Func> void operator()(Func f) { handler_ = std::move(f); }

private:
  std::function<response(const request &)> handler_;
};

template <typename... Args> class TaggedRule : public BaseRule {
public:
  using BaseRule::BaseRule;
  TaggedRule &methods(HTTPMethod method);
  template <typename Func> void operator()(Func &&f) { handler_ = std::forward<Func>(f); }

private:
  std::function<response(const request &, Args...)> handler_;
};

template <typename... Middlewares> class Crow {
public:
  template <std::uint64_t Tag> TaggedRule<> &route(const std::string &rule);
  DynamicRule &route_dynamic(const std::string &rule);
  Crow &port(std::uint16_t port);
  Crow &multithreaded();
  void run();
};

using SimpleApp = Crow<>;

} // namespace crow

#define CROW_ROUTE(app, url)                                                   \
  app.template route<crow::black_magic::get_parameter_tag(url)>(url)
