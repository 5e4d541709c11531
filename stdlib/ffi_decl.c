/* The ffi's C declaration parser: turns "int snprintf(char *buf, size_t n, const char *fmt,
 * ...)" or a lone type name ("unsigned short", "const void *") into FfiSig / FfiType. It
 * understands only what the ffi can call: scalar types, pointers (any depth, struct/union
 * tags only behind a pointer), arrays as parameters, function-pointer parameters, and a
 * trailing "...". No typedefs, no structs by value. See spec/ffi.md for the grammar. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ffi_internal.h"

typedef enum { TK_END, TK_IDENT, TK_NUMBER, TK_ELLIPSIS, TK_PUNCT, TK_BAD } TokKind;

typedef struct Parser {
  const char *pos;          /* next unread character */
  TokKind tk;               /* current token */
  const char *tok;          /* its text and length */
  size_t toklen;
  char *err;                /* where a message goes; err[0] != 0 once something failed */
  size_t errlen;
} Parser;

/* A type while it is being read: which specifiers were seen, before mapping to a kind. */
typedef struct TypeSpec {
  int is_const;             /* "const" before the first '*' */
  int is_signed, is_unsigned, nshort, nlong, has_int, has_char;
  int base;                 /* one of the B_* below, or B_NONE for the integer keywords */
  int named;                /* index into named_types when base == B_NAMED */
  int nptr;                 /* number of '*' */
} TypeSpec;

enum { B_NONE, B_VOID, B_BOOL, B_FLOAT, B_DOUBLE, B_TAG, B_NAMED };

/* typedef names of <stdint.h>/<stddef.h>/<sys/types.h> that the ffi knows by heart. */
static const struct { const char *name; int kind; } named_types[] = {
  {"int8_t", FK_I8}, {"uint8_t", FK_U8}, {"int16_t", FK_I16}, {"uint16_t", FK_U16},
  {"int32_t", FK_I32}, {"uint32_t", FK_U32}, {"int64_t", FK_I64}, {"uint64_t", FK_U64},
  {"size_t", sizeof(size_t) == 8 ? FK_U64 : FK_U32},
  {"ssize_t", sizeof(size_t) == 8 ? FK_I64 : FK_I32},
  {"ptrdiff_t", sizeof(ptrdiff_t) == 8 ? FK_I64 : FK_I32},
  {"intptr_t", sizeof(intptr_t) == 8 ? FK_I64 : FK_I32},
  {"uintptr_t", sizeof(uintptr_t) == 8 ? FK_U64 : FK_U32},
  {"off_t", FK_I64},
  {NULL, 0}
};

/* Records the first error message (later ones are consequences of it); returns 0. */
static int fail(Parser *P, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(Parser *P, const char *fmt, ...) {
  if (P->err[0] == '\0') {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(P->err, P->errlen, fmt, ap);
    va_end(ap);
  }
  P->tk = TK_BAD;
  return 0;
}

/* Reads the next token into P->tk/tok/toklen. */
static void next(Parser *P) {
  const char *s = P->pos;
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  P->tok = s;
  if (*s == '\0') {
    P->tk = TK_END;
  } else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_') {
    while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
           (*s >= '0' && *s <= '9'))
      s++;
    P->tk = TK_IDENT;
  } else if (*s >= '0' && *s <= '9') {
    while ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
      s++;
    P->tk = TK_NUMBER;
  } else if (s[0] == '.' && s[1] == '.' && s[2] == '.') {
    s += 3;
    P->tk = TK_ELLIPSIS;
  } else if (strchr("()*,;[]", *s) != NULL) {
    s++;
    P->tk = TK_PUNCT;
  } else {
    s++;
    P->tk = TK_BAD;
    P->toklen = 1;
    fail(P, "unexpected character '%c'", *P->tok);
    return;
  }
  P->toklen = (size_t)(s - P->tok);
  P->pos = s;
}

static int is_punct(Parser *P, char c) {
  return P->tk == TK_PUNCT && P->tok[0] == c;
}

static int is_word(Parser *P, const char *w) {
  return P->tk == TK_IDENT && strlen(w) == P->toklen && memcmp(P->tok, w, P->toklen) == 0;
}

static int expect(Parser *P, char c) {
  if (!is_punct(P, c)) {
    if (P->tk == TK_END) return fail(P, "expected '%c' at end of declaration", c);
    return fail(P, "expected '%c' near '%.*s'", c, (int)P->toklen, P->tok);
  }
  next(P);
  return 1;
}

/* Whether the current identifier names a base type (so it cannot be a declarator name). */
static int is_type_name(Parser *P) {
  static const char *const words[] = {"void", "bool", "_Bool", "float", "double", NULL};
  for (int i = 0; words[i] != NULL; i++)
    if (is_word(P, words[i])) return 1;
  for (int i = 0; named_types[i].name != NULL; i++)
    if (is_word(P, named_types[i].name)) return 1;
  return 0;
}

static int has_integer_words(const TypeSpec *ts) {
  return ts->is_signed || ts->is_unsigned || ts->nshort || ts->nlong || ts->has_int ||
         ts->has_char;
}

static int has_base(const TypeSpec *ts) {
  return ts->base != B_NONE || has_integer_words(ts);
}

/* Reads declaration specifiers and the '*'s of one type; stops at the declarator name,
 * '(' or anything else. Returns 0 (with a message) on an unknown or contradictory type. */
static int read_typespec(Parser *P, TypeSpec *ts) {
  memset(ts, 0, sizeof *ts);
  while (P->tk == TK_IDENT) {
    if (is_word(P, "const")) {
      ts->is_const = 1;
    } else if (is_word(P, "volatile") || is_word(P, "restrict") || is_word(P, "__restrict")) {
      /* qualifiers that do not change how a value is passed */
    } else if (is_word(P, "signed") || is_word(P, "unsigned") || is_word(P, "short") ||
               is_word(P, "long") || is_word(P, "int") || is_word(P, "char")) {
      if (ts->base != B_NONE)
        return fail(P, "unexpected '%.*s' in type", (int)P->toklen, P->tok);
      if (is_word(P, "signed")) ts->is_signed = 1;
      else if (is_word(P, "unsigned")) ts->is_unsigned = 1;
      else if (is_word(P, "short")) ts->nshort++;
      else if (is_word(P, "long")) ts->nlong++;
      else if (is_word(P, "int")) ts->has_int++;
      else ts->has_char++;
    } else if (is_word(P, "struct") || is_word(P, "union") || is_word(P, "enum")) {
      int is_enum = is_word(P, "enum");
      if (has_base(ts)) return fail(P, "unexpected '%.*s' in type", (int)P->toklen, P->tok);
      next(P);
      if (P->tk != TK_IDENT)
        return fail(P, "expected a tag name near '%.*s'", (int)P->toklen, P->tok);
      if (is_enum) ts->has_int = 1;  /* enums are passed as int */
      else ts->base = B_TAG;
    } else if (!has_base(ts)) {
      int i;
      if (is_word(P, "void")) ts->base = B_VOID;
      else if (is_word(P, "bool") || is_word(P, "_Bool")) ts->base = B_BOOL;
      else if (is_word(P, "float")) ts->base = B_FLOAT;
      else if (is_word(P, "double")) ts->base = B_DOUBLE;
      else {
        for (i = 0; named_types[i].name != NULL; i++)
          if (is_word(P, named_types[i].name)) break;
        if (named_types[i].name == NULL)
          return fail(P, "unknown type '%.*s'", (int)P->toklen, P->tok);
        ts->base = B_NAMED;
        ts->named = i;
      }
    } else if (is_word(P, "double") && ts->nlong == 1 && ts->base == B_NONE) {
      return fail(P, "'long double' is not supported");
    } else if (is_type_name(P)) {
      return fail(P, "invalid combination of type specifiers");
    } else {
      break;  /* the declarator's name */
    }
    next(P);
  }
  if (!has_base(ts)) {
    if (P->tk == TK_END) return fail(P, "missing type");
    return fail(P, "expected a type near '%.*s'", (int)P->toklen, P->tok);
  }
  if (ts->has_char + ts->has_int > 1 || ts->nshort > 1 || ts->nlong > 2 ||
      (ts->nshort && ts->nlong) || (ts->is_signed && ts->is_unsigned) ||
      (ts->has_char && (ts->nshort || ts->nlong)) ||
      (ts->base != B_NONE && has_integer_words(ts)))
    return fail(P, "invalid combination of type specifiers");
  while (is_punct(P, '*')) {
    ts->nptr++;
    next(P);
    while (is_word(P, "const") || is_word(P, "volatile") || is_word(P, "restrict") ||
           is_word(P, "__restrict"))
      next(P);  /* they qualify the pointer itself, not what it points to */
  }
  return 1;
}

/* Appends s to the type's display name, truncating rather than overflowing. */
static void name_append(FfiType *t, const char *s) {
  size_t used = strlen(t->name);
  snprintf(t->name + used, sizeof t->name - used, "%s", s);
}

/* The display name of the base type, as C would usually spell it. */
static void base_name(const TypeSpec *ts, FfiType *t) {
  static const char *const bases[] = {"", "void", "bool", "float", "double", "struct", ""};
  if (ts->base == B_NAMED) {
    name_append(t, named_types[ts->named].name);
  } else if (ts->base != B_NONE) {
    name_append(t, bases[ts->base]);
  } else {
    if (ts->is_unsigned) name_append(t, "unsigned ");
    else if (ts->is_signed && ts->has_char) name_append(t, "signed ");
    if (ts->has_char) name_append(t, "char");
    else if (ts->nshort) name_append(t, "short");
    else if (ts->nlong == 2) name_append(t, "long long");
    else if (ts->nlong == 1) name_append(t, "long");
    else name_append(t, "int");
  }
}

/* Maps a TypeSpec (plus extra_ptr pointer levels from an array suffix) to an FfiType. */
static int finish_type(Parser *P, const TypeSpec *ts, int extra_ptr, FfiType *t) {
  int nptr = ts->nptr + extra_ptr;
  memset(t, 0, sizeof *t);
  if (ts->is_const) name_append(t, "const ");
  base_name(ts, t);
  for (int i = 0; i < nptr; i++) name_append(t, "*");
  if (nptr > 0) {
    int plain_char = ts->has_char && !ts->is_signed && !ts->is_unsigned;
    t->kind = (nptr == 1 && plain_char) ? FK_STR : FK_PTR;
    t->is_const = (nptr == 1 && ts->is_const);
    return 1;
  }
  switch (ts->base) {
    case B_VOID: t->kind = FK_VOID; return 1;
    case B_BOOL: t->kind = FK_BOOL; return 1;
    case B_FLOAT: t->kind = FK_FLOAT; return 1;
    case B_DOUBLE: t->kind = FK_DOUBLE; return 1;
    case B_TAG: return fail(P, "struct and union types are only supported behind a pointer");
    case B_NAMED: t->kind = (unsigned char)named_types[ts->named].kind; return 1;
    default: break;
  }
  {
    size_t bytes = ts->has_char ? 1 : ts->nshort ? sizeof(short)
                 : ts->nlong == 2 ? sizeof(long long) : ts->nlong ? sizeof(long) : sizeof(int);
    int is_unsigned = ts->is_unsigned;
    int kind = bytes == 1 ? FK_I8 : bytes == 2 ? FK_I16 : bytes == 4 ? FK_I32 : FK_I64;
    if (ts->has_char && !ts->is_signed && !ts->is_unsigned) is_unsigned = ((char)-1 > 0);
    t->kind = (unsigned char)(kind + is_unsigned);  /* each unsigned kind follows its signed one */
  }
  return 1;
}

/* Skips a balanced parenthesised list (a function pointer's parameters); P is at '('. */
static int skip_parens(Parser *P) {
  int depth = 0;
  do {
    if (P->tk == TK_END || P->tk == TK_BAD)
      return fail(P, "expected ')' at end of declaration");
    if (is_punct(P, '(')) depth++;
    else if (is_punct(P, ')')) depth--;
    next(P);
  } while (depth > 0);
  return 1;
}

/* One parameter: a type, an optional name, an optional "[N]" (a pointer), or a function
 * pointer "RET (*name)(PARAMS)" (passed as a plain pointer). */
static int read_param(Parser *P, FfiType *t) {
  TypeSpec ts;
  int extra_ptr = 0;
  if (!read_typespec(P, &ts)) return 0;
  if (is_punct(P, '(')) {  /* function pointer */
    next(P);
    if (!expect(P, '*')) return 0;
    if (P->tk == TK_IDENT) next(P);
    if (!expect(P, ')')) return 0;
    if (!is_punct(P, '(')) return fail(P, "expected '(' after function pointer");
    if (!skip_parens(P)) return 0;
    memset(t, 0, sizeof *t);
    t->kind = FK_PTR;
    name_append(t, "function pointer");
    return 1;
  }
  if (P->tk == TK_IDENT) next(P);  /* the parameter's name, which does not matter */
  while (is_punct(P, '[')) {
    next(P);
    if (P->tk == TK_NUMBER) next(P);
    if (!expect(P, ']')) return 0;
    extra_ptr++;
  }
  return finish_type(P, &ts, extra_ptr, t);
}

static void parser_init(Parser *P, const char *src, char *errbuf, size_t errlen) {
  P->pos = src;
  P->err = errbuf;
  P->errlen = errlen;
  errbuf[0] = '\0';
  next(P);
}

const char *ffidecl_parse(const char *src, int allow_anon, FfiSig *sig, char *errbuf,
                          size_t errlen) {
  Parser P;
  TypeSpec ts;
  memset(sig, 0, sizeof *sig);
  parser_init(&P, src, errbuf, errlen);
  if (!read_typespec(&P, &ts) || !finish_type(&P, &ts, 0, &sig->ret)) return errbuf;
  if (P.tk == TK_IDENT) {
    if (P.toklen >= FFI_MAXNAME) {
      fail(&P, "name '%.*s' is too long", (int)P.toklen, P.tok);
      return errbuf;
    }
    memcpy(sig->name, P.tok, P.toklen);
    sig->name[P.toklen] = '\0';
    next(&P);
  } else if (allow_anon && is_punct(&P, '(')) {
    strcpy(sig->name, "callback");
  } else {
    if (P.tk == TK_END) fail(&P, "expected a function name");
    else fail(&P, "expected a function name near '%.*s'", (int)P.toklen, P.tok);
    return errbuf;
  }
  if (!expect(&P, '(')) return errbuf;
  if (is_word(&P, "void")) {  /* "(void)" means no parameters; "(void *p)" is one */
    Parser save = P;
    next(&P);
    if (is_punct(&P, ')')) goto params_done;
    P = save;
  }
  if (!is_punct(&P, ')')) {
    for (;;) {
      if (P.tk == TK_ELLIPSIS) {
        sig->is_variadic = 1;
        next(&P);
        break;
      }
      if (sig->nfixed == FFI_MAXARGS) {
        fail(&P, "too many parameters (at most %d)", FFI_MAXARGS);
        return errbuf;
      }
      if (!read_param(&P, &sig->args[sig->nfixed])) return errbuf;
      if (sig->args[sig->nfixed].kind == FK_VOID) {
        fail(&P, "a parameter cannot have type void");
        return errbuf;
      }
      sig->nfixed++;
      if (!is_punct(&P, ',')) break;
      next(&P);
    }
  }
params_done:
  if (!expect(&P, ')')) return errbuf;
  if (is_punct(&P, ';')) next(&P);
  if (P.tk != TK_END) {
    if (P.tk != TK_BAD) fail(&P, "unexpected '%.*s' after declaration", (int)P.toklen, P.tok);
    return errbuf;
  }
  sig->nargs = sig->nfixed;
  return NULL;
}

const char *ffidecl_parse_type(const char *src, int allow_void, FfiType *t, char *errbuf,
                               size_t errlen) {
  Parser P;
  TypeSpec ts;
  int extra_ptr = 0;
  parser_init(&P, src, errbuf, errlen);
  if (!read_typespec(&P, &ts)) return errbuf;
  while (is_punct(&P, '[')) {  /* "char[]" reads as "char*", as in a parameter list */
    next(&P);
    if (P.tk == TK_NUMBER) next(&P);
    if (!expect(&P, ']')) return errbuf;
    extra_ptr++;
  }
  if (!finish_type(&P, &ts, extra_ptr, t)) return errbuf;
  if (P.tk != TK_END) {
    if (P.tk != TK_BAD) fail(&P, "unexpected '%.*s' after type", (int)P.toklen, P.tok);
    return errbuf;
  }
  if (t->kind == FK_VOID && !allow_void) {
    fail(&P, "void is not a value type");
    return errbuf;
  }
  return NULL;
}

ffi_type *ffidecl_ffitype(int kind) {
  switch (kind) {
    case FK_VOID: return &ffi_type_void;
    case FK_BOOL: return &ffi_type_uint8;  /* _Bool is one byte holding 0 or 1 */
    case FK_I8: return &ffi_type_sint8;
    case FK_U8: return &ffi_type_uint8;
    case FK_I16: return &ffi_type_sint16;
    case FK_U16: return &ffi_type_uint16;
    case FK_I32: return &ffi_type_sint32;
    case FK_U32: return &ffi_type_uint32;
    case FK_I64: return &ffi_type_sint64;
    case FK_U64: return &ffi_type_uint64;
    case FK_FLOAT: return &ffi_type_float;
    case FK_DOUBLE: return &ffi_type_double;
    default: return &ffi_type_pointer;
  }
}

size_t ffidecl_size(int kind) {
  switch (kind) {
    case FK_VOID: return 0;
    case FK_BOOL: case FK_I8: case FK_U8: return 1;
    case FK_I16: case FK_U16: return 2;
    case FK_I32: case FK_U32: case FK_FLOAT: return 4;
    case FK_I64: case FK_U64: case FK_DOUBLE: return 8;
    default: return sizeof(void *);
  }
}

/* C's default argument promotions, which is what a variadic callee reads. */
FfiType ffidecl_promote(const FfiType *t) {
  FfiType p = *t;
  switch (t->kind) {
    case FK_BOOL: case FK_I8: case FK_U8: case FK_I16: case FK_U16:
      p.kind = FK_I32;  /* every value of these fits an int */
      break;
    case FK_FLOAT:
      p.kind = FK_DOUBLE;
      break;
    default:
      break;
  }
  return p;
}
