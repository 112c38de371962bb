/* Stub written for LeakTidy's real-code benchmark (syntax-only builds). */
#define HAVE_POLL 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define PQXX_HAVE_CHARCONV_INT 1
#define PQXX_HAVE_OPTIONAL 1
