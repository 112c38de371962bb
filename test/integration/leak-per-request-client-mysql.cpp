// REQUIRES: mariadb, mysqlcppconn, httplib
// RUN: %check_leak_tidy %s leak-per-request-client %t -- -- -I /usr/include/mariadb

// MySQL connections opened for every request, through the C API of
// libmariadb and through Connector/C++, with the real headers.

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <httplib.h>
#include <mysql.h>

#include <memory>
#include <string>

struct DbConfig {
  std::string Host = "db.internal";
  std::string User = "orders";
  std::string Password;
  std::string Schema = "shop";
};

class OrderRoutes {
public:
  explicit OrderRoutes(DbConfig Config) : Config(std::move(Config)) {
    // Once, when the service starts: not per request.
    Shared = mysql_init(nullptr);
    mysql_real_connect(Shared, this->Config.Host.c_str(),
                       this->Config.User.c_str(),
                       this->Config.Password.c_str(),
                       this->Config.Schema.c_str(), 3306, nullptr, 0);
  }

  void install(httplib::Server &Server) {
    Server.Get("/orders/count", [this](const httplib::Request &,
                                       httplib::Response &Res) {
      MYSQL *Conn = mysql_init(nullptr);
      if (!mysql_real_connect(Conn, Config.Host.c_str(), Config.User.c_str(),
                              // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'mysql_real_connect' is called for every request: each call opens a socket, authenticates and starts a session on the MySQL server; take a connection from a pool for the request, or keep one per thread ('thread_local'); a MySQL connection must not be used by two threads at once [leak-per-request-client]
                              Config.Password.c_str(), Config.Schema.c_str(),
                              3306, nullptr, 0)) {
        mysql_close(Conn);
        Res.status = 503;
        return;
      }
      Res.set_content(mysql_get_server_info(Conn), "text/plain");
      mysql_close(Conn);
    });

    Server.Get("/orders/owner", [this](const httplib::Request &,
                                       httplib::Response &Res) {
      sql::Driver *Driver = get_driver_instance();
      std::unique_ptr<sql::Connection> Conn(
          Driver->connect(Config.Host, Config.User, Config.Password));
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'sql::Driver::connect' is called for every request: each call opens a socket, authenticates and starts a session on the MySQL server; take a connection from a pool for the request
      Conn->setSchema(Config.Schema);
      Res.set_content("ok", "text/plain");
    });

    // The connection made when the service started, used under its lock.
    Server.Get("/orders/ping", [this](const httplib::Request &,
                                      httplib::Response &Res) {
      Res.status = mysql_ping(Shared) == 0 ? 200 : 503;
    });

    // One connection per thread, opened the first time the thread serves.
    Server.Get("/orders/cached", [this](const httplib::Request &,
                                        httplib::Response &Res) {
      thread_local std::unique_ptr<sql::Connection> Conn(
          get_driver_instance()->connect(Config.Host, Config.User,
                                         Config.Password));
      Res.set_content(Conn->getSchema().asStdString(), "text/plain");
    });
  }

private:
  DbConfig Config;
  MYSQL *Shared = nullptr;
};

// A batch job connects once, outside any request.
int main() {
  MYSQL *Conn = mysql_init(nullptr);
  if (!mysql_real_connect(Conn, "db.internal", "batch", "", "shop", 3306,
                          nullptr, 0))
    return 1;
  mysql_close(Conn);
  httplib::Server Server;
  OrderRoutes Routes(DbConfig{});
  Routes.install(Server);
  return Server.listen("0.0.0.0", 8080) ? 0 : 1;
}
