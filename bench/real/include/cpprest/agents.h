/* Stub for the Windows-only <agents.h> (syntax checking on Linux):
   declares only the reader/writer lock the sample uses. */
#pragma once
#include <ctime>
namespace Concurrency {
class reader_writer_lock {
public:
    void lock();
    void lock_read();
    void unlock();
};
}
int localtime_s(struct tm* result, const time_t* when);
