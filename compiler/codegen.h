/* Code generation: resolved syntax tree -> Proto (register bytecode of vm/opcodes.h).
 * Register allocation follows lua5.4 (locals in the lowest registers in declaration
 * order, temporaries above them, freed in stack order), so the bytecode has the same
 * shape as lua5.4's and the VM and debug information can rely on its conventions. */
#ifndef COVE_CODEGEN_H
#define COVE_CODEGEN_H

#include "ast.h"
#include "lex.h"

/* Generate the main function. Raises goto/label and register-limit errors. */
Proto *cg_main(LexState *ls, FuncNode *main);

#endif
