// Audit log reader of the compliance service, written against libpq. A
// gRPC-less internal HTTP API (cpp-httplib) serves auditors; a batch job
// exports the log per tenant.

#include <libpq-fe.h>

#include <httplib.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace audit {

struct Entry {
  std::string at;
  std::string actor;
  std::string action;
};

const char *conninfo();

// Reads every entry of a tenant with LIMIT/OFFSET into memory.
std::vector<Entry> readAll(PGconn *conn, const std::string &tenant) {
  std::vector<Entry> entries;
  int offset = 0;
  while (true) {
    std::string offsetText = std::to_string(offset);
    const char *params[2] = {tenant.c_str(), offsetText.c_str()};
    PGresult *res = PQexecParams(conn,
                                 "SELECT at, actor, action FROM audit WHERE tenant = $1 "
                                 "ORDER BY at LIMIT 500 OFFSET $2",
                                 2, nullptr, params, nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) == 0) {
      PQclear(res);
      break;
    }
    int rows = PQntuples(res);
    for (int i = 0; i < rows; ++i)
      entries.push_back(Entry{PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), // FINDING: leak-unbounded-pagination
                              PQgetvalue(res, i, 2)});
    offset += rows;
    PQclear(res);
  }
  return entries;
}

// Streams a tenant's log to a file page by page: nothing accumulates.
long exportTo(PGconn *conn, const std::string &tenant, std::FILE *out) {
  long written = 0;
  int offset = 0;
  for (;;) {
    std::string offsetText = std::to_string(offset);
    const char *params[2] = {tenant.c_str(), offsetText.c_str()};
    PGresult *res = PQexecParams(conn,
                                 "SELECT at, actor, action FROM audit WHERE tenant = $1 "
                                 "ORDER BY at LIMIT 1000 OFFSET $2",
                                 2, nullptr, params, nullptr, nullptr, 0);
    int rows = PQresultStatus(res) == PGRES_TUPLES_OK ? PQntuples(res) : 0;
    for (int i = 0; i < rows; ++i) // NO-FINDING: leak-unbounded-pagination
      written += std::fprintf(out, "%s\t%s\t%s\n", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
                              PQgetvalue(res, i, 2));
    PQclear(res);
    if (rows == 0)
      break;
    offset += rows;
  }
  return written;
}

// The auditor UI shows the last 50 entries; one query, no loop.
std::vector<Entry> latest(PGconn *conn, const std::string &tenant) {
  std::vector<Entry> entries;
  const char *params[1] = {tenant.c_str()};
  PGresult *res = PQexecParams(conn,
                               "SELECT at, actor, action FROM audit WHERE tenant = $1 "
                               "ORDER BY at DESC LIMIT 50",
                               1, nullptr, params, nullptr, nullptr, 0);
  for (int i = 0; i < PQntuples(res); ++i)
    entries.push_back(Entry{PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), // NO-FINDING: leak-unbounded-pagination
                            PQgetvalue(res, i, 2)});
  PQclear(res);
  return entries;
}

std::string render(const std::vector<Entry> &entries) {
  std::string body;
  for (const auto &e : entries)
    body += e.at + " " + e.actor + " " + e.action + "\n";
  return body;
}

void registerAuditRoutes(httplib::Server &server) {
  server.Get(R"(/audit/(\w+)/latest)", [](const httplib::Request &req, httplib::Response &res) {
    PGconn *conn = PQconnectdb(conninfo()); // FINDING: leak-per-request-client
    res.set_content(render(latest(conn, req.matches[1])), "text/plain");
    PQfinish(conn);
  });

  server.Get(R"(/audit/(\w+)/all)", [](const httplib::Request &req, httplib::Response &res) {
    thread_local PGconn *conn = PQconnectdb(conninfo()); // NO-FINDING: leak-per-request-client
    res.set_content(render(readAll(conn, req.matches[1])), "text/plain");
  });

  // The tenant's own database, named by the request: a shared connection
  // would need a cache keyed by tenant.
  server.Get(R"(/audit/(\w+)/own)", [](const httplib::Request &req, httplib::Response &res) {
    std::string info = std::string(conninfo()) + " dbname=audit_" + req.matches[1].str();
    PGconn *conn = PQconnectdb(info.c_str()); // NO-FINDING: leak-per-request-client
    res.set_content(render(latest(conn, req.matches[1])), "text/plain");
    PQfinish(conn);
  });
}

// Nightly job: one connection per tenant of the list.
void exportTenants(const std::vector<std::string> &tenants) {
  for (const auto &tenant : tenants) {
    PGconn *conn = PQconnectdb(conninfo()); // FINDING: leak-per-request-client
    std::FILE *out = std::fopen(("/var/export/" + tenant + ".tsv").c_str(), "w");
    if (out) {
      exportTo(conn, tenant, out);
      std::fclose(out);
    }
    PQfinish(conn);
  }
}

// The same job, sharing one connection.
void exportTenantsShared(const std::vector<std::string> &tenants) {
  PGconn *conn = PQconnectdb(conninfo()); // NO-FINDING: leak-per-request-client
  for (const auto &tenant : tenants) {
    std::FILE *out = std::fopen(("/var/export/" + tenant + ".tsv").c_str(), "w");
    if (out) {
      exportTo(conn, tenant, out);
      std::fclose(out);
    }
  }
  PQfinish(conn);
}

} // namespace audit
