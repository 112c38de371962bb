// RUN: %check_leak_tidy -expect-error %s leak-unbounded-shared-container %t -- -- -I %S/../Inputs/crow

// Templates, macros and code that does not compile: no crash, and no finding
// the user cannot act on.

#include <crow.h>

#include <map>
#include <string>
#include <vector>

// A service template: its containers depend on the parameter.
template <typename Key> class Index {
public:
  void install(crow::SimpleApp &App) {
    CROW_ROUTE(App, "/index")([this](const crow::request &Req) {
      Keys_.push_back(Key(Req.url));
      return crow::response("ok");
    });
  }

private:
  std::vector<Key> Keys_;
};
template class Index<std::string>;

// An insertion written in the body of the project's own macro.
#define REMEMBER(container, value) (container).push_back(value)
std::vector<std::string> gMacroSeen;
void viaMacro(const crow::request &Req) { REMEMBER(gMacroSeen, Req.url); }

// Code that does not compile around a real finding.
std::vector<std::string> gSeen;
std::map<std::string, int> gCounts;
void broken(const crow::request &Req) {
  gSeen.push_back(undeclared_value);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: error: use of undeclared identifier 'undeclared_value' [clang-diagnostic-error]
  gCounts[Req.url] += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gCounts' grows with every request and lives beyond it as a global; nothing
  NoSuchContainer.insert(Req.url);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'NoSuchContainer' [clang-diagnostic-error]
}
