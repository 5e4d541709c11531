/* The bytecode verifier: decides whether a prototype tree loaded from a binary chunk
 * is safe to run, i.e. that no instruction can make the interpreter read or write
 * outside the frame, the constant, upvalue or prototype arrays, or the code, and that
 * every operand has the kind the interpreter's fast paths assume. The guarantees and
 * their limits are written out in spec/verifier.md. */
#ifndef COVE_VERIFY_H
#define COVE_VERIFY_H

#include <stddef.h>

#include "../vm/object.h"

/* Check p (a main function: the loader gives it fresh upvalues) and its nested
 * prototypes. Returns NULL when the code is safe, else writes a reason ("function at line 3, instruction 7 (GETFIELD): ...")
 * into err (size errsize) and returns err. Allocates nothing on the Lua heap. */
const char *cmp_verify(const Proto *p, char *err, size_t errsize);

#endif
