/* Minimal stand-in for ZNC's generated zncconfig.h (syntax checks only). */
#ifndef ZNCCONFIG_H
#define ZNCCONFIG_H
#define VERSION_MAJOR 1
#define VERSION_MINOR 8
#define VERSION_PATCH 2
#define VERSION_STR "1.8.2"
#define VERSION_EXTRA ""
#define HAVE_PTHREAD 1
#define HAVE_THREADED_DNS 1
#define HAVE_LIBSSL 1
#define HAVE_IPV6 1
#define HAVE_ZLIB 1
#define HAVE_GETOPT_LONG 1
#define HAVE_LSTAT 1
#define HAVE_CLOCK_GETTIME 1
#define _MODDIR_ "/usr/lib/znc"
#define _DATADIR_ "/usr/share/znc"
#endif
