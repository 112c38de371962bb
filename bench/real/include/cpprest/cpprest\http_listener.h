/* Stub: the sample spells this include with a backslash. */
#pragma once
#include "cpprest/http_listener.h"
