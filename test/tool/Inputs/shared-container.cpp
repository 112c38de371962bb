#include <crow.h>
#include <string>
#include <vector>
std::vector<std::string> gSeen;
void track(const crow::request &Req) {
  gSeen.push_back(Req.url);
}
