/* Bytecode listing in the spirit of luac -l / -l -l (see listing.h). The operand
 * layout of each opcode comes from vm/opcodes.h; words that follow NEWTABLE, SETLIST
 * and LOADKX are AUX data and are printed with their instruction, not decoded. */
#include <string.h>

#include "listing.h"
#include "../vm/opcodes.h"

static void print_string(FILE *out, const String *s) {
  fputc('"', out);
  for (size_t i = 0; i < s->len; i++) {
    unsigned char c = (unsigned char)s->data[i];
    switch (c) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\a': fputs("\\a", out); break;
      case '\b': fputs("\\b", out); break;
      case '\f': fputs("\\f", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      case '\v': fputs("\\v", out); break;
      default:
        if (c >= 32 && c < 127) fputc(c, out);
        else fprintf(out, "\\%03d", c);
    }
  }
  fputc('"', out);
}

static void print_value(FILE *out, const Value *v) {
  switch (v->tt) {
    case TAG_NIL: fputs("nil", out); break;
    case TAG_FALSE: fputs("false", out); break;
    case TAG_TRUE: fputs("true", out); break;
    case TAG_INT: fprintf(out, "%lld", (long long)v->u.i); break;
    case TAG_FLT: {
      char buf[64];
      snprintf(buf, sizeof buf, "%.14g", v->u.n);
      fputs(buf, out);
      if (buf[strspn(buf, "-0123456789")] == '\0') fputs(".0", out);
      break;
    }
    case TAG_STR: print_string(out, (const String *)v->u.gc); break;
    default: fputs("?", out); break;
  }
}

static const char *type_letter(const Value *v) {
  switch (v->tt) {
    case TAG_NIL: return "N";
    case TAG_FALSE: case TAG_TRUE: return "B";
    case TAG_INT: return "I";
    case TAG_FLT: return "F";
    case TAG_STR: return "S";
    default: return "?";
  }
}

static void print_k(FILE *out, const Proto *p, int k) {
  if (k >= 0 && k < p->sizek) print_value(out, &p->k[k]);
  else fputs("?", out);
}

static const char *upname(const Proto *p, int i) {
  if (i < p->sizeupvalues && p->upvalues[i].name) return getstr(p->upvalues[i].name);
  return "-";
}

static int has_aux(int op) {
  return op == OP_NEWTABLE || op == OP_SETLIST || op == OP_LOADKX;
}

static void print_code(FILE *out, const Proto *p) {
  for (int pc = 0; pc < p->sizecode; pc++) {
    Instruction i = p->code[pc];
    int op = GET_OP(i);
    int a = GET_A(i), b = GET_B(i), c = GET_C(i), d = GET_D(i);
    int line = p->sizelineinfo > pc ? p->lineinfo[pc] : -1;
    uint32_t aux = (has_aux(op) && pc + 1 < p->sizecode) ? p->code[pc + 1] : 0;
    if (op >= NUM_OPCODES) {
      fprintf(out, "\t%d\t[%d]\t<bad opcode %d>\n", pc + 1, line, op);
      continue;
    }
    fprintf(out, "\t%d\t[%d]\t%-9s\t", pc + 1, line, op_names[op]);
    switch (op) {
      case OP_MOVE: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: case OP_CONCAT:
      case OP_LOADNIL:
        fprintf(out, "%d %d", a, b);
        break;
      case OP_LOADI: case OP_LOADF:
        fprintf(out, "%d %d", a, d - OFFSET_sD);
        break;
      case OP_LOADK:
        fprintf(out, "%d %d\t; ", a, d);
        print_k(out, p, d);
        break;
      case OP_LOADKX:
        fprintf(out, "%d\t; K[%u] ", a, aux);
        print_k(out, p, (int)aux);
        break;
      case OP_LOADFALSE: case OP_LFALSESKIP: case OP_LOADTRUE: case OP_CLOSE: case OP_TBC:
      case OP_RETURN0: case OP_RETURN1: case OP_VARARGPREP:
        fprintf(out, "%d", a);
        break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        fprintf(out, "%d %d\t; %s", a, b, upname(p, b));
        break;
      case OP_GETTABUP:
        fprintf(out, "%d %d %d\t; %s ", a, b, c, upname(p, b));
        print_k(out, p, c);
        break;
      case OP_SETTABUP:
        fprintf(out, "%d %d %d\t; %s ", a, b, c, upname(p, a));
        print_k(out, p, b);
        break;
      case OP_GETFIELD: case OP_SELF:
        fprintf(out, "%d %d %d\t; ", a, b, c);
        print_k(out, p, c);
        break;
      case OP_SETFIELD:
        fprintf(out, "%d %d %d\t; ", a, b, c);
        print_k(out, p, b);
        break;
      case OP_NEWTABLE:
        fprintf(out, "%d %d %d\t; array %u", a, b, c, aux);
        break;
      case OP_SETLIST:
        fprintf(out, "%d %d\t; from %u", a, b, aux + 1);
        break;
      case OP_ADDI:
        fprintf(out, "%d %d %d", a, b, c - OFFSET_s8);
        break;
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK: case OP_DIVK:
      case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
        fprintf(out, "%d %d %d\t; ", a, b, c);
        print_k(out, p, c);
        break;
      case OP_JMP:
        fprintf(out, "%d\t; to %d", GET_sJ(i), pc + 2 + GET_sJ(i));
        break;
      case OP_EQ: case OP_LT: case OP_LE:
        fprintf(out, "%d %d %d", a, b, c & 1);
        break;
      case OP_EQK:
        fprintf(out, "%d %d %d\t; ", a, b, c & 1);
        print_k(out, p, b);
        break;
      case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
        fprintf(out, "%d %d %d%s", a, b - OFFSET_s8, c & 1, (c & 2) ? "\t; float" : "");
        break;
      case OP_TEST:
        fprintf(out, "%d %d", a, c & 1);
        break;
      case OP_TFORCALL: case OP_VARARG:
        fprintf(out, "%d %d", a, c);
        break;
      case OP_FORPREP:
        fprintf(out, "%d %d\t; exit to %d", a, d, pc + d + 3);
        break;
      case OP_FORLOOP: case OP_TFORLOOP:
        fprintf(out, "%d %d\t; to %d", a, d, pc + 2 - d);
        break;
      case OP_TFORPREP:
        fprintf(out, "%d %d\t; to %d", a, d, pc + d + 2);
        break;
      case OP_CLOSURE:
        fprintf(out, "%d %d", a, d);
        break;
      case OP_LOOP: case OP_ENTER:
        fprintf(out, "%d %d", a, d);
        break;
      default:  /* the remaining iABC instructions */
        fprintf(out, "%d %d %d", a, b, c);
        break;
    }
    fputc('\n', out);
    if (has_aux(op)) {
      pc++;
      if (pc < p->sizecode) fprintf(out, "\t%d\t[%d]\t(aux %u)\n", pc + 1, line, p->code[pc]);
    }
  }
}

static void print_header(FILE *out, const Proto *p) {
  const char *src = p->source ? getstr(p->source) : "=?";
  if (*src == '@' || *src == '=') src++;
  else if (*src == '\x1b') src = "(bstring)";
  else src = "(string)";
  fprintf(out, "\n%s <%s:%d,%d> (%d instruction%s)\n", p->linedefined == 0 ? "main" : "function",
          src, p->linedefined, p->lastlinedefined, p->sizecode, p->sizecode == 1 ? "" : "s");
  fprintf(out, "%d%s param%s, %d slot%s, %d upvalue%s, %d local%s, %d constant%s, %d function%s\n",
          p->numparams, p->is_vararg ? "+" : "", p->numparams == 1 ? "" : "s",
          p->maxstacksize, p->maxstacksize == 1 ? "" : "s",
          p->sizeupvalues, p->sizeupvalues == 1 ? "" : "s",
          p->sizelocvars, p->sizelocvars == 1 ? "" : "s",
          p->sizek, p->sizek == 1 ? "" : "s",
          p->sizep, p->sizep == 1 ? "" : "s");
}

static void print_debug(FILE *out, const Proto *p) {
  fprintf(out, "constants (%d):\n", p->sizek);
  for (int i = 0; i < p->sizek; i++) {
    fprintf(out, "\t%d\t%s\t", i, type_letter(&p->k[i]));
    print_value(out, &p->k[i]);
    fputc('\n', out);
  }
  fprintf(out, "locals (%d):\n", p->sizelocvars);
  for (int i = 0; i < p->sizelocvars; i++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", i, p->locvars[i].name ? getstr(p->locvars[i].name) : "?",
            p->locvars[i].startpc + 1, p->locvars[i].endpc + 1);
  fprintf(out, "upvalues (%d):\n", p->sizeupvalues);
  for (int i = 0; i < p->sizeupvalues; i++)
    fprintf(out, "\t%d\t%s\t%d\t%d\n", i, upname(p, i), p->upvalues[i].instack, p->upvalues[i].idx);
}

void cmp_listing(FILE *out, const Proto *p, int full) {
  print_header(out, p);
  print_code(out, p);
  if (full) print_debug(out, p);
  for (int i = 0; i < p->sizep; i++) cmp_listing(out, p->p[i], full);
}
