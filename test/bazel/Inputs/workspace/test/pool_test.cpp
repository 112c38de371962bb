#include "pool/pool.h"

int main() { return pool::submit(1).get() == 2 ? 0 : 1; }
