/* Minimal hand-written stand-in for aria2's generated config.h (syntax checks only). */
#ifndef ARIA2_BENCH_CONFIG_H
#define ARIA2_BENCH_CONFIG_H
#define PACKAGE "aria2"
#define PACKAGE_NAME "aria2"
#define PACKAGE_VERSION "1.36.0"
#define PACKAGE_STRING "aria2 1.36.0"
#define PACKAGE_BUGREPORT "https://github.com/aria2/aria2/issues"
#define PACKAGE_URL "https://aria2.github.io/"
#define VERSION "1.36.0"
#define BUILD "x86_64-pc-linux-gnu"
#define HOST "x86_64-pc-linux-gnu"
#define TARGET "x86_64-pc-linux-gnu"
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_SYS_UIO_H 1
#define HAVE_NETINET_IN_H 1
#define HAVE_NETINET_TCP_H 1
#define HAVE_ARPA_INET_H 1
#define HAVE_NETDB_H 1
#define HAVE_POLL_H 1
#define HAVE_UNISTD_H 1
#define HAVE_FCNTL_H 1
#define HAVE_GETADDRINFO 1
#define HAVE_GAI_STRERROR 1
#define HAVE_SQLITE3_OPEN_V2 1
#define HAVE_SQLITE3 1
#define HAVE_LIBCARES 1
#define HAVE_ARES_ADDR_NODE 1
#define HAVE_ARES_SET_SERVERS 1
#define HAVE_OPENSSL 1
#define HAVE_LIBSSL 1
#define HAVE_LIBXML2 1
#define HAVE_ZLIB 1
#define ENABLE_SSL 1
#define ENABLE_ASYNC_DNS 1
#define ENABLE_BITTORRENT 1
#define ENABLE_METALINK 1
#define ENABLE_XML_RPC 1
#define ENABLE_WEBSOCKET 1
#define ENABLE_MESSAGE_DIGEST 1
#define HAVE_A2_STRUCT_TIMESPEC 1
#define HAVE_EPOLL 1
#define CXX11_OVERRIDE override
#endif
