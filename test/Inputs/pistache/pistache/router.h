// Test header shaped like Pistache's public API (subset): the REST router's
// Routes::Get/Post/... with Routes::bind, and Http::Handler::onRequest.
#pragma once
#include <functional>
#include <memory>
#include <string>

namespace Pistache {
namespace Http {
class Request {
public:
  const std::string &resource() const;
  const std::string &body() const;
};
class ResponseWriter {
public:
  void send(int code, const std::string &body = "");
};
class Handler {
public:
  virtual ~Handler() = default;
  virtual void onRequest(const Request &request, ResponseWriter response) = 0;
  virtual std::shared_ptr<Handler> clone() const = 0;
};
} // namespace Http

namespace Rest {
class Request : public Http::Request {
public:
  template <typename T> T param(const std::string &name) const;
};
namespace Route {
enum class Result { Ok, Failure };
using Handler = std::function<Result(const Rest::Request, Http::ResponseWriter)>;
} // namespace Route

class Router {
public:
  std::shared_ptr<Http::Handler> handler() const;
};

namespace Routes {
void Get(Router &router, const std::string &resource, Route::Handler handler);
void Post(Router &router, const std::string &resource, Route::Handler handler);
void Put(Router &router, const std::string &resource, Route::Handler handler);
void Patch(Router &router, const std::string &resource, Route::Handler handler);
void Delete(Router &router, const std::string &resource, Route::Handler handler);
void Options(Router &router, const std::string &resource, Route::Handler handler);
void Head(Router &router, const std::string &resource, Route::Handler handler);
void NotFound(Router &router, Route::Handler handler);

template <typename Result, typename Cls, typename... Args, typename Obj>
Route::Handler bind(Result (Cls::*func)(Args...), Obj obj) {
  return [=](const Rest::Request &request, Http::ResponseWriter response) {
    (obj->*func)(request, std::move(response));
    return Route::Result::Ok;
  };
}

template <typename Result, typename... Args> Route::Handler bind(Result (*func)(Args...)) {
  return [=](const Rest::Request &request, Http::ResponseWriter response) {
    func(request, std::move(response));
    return Route::Result::Ok;
  };
}
} // namespace Routes
} // namespace Rest
} // namespace Pistache
