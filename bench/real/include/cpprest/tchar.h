/* Stub for the Windows-only <tchar.h> (syntax checking on Linux). */
#pragma once
