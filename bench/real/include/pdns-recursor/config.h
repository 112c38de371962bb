/* Minimal hand-written stub of the autoconf config.h, for syntax checking only. */
#pragma once
#define PACKAGE_VERSION "4.8.8"
#define VERSION "4.8.8"
#define SYSCONFDIR "/etc/powerdns"
#define LOCALSTATEDIR "/var/run"
#define NODCACHEDIR "/var/lib/pdns-recursor/nod"
#define RECURSOR 1
#define HAVE_BOOST 1
#define HAVE_LIBCURL 1
#define HAVE_LUA 1
#define HAVE_EVP_MD_CTX_NEW 1
#define HAVE_EVP_MD_CTX_FREE 1
#define HAVE_LOCALTIME_R 1
#define HAVE_GMTIME_R 1
