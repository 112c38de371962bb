/* Stub written for LeakTidy's real-code benchmark (syntax-only builds). */
#define PQXX_HAVE_DEPRECATED 1
#define PQXX_HAVE_GCC_CONST 1
#define PQXX_HAVE_GCC_DEPRECATED 1
#define PQXX_HAVE_GCC_PURE 1
