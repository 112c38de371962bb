// A cursor captured by reference into a deferred lambda, and an owning
// handle to another: what the option tests run on.
#include <functional>
#include <memory>

namespace app {
class Cursor {
public:
  bool next();
};
void defer(std::function<void()> Work);
} // namespace app

void exportRows() {
  app::Cursor Rows;
  app::defer([&Rows] { Rows.next(); });
  auto Shared = std::make_shared<app::Cursor>();
  app::defer([Shared] { Shared->next(); });
  Shared->next();
}
