// Test header shaped like Drogon's public API (subset): handlers registered
// on the application, HttpController methods listed with METHOD_ADD, and
// HttpSimpleController's asyncHandleHttpRequest.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drogon {

enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };

class HttpRequest {
public:
  const std::string &getParameter(const std::string &key) const;
  const std::string &body() const;
};
class HttpResponse {
public:
  static std::shared_ptr<HttpResponse> newHttpResponse();
  void setBody(const std::string &body);
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

namespace internal {
class HttpConstraint {
public:
  HttpConstraint(HttpMethod method) : method_(method) {}
  HttpConstraint(const std::string &filterName) : filterName_(filterName) {}

private:
  HttpMethod method_{Invalid};
  std::string filterName_;
};
} // namespace internal

class HttpAppFramework {
public:
  virtual ~HttpAppFramework() = default;
  template <typename FUNCTION>
  HttpAppFramework &registerHandler(const std::string &pathPattern, FUNCTION &&function,
                                    const std::vector<internal::HttpConstraint>
                                        &constraints = {},
                                    const std::string &handlerName = "") {
    addRoute(pathPattern, std::function<void()>{}, handlerName);
    return *this;
  }
  template <typename FUNCTION>
  HttpAppFramework &registerHandlerViaRegex(const std::string &regExp,
                                            FUNCTION &&function,
                                            const std::vector<internal::HttpConstraint>
                                                &constraints = {},
                                            const std::string &handlerName = "") {
    addRoute(regExp, std::function<void()>{}, handlerName);
    return *this;
  }
  virtual HttpAppFramework &addListener(const std::string &ip, unsigned short port) = 0;
  virtual void run() = 0;

private:
  virtual void addRoute(const std::string &pattern, std::function<void()> binder,
                        const std::string &handlerName) = 0;
};

HttpAppFramework &app();

class DrObjectBase {
public:
  virtual ~DrObjectBase() = default;
};
template <typename T> class DrObject : public virtual DrObjectBase {};

class HttpControllerBase {};

template <typename T, bool AutoCreation = true>
class HttpController : public DrObject<T>, public HttpControllerBase {
protected:
  template <typename FUNCTION>
  static void registerMethod(FUNCTION &&function, const std::string &pattern,
                             const std::vector<internal::HttpConstraint> &filtersAndMethods =
                                 std::vector<internal::HttpConstraint>{},
                             bool classFormat = true, const std::string &handlerName = "") {}
};

class HttpSimpleControllerBase : public virtual DrObjectBase {
public:
  virtual void asyncHandleHttpRequest(const HttpRequestPtr &req,
                                      std::function<void(const HttpResponsePtr &)> &&callback) = 0;
};

template <typename T, bool AutoCreation = true>
class HttpSimpleController : public DrObject<T>, public HttpSimpleControllerBase {};

} // namespace drogon

#define METHOD_LIST_BEGIN static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...)                                       \
  registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define ADD_METHOD_TO(method, path_pattern, ...)                               \
  registerMethod(&method, path_pattern, {__VA_ARGS__}, false, #method)
#define METHOD_LIST_END                                                        \
  return;                                                                      \
  }
