// Input of unreleased-handle-bad-option.test.
#include <c_handles.h>

void vacuum(PGconn *Conn) {
  // The pair '::PQexec=::PQclear' is still followed.
  PQexec(Conn, "VACUUM");
}
