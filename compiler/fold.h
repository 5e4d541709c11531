/* Constant folding with lua5.4's rules: only numeric operands, never a division or
 * modulo by zero, never a bitwise operation on a non-integral float, never a result
 * that is NaN or (-)0.0. Strings are not coerced at compile time, '..' is not folded. */
#ifndef COVE_FOLD_H
#define COVE_FOLD_H

#include "ast.h"

/* Compute `a op b` (op a BinOp arithmetic/bitwise operator; for unary minus and bnot
 * pass BIN_NONE+UN_MINUS style codes through fold_unary instead). Returns 1 and writes
 * *res when folding is allowed. */
int fold_arith(int op, const Value *a, const Value *b, Value *res);
int fold_unary(int op, const Value *a, Value *res);

/* Fold node `e` in place if its (already folded) operands allow it. */
void fold_expr(Expr *e);

/* Numeric value of a constant numeral expression; 0 when e is not one. */
int fold_tonumeral(const Expr *e, Value *v);

#endif
