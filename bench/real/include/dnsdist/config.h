/* Minimal hand-written stub of the autoconf config.h, for syntax checking only. */
#pragma once
#define PACKAGE_VERSION "1.7.3"
#define VERSION "1.7.3"
#define SYSCONFDIR "/etc/dnsdist"
#define HAVE_BOOST 1
#define HAVE_LOCALTIME_R 1
#define HAVE_GMTIME_R 1
#define HAVE_EVP_MD_CTX_NEW 1
#define HAVE_EVP_MD_CTX_FREE 1
