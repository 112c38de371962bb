/* Minimal hand-written stub of the autoconf config.h, for syntax checking only. */
#pragma once
#define PACKAGE_VERSION "4.7.3"
#define VERSION "4.7.3"
#define SYSCONFDIR "/etc/powerdns"
#define PKGLIBDIR "/usr/lib/x86_64-linux-gnu/pdns"
#define LOCALSTATEDIR "/var/run"
#define HAVE_BOOST 1
#define HAVE_LIBCURL 1
#define HAVE_LUA 1
#define HAVE_LUA_RECORDS 1
#define HAVE_EVP_MD_CTX_NEW 1
#define HAVE_EVP_MD_CTX_FREE 1
