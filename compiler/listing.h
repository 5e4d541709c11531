/* A luac -l style listing of a prototype: every instruction with its operands and a
 * comment naming constants/upvalues/jump targets; with `full`, also the constant,
 * local-variable and upvalue tables. Nested functions follow their parent. Used for
 * debugging the compiler and by `covec -l`. */
#ifndef COVE_LISTING_H
#define COVE_LISTING_H

#include <stdio.h>

#include "../vm/object.h"

void cmp_listing(FILE *out, const Proto *p, int full);

#endif
