// REQUIRES: curl
// RUN: %check_leak_tidy %s leak-unreleased-handle %t

// Easy handles and header lists of libcurl, with the real curl/curl.h.

#include <curl/curl.h>

#include <memory>
#include <string>

bool notify(const std::string &Url) {
  CURL *Curl = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'Curl' acquired by 'curl_easy_init' is not released on every path: it leaks each time such a path runs; call 'curl_easy_cleanup' on every path or own it with 'std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>' [leak-unreleased-handle]
  if (!Curl)
    return false;
  curl_easy_setopt(Curl, CURLOPT_URL, Url.c_str());
  if (curl_easy_perform(Curl) != CURLE_OK)
    return false;
  curl_easy_cleanup(Curl);
  return true;
}

bool notifyReleased(const std::string &Url) {
  CURL *Curl = curl_easy_init();
  if (Curl == nullptr)
    return false;
  curl_easy_setopt(Curl, CURLOPT_URL, Url.c_str());
  const CURLcode Rc = curl_easy_perform(Curl);
  curl_easy_cleanup(Curl);
  return Rc == CURLE_OK;
}

bool postJson(CURL *Curl, const std::string &Body) {
  struct curl_slist *Headers = nullptr;
  Headers = curl_slist_append(Headers, "Content-Type: application/json");
  Headers = curl_slist_append(Headers, "Accept: application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: handle 'Headers' acquired by 'curl_slist_append' is not released on every path
  curl_easy_setopt(Curl, CURLOPT_HTTPHEADER, Headers);
  curl_easy_setopt(Curl, CURLOPT_POSTFIELDS, Body.c_str());
  if (curl_easy_perform(Curl) != CURLE_OK)
    return false;
  curl_slist_free_all(Headers);
  return true;
}

bool postJsonReleased(CURL *Curl, const std::string &Body) {
  struct curl_slist *Headers = nullptr;
  Headers = curl_slist_append(Headers, "Content-Type: application/json");
  curl_easy_setopt(Curl, CURLOPT_HTTPHEADER, Headers);
  curl_easy_setopt(Curl, CURLOPT_POSTFIELDS, Body.c_str());
  const bool Ok = curl_easy_perform(Curl) == CURLE_OK;
  curl_slist_free_all(Headers);
  return Ok;
}

class Notifier {
public:
  Notifier() : Curl(curl_easy_init()) {}
  ~Notifier() { curl_easy_cleanup(Curl); }
  void reset() {
    CURL *Fresh = curl_easy_init();
    curl_easy_cleanup(Curl);
    Curl = Fresh;
  }

private:
  CURL *Curl;
};

std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> makeHandle() {
  return {curl_easy_init(), &curl_easy_cleanup};
}
