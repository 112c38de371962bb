/* Prelude for syntax-checking the Windows-only CasaLens sample on Linux,
   where utility::string_t is std::string: pull in the library headers first,
   then map the sample's explicit wide-string types onto narrow ones. */
#pragma once
#include <ctime>
#include <exception>
#include <locale>
#include <map>
#include <sstream>
#include <stdio.h>
#include <vector>
#include <string>
#include "cpprest/http_client.h"
#include "cpprest/http_listener.h"
#include "cpprest/json.h"
#include "cpprest/filestream.h"
#include "cpprest/containerstream.h"
#include "cpprest/producerconsumerstream.h"
#define wstring string
#define wostringstream ostringstream
