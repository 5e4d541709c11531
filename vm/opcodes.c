/* Opcode names, generated from OP_LIST in vm/opcodes.h: used by the bytecode listing
 * (compiler/listing.c, covec -l), the verifier and trace dumps. */
#include "opcodes.h"

const char *const op_names[NUM_OPCODES] = {
#define OP_NAME(name) #name,
  OP_LIST(OP_NAME)
#undef OP_NAME
};
