/* Minimal hand-written stand-in for the generated config.h (syntax checks only). */
#ifndef NGHTTP2_BENCH_CONFIG_H
#define NGHTTP2_BENCH_CONFIG_H
#define HAVE_UNISTD_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_NETINET_IN_H 1
#define HAVE_ARPA_INET_H 1
#define HAVE_FCNTL_H 1
#define HAVE_NETDB_H 1
#define HAVE_SYSLOG_H 1
#define HAVE_PWD_H 1
#define HAVE_TIME_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_LIMITS_H 1
#define HAVE_ACCEPT4 1
#define HAVE_STD_FUTURE 1
#define HAVE_THREAD_LOCAL 1
#define HAVE_ATOMIC_STD_SHARED_PTR 1
#define HAVE_DECL_INITGROUPS 1
#define PACKAGE "nghttp2"
#define PACKAGE_VERSION "1.52.0"
#define VERSION "1.52.0"
#define PKGDATADIR "/usr/share/nghttp2"
#define PKGLIBDIR "/usr/lib/nghttp2"
#endif
