// Stub written for LeakTidy's real-code benchmark (syntax-only builds).
#ifndef SOCICONFIG_H_INCLUDED
#define SOCICONFIG_H_INCLUDED
#define SOCI_HAVE_CXX11
#endif
