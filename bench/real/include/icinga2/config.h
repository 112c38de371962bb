/* Minimal stand-in for icinga2's generated config.h (syntax checks only). */
#ifndef CONFIG_H
#define CONFIG_H
#define HAVE_CXXABI_H
#define ICINGA_CONFIGDIR "/etc/icinga2"
#define ICINGA_DATADIR "/var/lib/icinga2"
#define ICINGA_LOGDIR "/var/log/icinga2"
#define ICINGA_CACHEDIR "/var/cache/icinga2"
#define ICINGA_SPOOLDIR "/var/spool/icinga2"
#define ICINGA_INITRUNDIR "/run/icinga2"
#define ICINGA_INCLUDECONFDIR "/usr/share/icinga2/include"
#define ICINGA_USER "nagios"
#define ICINGA_GROUP "nagios"
#define ICINGA_BUILD_HOST_NAME "stub"
#define ICINGA_BUILD_COMPILER_NAME "clang"
#define ICINGA_BUILD_COMPILER_VERSION "0"
#define ICINGA_PKGDATADIR "/usr/share/icinga2"
#define ICINGA_PREFIX "/usr"
#define ICINGA_SYSCONFDIR "/etc"
#define ICINGA_RUNDIR "/run"
#define ICINGA_LOCALSTATEDIR "/var"
#endif
