// A pagination loop that keeps every page, with no library headers.
#include <string>
#include <vector>

struct Page {
  std::vector<int> Items;
  std::string Next;
};
Page fetch(const std::string &Token);

std::vector<int> fetchAll() {
  std::vector<int> All;
  std::string Token;
  do {
    Page P = fetch(Token);
    All.insert(All.end(), P.Items.begin(), P.Items.end());
    Token = P.Next;
  } while (!Token.empty());
  return All;
}
