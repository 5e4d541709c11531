// Lua 5.4 headers for C++ hosts: the API has C linkage, as with lua5.4's lua.hpp.
// Includes only Cove's public headers.
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}
