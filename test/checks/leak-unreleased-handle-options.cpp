// RUN: %check_leak_tidy %s leak-unreleased-handle %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unreleased-handle.HandlePairs, value: '::acquireBuffer=::releaseBuffer;::openCursor=::closeCursor;::PQexec=::PQclear'}, {key: leak-unreleased-handle.NullOnFailureFunctions, value: '::openCursor'}]}" \
// RUN:   -- -I %S/../Inputs/c-handles

// User pairs replace the catalog's: only the pairs listed are followed.

#include <c_handles.h>

extern "C" {
struct Buffer;
struct Cursor;
Buffer *acquireBuffer(int Size);
void releaseBuffer(Buffer *B);
int fillBuffer(Buffer *B);
int openCursor(const char *Name, Cursor **Out);
void closeCursor(Cursor *C);
}

int fill() {
  Buffer *B = acquireBuffer(64);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: handle 'B' acquired by 'acquireBuffer' is not released on every path: it leaks each time such a path runs; call 'releaseBuffer' on every path or own it with 'std::unique_ptr<Buffer, decltype(&releaseBuffer)>' [leak-unreleased-handle]
  if (fillBuffer(B) < 0)
    return -1;
  releaseBuffer(B);
  return 0;
}

int fillReleased() {
  Buffer *B = acquireBuffer(64);
  const int Filled = fillBuffer(B);
  releaseBuffer(B);
  return Filled;
}

// 'openCursor' is listed in NullOnFailureFunctions: its failure path needs
// no release.
bool scan() {
  Cursor *C = nullptr;
  if (openCursor("orders", &C) != 0)
    return false;
  closeCursor(C);
  return true;
}

// No longer in the list: not followed.
void dropReply(redisContext *Ctx) { redisCommand(Ctx, "PING"); }

void vacuum(PGconn *Conn) {
  PQexec(Conn, "VACUUM");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: handle returned by 'PQexec' is discarded
}
