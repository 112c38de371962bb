/* Stand-in for the CMake-generated (generate_export_header) mysql_shim export header. */
#ifndef MYSQL_SHIM_EXPORT_H
#define MYSQL_SHIM_EXPORT_H
#define MYSQL_SHIM_EXPORT __attribute__((visibility("default")))
#endif
