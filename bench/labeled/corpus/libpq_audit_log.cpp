// Audit log reader of the compliance service, written against libpq. A
// gRPC-less internal HTTP API (cpp-httplib) serves auditors; a batch job
// exports the log per tenant.

#include <libpq-fe.h>

#include <httplib.h>

#include <cstdlib>
#include <memory>
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
    PGresult *res = PQexecParams(conn, // NO-FINDING: leak-unreleased-handle
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
    PGresult *res = PQexecParams(conn, // NO-FINDING: leak-unreleased-handle
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
  PGresult *res = PQexecParams(conn, // NO-FINDING: leak-unreleased-handle
                               "SELECT at, actor, action FROM audit WHERE tenant = $1 "
                               "ORDER BY at DESC LIMIT 50",
                               1, nullptr, params, nullptr, nullptr, 0);
  for (int i = 0; i < PQntuples(res); ++i)
    entries.push_back(Entry{PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), // NO-FINDING: leak-unbounded-pagination
                            PQgetvalue(res, i, 2)});
  PQclear(res);
  return entries;
}

// Number of entries of a tenant; -1 when the query fails.
long countEntries(PGconn *conn, const std::string &tenant) {
  const char *params[1] = {tenant.c_str()};
  PGresult *res = PQexecParams(conn, "SELECT count(*) FROM audit WHERE tenant = $1", 1, // FINDING: leak-unreleased-handle
                               nullptr, params, nullptr, nullptr, 0);
  if (PQresultStatus(res) != PGRES_TUPLES_OK)
    return -1;
  const long count = std::atol(PQgetvalue(res, 0, 0));
  PQclear(res);
  return count;
}

// Whether a tenant has written anything yet.
bool hasEntries(PGconn *conn, const std::string &tenant) {
  const char *params[1] = {tenant.c_str()};
  return PQntuples(PQexecParams(conn, "SELECT 1 FROM audit WHERE tenant = $1 LIMIT 1", 1, // FINDING: leak-unreleased-handle
                                nullptr, params, nullptr, nullptr, 0)) > 0;
}

// Who wrote the tenant's latest entry. The result is owned by a unique_ptr,
// so the early return releases it too.
std::string lastActor(PGconn *conn, const std::string &tenant) {
  const char *params[1] = {tenant.c_str()};
  std::unique_ptr<PGresult, decltype(&PQclear)> res(
      PQexecParams(conn, "SELECT actor FROM audit WHERE tenant = $1 ORDER BY at DESC LIMIT 1", 1, // NO-FINDING: leak-unreleased-handle
                   nullptr, params, nullptr, nullptr, 0),
      &PQclear);
  if (PQresultStatus(res.get()) != PGRES_TUPLES_OK || PQntuples(res.get()) == 0)
    return {};
  return PQgetvalue(res.get(), 0, 0);
}

// Retention: entries older than the retention period are deleted, then the
// planner statistics are refreshed.
void purgeExpired(PGconn *conn, int retentionDays) {
  const std::string days = std::to_string(retentionDays);
  const char *params[1] = {days.c_str()};
  PQexecParams(conn, "DELETE FROM audit WHERE at < now() - make_interval(days => $1::int)", 1, // FINDING: leak-unreleased-handle
               nullptr, params, nullptr, nullptr, 0);
  PQclear(PQexec(conn, "ANALYZE audit")); // NO-FINDING: leak-unreleased-handle
}

bool prepareStatements(PGconn *conn) {
  PGresult *res = PQprepare(conn, "mark_exported", // NO-FINDING: leak-unreleased-handle
                            "UPDATE audit SET exported = true WHERE id = $1", 1, nullptr);
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok;
}

// Flags the exported entries one by one; stops at the first failure.
void markExported(PGconn *conn, const std::vector<std::string> &ids) {
  PGresult *res = nullptr;
  for (const auto &id : ids) {
    const char *params[1] = {id.c_str()};
    res = PQexecPrepared(conn, "mark_exported", 1, params, nullptr, nullptr, 0); // FINDING: leak-unreleased-handle
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
      break;
  }
  PQclear(res);
}

// Readiness probe run at start-up: can the audit database be reached?
bool reachable() {
  PGconn *conn = PQconnectdb(conninfo()); // FINDING: leak-unreleased-handle
  if (PQstatus(conn) != CONNECTION_OK)
    return false;
  PQfinish(conn);
  return true;
}

// Writes up to 200 rows of an export as TSV; ends the response after the last.
bool writeRows(const PGresult *rows, int &next, httplib::DataSink &sink) {
  std::string chunk;
  const int total = PQntuples(rows);
  for (int sent = 0; sent < 200 && next < total; ++sent, ++next)
    chunk += std::string(PQgetvalue(rows, next, 0)) + "\t" + PQgetvalue(rows, next, 1) + "\t" +
             PQgetvalue(rows, next, 2) + "\n";
  if (!chunk.empty() && !sink.write(chunk.data(), chunk.size()))
    return false;
  if (next >= total)
    sink.done();
  return true;
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

  // Full export of a tenant's log, streamed in chunks as the client reads.
  server.Get(R"(/audit/(\w+)/export)", [](const httplib::Request &req, httplib::Response &res) {
    thread_local PGconn *conn = PQconnectdb(conninfo()); // NO-FINDING: leak-per-request-client
    const std::string tenant = req.matches[1];
    const char *params[1] = {tenant.c_str()};
    PGresult *rows = PQexecParams(conn,
                                  "SELECT at, actor, action FROM audit WHERE tenant = $1 ORDER BY at",
                                  1, nullptr, params, nullptr, nullptr, 0);
    res.set_chunked_content_provider("text/tab-separated-values",
                                     [rows, next = 0](std::size_t, httplib::DataSink &sink) mutable { // FINDING: leak-captured-stream
                                       return writeRows(rows, next, sink);
                                     });
    PQclear(rows);
  });

  // The same export for the archiver: the provider shares ownership of the
  // result, which is cleared once the response has been sent.
  server.Get(R"(/audit/(\w+)/archive)", [](const httplib::Request &req, httplib::Response &res) {
    thread_local PGconn *conn = PQconnectdb(conninfo()); // NO-FINDING: leak-per-request-client
    const std::string tenant = req.matches[1];
    const char *params[1] = {tenant.c_str()};
    std::shared_ptr<PGresult> rows(
        PQexecParams(conn, "SELECT at, actor, action FROM audit WHERE tenant = $1 ORDER BY at", 1,
                     nullptr, params, nullptr, nullptr, 0),
        &PQclear);
    res.set_chunked_content_provider("text/tab-separated-values",
                                     [rows, next = 0](std::size_t, httplib::DataSink &sink) mutable { // NO-FINDING: leak-captured-stream
                                       return writeRows(rows.get(), next, sink);
                                     });
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
