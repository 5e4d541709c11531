/* The lexer for Lua 5.4 source: names, keywords, numerals (decimal/hex, integers and
 * floats), short strings with every escape, long brackets, comments. It mirrors the
 * behaviour of lua5.4's llex.c (including what text error messages quote), so that
 * syntax errors read the same. The token text buffer lives on the GC heap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "../vm/call.h"
#include "../vm/debug.h"
#include "../vm/gc.h"
#include "../vm/number.h"
#include "../vm/str.h"

#define EOZ (-1)

static const char *const token_names[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
  "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
  "<number>", "<integer>", "<name>", "<string>"
};

/* Character classes of lua5.4 without LUA_UCID: only ASCII letters start names. */
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return is_alpha(c) || is_digit(c); }
static int is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_print(int c) { return c >= 32 && c < 127; }
static int hexvalue(int c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

static void advance(LexState *ls) {
  ls->current = ls->pos < ls->len ? (unsigned char)ls->src[ls->pos] : EOZ;
  ls->pos++;
}

#define next(ls) advance(ls)
#define curr_is_newline(ls) ((ls)->current == '\n' || (ls)->current == '\r')

static void save(LexState *ls, int c) {
  if (ls->buflen + 1 >= ls->bufsize) {
    size_t newsize = ls->bufsize * 2;
    if (newsize > ((size_t)1 << 40)) lex_error(ls, "lexical element too long", 0);
    ls->buf = gc_realloc(ls->L, ls->buf, ls->bufsize, newsize);
    ls->bufsize = newsize;
  }
  ls->buf[ls->buflen++] = (char)c;
}

static void save_and_next(LexState *ls) {
  save(ls, ls->current);
  next(ls);
}

void lex_init(LexState *ls, lua_State *L, const char *src, size_t len, String *source) {
  memset(ls, 0, sizeof *ls);
  ls->L = L;
  ls->src = src;
  ls->len = len;
  ls->source = source;
  ls->linenumber = 1;
  ls->lastline = 1;
  ls->bufsize = 64;
  ls->buf = gc_alloc_atomic(L, ls->bufsize);
  dbg_chunkid(ls->chunkid, getstr(source), tsslen(source));
  ls->t.token = 0;
  next(ls);
}

/* Long strings are not interned by the string module; lua5.4's lexer still makes
 * equal literals of one chunk the same object (programs can observe it with %p). */
static String *dedup_long(LexState *ls, String *s) {
  if (2 * (ls->nlongstrs + 1) > ls->longstrsize) {
    size_t oldsize = ls->longstrsize, nsize = oldsize ? oldsize * 2 : 64;
    String **old = ls->longstrs;
    ls->longstrs = gc_alloc(ls->L, sizeof(String *) * nsize);
    ls->longstrsize = nsize;
    for (size_t i = 0; i < oldsize; i++) {
      if (old[i] == NULL) continue;
      size_t h = str_hash(old[i]) & (nsize - 1);
      while (ls->longstrs[h]) h = (h + 1) & (nsize - 1);
      ls->longstrs[h] = old[i];
    }
  }
  size_t mask = ls->longstrsize - 1;
  size_t h = str_hash(s) & mask;
  for (; ls->longstrs[h]; h = (h + 1) & mask)
    if (str_eq(ls->longstrs[h], s)) return ls->longstrs[h];
  ls->longstrs[h] = s;
  ls->nlongstrs++;
  return s;
}

String *lex_newstring(LexState *ls, const char *str, size_t len) {
  String *s = str_new(ls->L, str, len);
  if (!s->is_short) return dedup_long(ls, s);  /* the table anchors it */
  /* a small direct-mapped cache keeps repeated names from filling the anchor array */
  size_t slot = ((uintptr_t)s >> 4) & 63;
  if (ls->anchorcache[slot] == s) return s;
  ls->anchorcache[slot] = s;
  if (ls->nanchors == ls->anchorsize) {
    size_t nsize = ls->anchorsize ? ls->anchorsize * 2 : 256;
    ls->anchors = gc_realloc(ls->L, ls->anchors, sizeof(String *) * ls->anchorsize, sizeof(String *) * nsize);
    ls->anchorsize = nsize;
  }
  ls->anchors[ls->nanchors++] = s;
  return s;
}

/* ---- errors ---- */

const char *lex_token2str(LexState *ls, int token, char *out, size_t outsize) {
  (void)ls;
  if (token < FIRST_RESERVED) {
    if (is_print(token)) snprintf(out, outsize, "'%c'", token);
    else snprintf(out, outsize, "'<\\%d>'", token);
  } else {
    const char *s = token_names[token - FIRST_RESERVED];
    if (token < TK_EOS) snprintf(out, outsize, "'%s'", s);
    else snprintf(out, outsize, "%s", s);
  }
  return out;
}

/* Format "chunkid:line: msg[ near tok]" into a fresh GC buffer and throw it. */
static NORETURN void raise_at(LexState *ls, const char *msg, int line, int token) {
  char small[64];
  const char *near_text = NULL;
  size_t near_len = 0;
  int quote = 0;
  if (token) {
    switch (token) {
      case TK_NAME: case TK_STRING: case TK_FLT: case TK_INT:
        near_text = ls->buf;
        near_len = ls->buflen;
        quote = 1;
        break;
      default:
        near_text = lex_token2str(ls, token, small, sizeof small);
        near_len = strlen(near_text);
        break;
    }
  }
  size_t size = strlen(ls->chunkid) + strlen(msg) + near_len + 64;
  char *out = gc_alloc_atomic(ls->L, size);
  int n = snprintf(out, size, "%s:%d: %s", ls->chunkid, line, msg);
  if (token) {
    memcpy(out + n, " near ", 6);
    n += 6;
    if (quote) out[n++] = '\'';
    memcpy(out + n, near_text, near_len);
    n += (int)near_len;
    if (quote) out[n++] = '\'';
    out[n] = '\0';
  }
  /* the text may hold NUL bytes (quoted token text): keep them with the explicit length */
  String *s = str_new(ls->L, out, (size_t)n);
  setsvalue(ls->L->top, s);
  ls->L->top++;
  vm_throw(ls->L, LUA_ERRSYNTAX);
}

NORETURN void lex_error(LexState *ls, const char *msg, int token) {
  raise_at(ls, msg, ls->linenumber, token);
}

NORETURN void lex_semerror(LexState *ls, const char *msg, int line) {
  raise_at(ls, msg, line, 0);
}

/* ---- scanning helpers ---- */

/* Skip "\n", "\r", "\n\r" or "\r\n" and count one line. */
static void inclinenumber(LexState *ls) {
  int old = ls->current;
  next(ls);
  if (curr_is_newline(ls) && ls->current != old) next(ls);
  if (++ls->linenumber >= INT32_MAX) lex_error(ls, "chunk has too many lines", 0);
}

static int check_next1(LexState *ls, int c) {
  if (ls->current == c) {
    next(ls);
    return 1;
  }
  return 0;
}

static int check_next2(LexState *ls, const char *set) {
  if (ls->current == set[0] || ls->current == set[1]) {
    save_and_next(ls);
    return 1;
  }
  return 0;
}

/* Numerals: read the longest run that could belong to one (as lua5.4 does), then let
 * num_str2number decide; "3x" is read whole so the error quotes it. */
static int read_numeral(LexState *ls, Token *tok) {
  const char *expo = "Ee";
  int first = ls->current;
  save_and_next(ls);
  if (first == '0' && check_next2(ls, "xX")) expo = "Pp";
  for (;;) {
    if (check_next2(ls, expo)) check_next2(ls, "-+");
    else if (is_xdigit(ls->current) || ls->current == '.') save_and_next(ls);
    else break;
  }
  if (is_alpha(ls->current)) save_and_next(ls);
  save(ls, '\0');
  ls->buflen--;  /* keep the terminator out of quoted text */
  Value v;
  if (num_str2number(ls->buf, &v) == 0) lex_error(ls, "malformed number", TK_FLT);
  if (ttisinteger(&v)) {
    tok->sem.i = ivalue(&v);
    return TK_INT;
  }
  tok->sem.r = fltvalue(&v);
  return TK_FLT;
}

/* Read "[=*[" or "]=*]": returns level + 2 when well formed, 1 for a lone bracket,
 * 0 for "[=" without the second bracket. */
static size_t skip_sep(LexState *ls) {
  size_t count = 0;
  int s = ls->current;
  save_and_next(ls);
  while (ls->current == '=') {
    save_and_next(ls);
    count++;
  }
  return ls->current == s ? count + 2 : count == 0 ? 1 : 0;
}

static void read_long_string(LexState *ls, Token *tok, size_t sep) {
  int line = ls->linenumber;
  save_and_next(ls);
  if (curr_is_newline(ls)) inclinenumber(ls);
  for (;;) {
    switch (ls->current) {
      case EOZ: {
        char msg[80];
        snprintf(msg, sizeof msg, "unfinished long %s (starting at line %d)",
                 tok ? "string" : "comment", line);
        lex_error(ls, msg, TK_EOS);
      }
      case ']':
        if (skip_sep(ls) == sep) {
          save_and_next(ls);
          goto done;
        }
        break;
      case '\n': case '\r':
        save(ls, '\n');
        inclinenumber(ls);
        if (!tok) ls->buflen = 0;  /* comments: don't accumulate */
        break;
      default:
        if (tok) save_and_next(ls);
        else next(ls);
    }
  }
done:
  if (tok) tok->sem.ts = lex_newstring(ls, ls->buf + sep, ls->buflen - 2 * sep);
}

/* An escape error quotes the string read so far plus the offending character. */
static void esccheck(LexState *ls, int ok, const char *msg) {
  if (!ok) {
    if (ls->current != EOZ) save_and_next(ls);
    lex_error(ls, msg, TK_STRING);
  }
}

static int gethexa(LexState *ls) {
  save_and_next(ls);
  esccheck(ls, is_xdigit(ls->current), "hexadecimal digit expected");
  return hexvalue(ls->current);
}

static int readhexaesc(LexState *ls) {
  int r = gethexa(ls);
  r = (r << 4) + gethexa(ls);
  ls->buflen -= 2;  /* drop "\x" + first digit kept for messages */
  return r;
}

static unsigned long readutf8esc(LexState *ls) {
  unsigned long r;
  int i = 4;  /* chars to drop: '\', 'u', '{' and the first digit */
  save_and_next(ls);
  esccheck(ls, ls->current == '{', "missing '{'");
  r = (unsigned long)gethexa(ls);
  for (;;) {
    save_and_next(ls);
    if (!is_xdigit(ls->current)) break;
    i++;
    esccheck(ls, r <= (0x7FFFFFFFu >> 4), "UTF-8 value too large");
    r = (r << 4) + (unsigned long)hexvalue(ls->current);
  }
  esccheck(ls, ls->current == '}', "missing '}'");
  next(ls);
  ls->buflen -= (size_t)i;
  return r;
}

/* Encode x (< 2^31) as extended UTF-8 (up to 6 bytes), like lua5.4's luaO_utf8esc. */
static void utf8esc(LexState *ls) {
  unsigned long x = readutf8esc(ls);
  char buff[8];
  int n = 1;
  if (x < 0x80) {
    buff[7] = (char)x;
  } else {
    unsigned int mfb = 0x3f;
    do {
      buff[8 - (n++)] = (char)(0x80 | (x & 0x3f));
      x >>= 6;
      mfb >>= 1;
    } while (x > mfb);
    buff[8 - n] = (char)((~mfb << 1) | x);
  }
  for (; n > 0; n--) save(ls, buff[8 - n]);
}

static int readdecesc(LexState *ls) {
  int i, r = 0;
  for (i = 0; i < 3 && is_digit(ls->current); i++) {
    r = 10 * r + ls->current - '0';
    save_and_next(ls);
  }
  esccheck(ls, r <= 255, "decimal escape too large");
  ls->buflen -= (size_t)i;
  return r;
}

static void read_string(LexState *ls, int del, Token *tok) {
  save_and_next(ls);  /* keep the delimiter for error messages */
  while (ls->current != del) {
    switch (ls->current) {
      case EOZ:
        lex_error(ls, "unfinished string", TK_EOS);
      case '\n': case '\r':
        lex_error(ls, "unfinished string", TK_STRING);
      case '\\': {
        int c;
        save_and_next(ls);  /* keep '\\' for error messages */
        switch (ls->current) {
          case 'a': c = '\a'; goto read_save;
          case 'b': c = '\b'; goto read_save;
          case 'f': c = '\f'; goto read_save;
          case 'n': c = '\n'; goto read_save;
          case 'r': c = '\r'; goto read_save;
          case 't': c = '\t'; goto read_save;
          case 'v': c = '\v'; goto read_save;
          case 'x': c = readhexaesc(ls); goto read_save;
          case 'u': utf8esc(ls); goto no_save;
          case '\n': case '\r':
            inclinenumber(ls);
            c = '\n';
            goto only_save;
          case '\\': case '"': case '\'':
            c = ls->current;
            goto read_save;
          case EOZ: goto no_save;  /* the loop reports the unfinished string */
          case 'z': {
            ls->buflen--;  /* drop '\\' */
            next(ls);
            while (is_space(ls->current)) {
              if (curr_is_newline(ls)) inclinenumber(ls);
              else next(ls);
            }
            goto no_save;
          }
          default:
            esccheck(ls, is_digit(ls->current), "invalid escape sequence");
            c = readdecesc(ls);
            goto only_save;
        }
      read_save:
        next(ls);
        /* fall through */
      only_save:
        ls->buflen--;  /* drop '\\' */
        save(ls, c);
        /* fall through */
      no_save:
        break;
      }
      default:
        save_and_next(ls);
    }
  }
  save_and_next(ls);  /* closing delimiter */
  tok->sem.ts = lex_newstring(ls, ls->buf + 1, ls->buflen - 2);
}

static int reserved_word(const char *s, size_t len) {
  if (len < 2 || len > 8 || !(s[0] >= 'a' && s[0] <= 'w')) return 0;
  for (int i = 0; i < NUM_RESERVED; i++) {
    const char *w = token_names[i];
    if (w[0] == s[0] && strlen(w) == len && memcmp(w, s, len) == 0) return FIRST_RESERVED + i;
  }
  return 0;
}

static int llex(LexState *ls, Token *tok) {
  ls->buflen = 0;
  for (;;) {
    switch (ls->current) {
      case '\n': case '\r':
        inclinenumber(ls);
        break;
      case ' ': case '\f': case '\t': case '\v':
        next(ls);
        break;
      case '-':
        next(ls);
        if (ls->current != '-') return '-';
        next(ls);
        if (ls->current == '[') {
          size_t sep = skip_sep(ls);
          ls->buflen = 0;
          if (sep >= 2) {
            read_long_string(ls, NULL, sep);
            ls->buflen = 0;
            break;
          }
        }
        while (!curr_is_newline(ls) && ls->current != EOZ) next(ls);
        break;
      case '[': {
        size_t sep = skip_sep(ls);
        if (sep >= 2) {
          read_long_string(ls, tok, sep);
          return TK_STRING;
        }
        if (sep == 0) lex_error(ls, "invalid long string delimiter", TK_STRING);
        return '[';
      }
      case '=':
        next(ls);
        return check_next1(ls, '=') ? TK_EQ : '=';
      case '<':
        next(ls);
        if (check_next1(ls, '=')) return TK_LE;
        if (check_next1(ls, '<')) return TK_SHL;
        return '<';
      case '>':
        next(ls);
        if (check_next1(ls, '=')) return TK_GE;
        if (check_next1(ls, '>')) return TK_SHR;
        return '>';
      case '/':
        next(ls);
        return check_next1(ls, '/') ? TK_IDIV : '/';
      case '~':
        next(ls);
        return check_next1(ls, '=') ? TK_NE : '~';
      case ':':
        next(ls);
        return check_next1(ls, ':') ? TK_DBCOLON : ':';
      case '"': case '\'':
        read_string(ls, ls->current, tok);
        return TK_STRING;
      case '.':
        save_and_next(ls);
        if (check_next1(ls, '.')) return check_next1(ls, '.') ? TK_DOTS : TK_CONCAT;
        if (!is_digit(ls->current)) return '.';
        return read_numeral(ls, tok);
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return read_numeral(ls, tok);
      case EOZ:
        return TK_EOS;
      default:
        if (is_alpha(ls->current)) {
          do save_and_next(ls); while (is_alnum(ls->current));
          int kw = reserved_word(ls->buf, ls->buflen);
          if (kw) return kw;
          tok->sem.ts = lex_newstring(ls, ls->buf, ls->buflen);
          return TK_NAME;
        } else {
          int c = ls->current;
          next(ls);
          return c;
        }
    }
  }
}

void lex_next(LexState *ls) {
  ls->lastline = ls->linenumber;
  if (ls->has_ahead) {
    ls->t = ls->ahead;
    ls->has_ahead = 0;
  } else {
    ls->t.token = llex(ls, &ls->t);
  }
}

int lex_lookahead(LexState *ls) {
  ls->ahead.token = llex(ls, &ls->ahead);
  ls->has_ahead = 1;
  return ls->ahead.token;
}
