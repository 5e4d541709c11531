/* Lua patterns and the library functions built on them: string.find, string.match,
 * string.gmatch and string.gsub. The matcher is a backtracking one over byte strings,
 * with lua5.4's semantics and error messages; its recursion is bounded
 * (PAT_MAXDEPTH) so a hostile pattern ends in "pattern too complex", never in a C
 * stack overflow. Simple items followed by no quantifier loop instead of recursing. */
#include <ctype.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "strlib_internal.h"

/* With glibc the character classes are read from its locale tables directly, as its
 * isalpha()... macros do, but with the table pointers fetched once per match attempt
 * instead of per test (a call each). Other C libraries use the macros. */
#if defined(__GLIBC__)
#define PAT_CTYPE_TABLES 1
#endif

#define PAT_MAXCAPTURES 32    /* lua5.4's LUA_MAXCAPTURES */
#define PAT_MAXDEPTH    200   /* lua5.4's MAXCCALLS: nested calls of pat_match */
#define PAT_ESC         '%'
#define PAT_SPECIALS    "^$*+?.([%-"

/* A capture's len while it is open, and for a position capture "()". */
#define CAP_OPEN      (-1)
#define CAP_POSITION  (-2)

typedef struct PatState {
  const char *src_begin;     /* subject */
  const char *src_end;
  const char *pat_end;
  lua_State *L;
  int depth_left;            /* recursion budget; restored on every return */
  int steps_left;            /* pat_match calls until the next cove_charge */
  int ncaptures;             /* captures started so far (open or closed) */
  const char *first, *first_end;  /* pat_first_item: an item every match starts with */
#ifdef PAT_CTYPE_TABLES
  const unsigned short *ctype;   /* the C library's table for the current locale, */
                                 /* read once per match attempt (pat_restart) */
#endif
  struct {
    const char *start;
    ptrdiff_t len;           /* a length, CAP_OPEN or CAP_POSITION */
  } cap[PAT_MAXCAPTURES];
} PatState;

static const char *pat_match(PatState *ps, const char *s, const char *p);

/* ---- single items ---- */

/* End of the set at p ('['), or NULL when the pattern ends before its ']'. The first
 * character after '[' (or "[^") is part of the set even when it is ']', hence a
 * do-while; an escape protects the character after it. */
static const char *pat_set_end(const PatState *ps, const char *p) {
  p++;
  if (p < ps->pat_end && *p == '^')
    p++;
  do {
    if (p >= ps->pat_end)
      return NULL;
    char c = *p++;
    if (c == PAT_ESC && p < ps->pat_end)
      p++;
  } while (p == ps->pat_end || *p != ']');
  return p + 1;
}

/* Return the end of the item starting at p (a char, '.', %x or a [set]). */
static const char *pat_item_end(PatState *ps, const char *p) {
  char c = *p++;
  if (c == PAT_ESC) {
    if (p >= ps->pat_end)
      luaL_error(ps->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    const char *end = pat_set_end(ps, p - 1);
    if (end == NULL)
      luaL_error(ps->L, "malformed pattern (missing ']')");
    return end;
  }
  return p;
}

/* Does byte c belong to class letter cl (%a, %d, ...; upper case complements)?
 * A letter that names no class stands for itself (so %. matches '.'). */
static inline int pat_class_matches(const PatState *ps, int c, int cl) {
#ifdef PAT_CTYPE_TABLES
  /* The class letter itself is read as ASCII (lua5.4 asks tolower/islower of the
   * locale, which agree on these letters in every locale). */
  unsigned short mask;
  int negate = 0;
  switch (cl) {
    case 'A': negate = 1; /* fall through */
    case 'a': mask = (unsigned short)_ISalpha; break;
    case 'C': negate = 1; /* fall through */
    case 'c': mask = (unsigned short)_IScntrl; break;
    case 'D': negate = 1; /* fall through */
    case 'd': mask = (unsigned short)_ISdigit; break;
    case 'G': negate = 1; /* fall through */
    case 'g': mask = (unsigned short)_ISgraph; break;
    case 'L': negate = 1; /* fall through */
    case 'l': mask = (unsigned short)_ISlower; break;
    case 'P': negate = 1; /* fall through */
    case 'p': mask = (unsigned short)_ISpunct; break;
    case 'S': negate = 1; /* fall through */
    case 's': mask = (unsigned short)_ISspace; break;
    case 'U': negate = 1; /* fall through */
    case 'u': mask = (unsigned short)_ISupper; break;
    case 'W': negate = 1; /* fall through */
    case 'w': mask = (unsigned short)_ISalnum; break;
    case 'X': negate = 1; /* fall through */
    case 'x': mask = (unsigned short)_ISxdigit; break;
    case 'Z': negate = 1; /* fall through */
    case 'z': return (c == 0) != negate;   /* deprecated, still accepted by lua5.4 */
    default: return cl == c;
  }
  return ((ps->ctype[c] & mask) != 0) != negate;
#else
  (void)ps;
  int in;
  switch (tolower(cl)) {
    case 'a': in = isalpha(c); break;
    case 'c': in = iscntrl(c); break;
    case 'd': in = isdigit(c); break;
    case 'g': in = isgraph(c); break;
    case 'l': in = islower(c); break;
    case 'p': in = ispunct(c); break;
    case 's': in = isspace(c); break;
    case 'u': in = isupper(c); break;
    case 'w': in = isalnum(c); break;
    case 'x': in = isxdigit(c); break;
    case 'z': in = (c == 0); break;   /* deprecated, still accepted by lua5.4 */
    default: return cl == c;
  }
  return islower(cl) ? in != 0 : in == 0;
#endif
}

/* Does byte c belong to the set that starts at '[' (p) and ends at ']' (set_end)? */
static int pat_set_matches(const PatState *ps, int c, const char *p, const char *set_end) {
  int want = 1;
  if (p[1] == '^') {
    want = 0;
    p++;
  }
  while (++p < set_end) {
    if (*p == PAT_ESC) {
      p++;
      if (pat_class_matches(ps, c, (unsigned char)*p))
        return want;
    } else if (p[1] == '-' && p + 2 < set_end) {
      p += 2;
      if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p)
        return want;
    } else if ((unsigned char)*p == c) {
      return want;
    }
  }
  return !want;
}

/* Does the subject byte at s match the item [p, item_end)? False at the subject end. */
static inline int pat_single_matches(PatState *ps, const char *s, const char *p,
                              const char *item_end) {
  if (s >= ps->src_end)
    return 0;
  int c = (unsigned char)*s;
  switch (*p) {
    case '.': return 1;
    case PAT_ESC: return pat_class_matches(ps, c, (unsigned char)p[1]);
    case '[': return pat_set_matches(ps, c, p, item_end - 1);
    default: return (unsigned char)*p == c;
  }
}

/* %bxy at p (pointing at x): a balanced run from x to its matching y. */
static const char *pat_match_balance(PatState *ps, const char *s, const char *p) {
  if (p >= ps->pat_end - 1)
    luaL_error(ps->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= ps->src_end || *s != *p)
    return NULL;
  char open = p[0], close = p[1];
  int depth = 1;
  while (++s < ps->src_end) {
    if (*s == close) {
      if (--depth == 0)
        return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return NULL;
}

/* ---- repetitions ---- */

/* item* (greedy): take as many as possible, then give back one at a time. */
/* The character the rest of the pattern at p must start with, or -1: p is a plain
 * character (no class, set, capture or anchor) not followed by a quantifier that allows
 * zero of it. pat_match fails on any other subject byte before reading further (so
 * before any malformed-pattern error), which lets a repetition skip those lengths. */
static int pat_leading_literal(const PatState *ps, const char *p) {
  if (p >= ps->pat_end || strchr("^$*+?.([%-)", *p) != NULL)
    return -1;
  if (p + 1 < ps->pat_end && (p[1] == '*' || p[1] == '?' || p[1] == '-'))
    return -1;
  return (unsigned char)*p;
}

static const char *pat_expand_greedy(PatState *ps, const char *s, const char *p,
                                     const char *item_end) {
  ptrdiff_t n = 0;
  while (pat_single_matches(ps, s + n, p, item_end))
    n++;
  int next = pat_leading_literal(ps, item_end + 1);
  for (; n >= 0; n--) {
    if (next >= 0 && (s + n >= ps->src_end || (unsigned char)s[n] != next))
      continue;
    const char *res = pat_match(ps, s + n, item_end + 1);
    if (res != NULL)
      return res;
  }
  return NULL;
}

/* item- (lazy): try the rest first, then one more repetition. */
static const char *pat_expand_lazy(PatState *ps, const char *s, const char *p,
                                   const char *item_end) {
  for (;;) {
    const char *res = pat_match(ps, s, item_end + 1);
    if (res != NULL)
      return res;
    if (!pat_single_matches(ps, s, p, item_end))
      return NULL;
    s++;
  }
}

/* ---- captures ---- */

static const char *pat_capture_open(PatState *ps, const char *s, const char *p,
                                    ptrdiff_t kind) {
  int level = ps->ncaptures;
  if (level >= PAT_MAXCAPTURES)
    luaL_error(ps->L, "too many captures");
  ps->cap[level].start = s;
  ps->cap[level].len = kind;
  ps->ncaptures = level + 1;
  const char *res = pat_match(ps, s, p);
  if (res == NULL)
    ps->ncaptures--;   /* backtracking past the '(' forgets the capture */
  return res;
}

static const char *pat_capture_close(PatState *ps, const char *s, const char *p) {
  int level = ps->ncaptures - 1;
  while (level >= 0 && ps->cap[level].len != CAP_OPEN)
    level--;
  if (level < 0)
    luaL_error(ps->L, "invalid pattern capture");
  ps->cap[level].len = s - ps->cap[level].start;
  const char *res = pat_match(ps, s, p);
  if (res == NULL)
    ps->cap[level].len = CAP_OPEN;
  return res;
}

/* %1-%9 inside a pattern: the subject must repeat a closed capture's text. */
static const char *pat_backref(PatState *ps, const char *s, int digit) {
  int level = digit - '1';
  if (level < 0 || level >= ps->ncaptures || ps->cap[level].len == CAP_OPEN)
    luaL_error(ps->L, "invalid capture index %%%d", level + 1);
  size_t len = (size_t)ps->cap[level].len;
  if ((size_t)(ps->src_end - s) >= len && memcmp(ps->cap[level].start, s, len) == 0)
    return s + len;
  return NULL;
}

/* ---- the matcher ----
 * Match pattern p against the subject from s; return the end of the match or NULL.
 * Cases that would end in a tail call loop back to `again` instead, so only real
 * branching (captures, quantifiers, '?') consumes depth. */
/* Matching steps charged at a time: backtracking can take exponential time on a short
 * subject (as in lua5.4), so steps, not bytes, are what a budget must see. */
#define PAT_CHARGE_STEPS 256

static const char *pat_match(PatState *ps, const char *s, const char *p) {
  if (ps->depth_left-- == 0)
    luaL_error(ps->L, "pattern too complex");
  if (--ps->steps_left <= 0) {
    ps->steps_left = PAT_CHARGE_STEPS;
    STRLIB_CHARGE_FUEL(ps->L, PAT_CHARGE_STEPS);
  }
again:
  if (p == ps->pat_end)
    goto done;
  switch (*p) {
    case '(':
      if (p + 1 < ps->pat_end && p[1] == ')')
        s = pat_capture_open(ps, s, p + 2, CAP_POSITION);
      else
        s = pat_capture_open(ps, s, p + 1, CAP_OPEN);
      goto done;
    case ')':
      s = pat_capture_close(ps, s, p + 1);
      goto done;
    case '$':
      if (p + 1 != ps->pat_end)
        break;   /* a '$' that is not last is an ordinary character */
      if (s != ps->src_end)
        s = NULL;
      goto done;
    case PAT_ESC:
      if (p + 1 >= ps->pat_end)
        break;   /* pat_item_end reports the malformed pattern */
      switch (p[1]) {
        case 'b':
          s = pat_match_balance(ps, s, p + 2);
          if (s != NULL) {
            p += 4;
            goto again;
          }
          goto done;
        case 'f': {
          p += 2;
          if (p >= ps->pat_end || *p != '[')
            luaL_error(ps->L, "missing '[' after '%%f' in pattern");
          const char *set_end = pat_item_end(ps, p);
          /* A frontier sees '\0' before the subject and after its end. */
          int before = (s == ps->src_begin) ? 0 : (unsigned char)s[-1];
          int after = (s < ps->src_end) ? (unsigned char)*s : 0;
          if (!pat_set_matches(ps, before, p, set_end - 1) &&
              pat_set_matches(ps, after, p, set_end - 1)) {
            p = set_end;
            goto again;
          }
          s = NULL;
          goto done;
        }
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          s = pat_backref(ps, s, (unsigned char)p[1]);
          if (s != NULL) {
            p += 2;
            goto again;
          }
          goto done;
        default:
          break;
      }
      break;
    default:
      break;
  }
  /* An item with an optional quantifier. */
  const char *item_end = (*p != PAT_ESC && *p != '[') ? p + 1 : pat_item_end(ps, p);
  char quant = item_end < ps->pat_end ? *item_end : '\0';
  if (!pat_single_matches(ps, s, p, item_end)) {
    if (quant == '*' || quant == '?' || quant == '-') {
      p = item_end + 1;   /* zero repetitions are allowed */
      goto again;
    }
    s = NULL;
    goto done;
  }
  switch (quant) {
    case '?': {
      const char *res = pat_match(ps, s + 1, item_end + 1);
      if (res != NULL) {
        s = res;
        goto done;
      }
      p = item_end + 1;
      goto again;
    }
    case '+':
      s = pat_expand_greedy(ps, s + 1, p, item_end);
      goto done;
    case '*':
      s = pat_expand_greedy(ps, s, p, item_end);
      goto done;
    case '-':
      s = pat_expand_lazy(ps, s, p, item_end);
      goto done;
    default:
      s++;
      p = item_end;
      goto again;
  }
done:
  ps->depth_left++;
  return s;
}

/* ---- where a match can start ----
 * When the pattern (after at most a few opening captures) starts with a single item
 * that must match once (a character, '.', a class or a set, followed by '+' or by no
 * quantifier), pat_match fails at once, with no effect and no error, at any subject
 * position that item does not match. The search loops test that item themselves there
 * instead of calling pat_match. Anything else (anchors, %b, %f, back-references,
 * malformed items, which pat_match must be the one to report) turns the test off. */

static void pat_first_item(PatState *ps, const char *p) {
  ps->first = NULL;
  for (int opens = 0; p < ps->pat_end && *p == '(' && opens < 4; opens++)
    p += (p + 1 < ps->pat_end && p[1] == ')') ? 2 : 1;
  if (p >= ps->pat_end)
    return;
  const char *end;
  switch (*p) {
    case '(': case ')': case '$': case '^': case '*': case '+': case '?': case '-':
      return;
    case PAT_ESC:
      if (p + 1 >= ps->pat_end || p[1] == 'b' || p[1] == 'f' ||
          (p[1] >= '0' && p[1] <= '9'))
        return;
      end = p + 2;
      break;
    case '[':
      end = pat_set_end(ps, p);
      if (end == NULL)
        return;
      break;
    default:
      end = p + 1;
      break;
  }
  if (end < ps->pat_end && (*end == '*' || *end == '?' || *end == '-'))
    return;
  ps->first = p;
  ps->first_end = end;
}

/* Can a match start at s? False only where pat_match would fail at once. */
static inline int pat_may_start(PatState *ps, const char *s) {
  return ps->first == NULL || pat_single_matches(ps, s, ps->first, ps->first_end);
}

/* ---- results ---- */

/* Before each match attempt: no captures yet, and the locale's tables (Lua code run
 * between attempts, by gsub's replacement function or a gmatch loop, may have called
 * os.setlocale). */
static void pat_restart(PatState *ps) {
  ps->ncaptures = 0;
#ifdef PAT_CTYPE_TABLES
  ps->ctype = *__ctype_b_loc();
#endif
}

static void pat_init(PatState *ps, lua_State *L, const char *s, size_t slen,
                     const char *p, size_t plen) {
  ps->L = L;
  ps->depth_left = PAT_MAXDEPTH;
  ps->steps_left = PAT_CHARGE_STEPS;
  ps->src_begin = s;
  ps->src_end = s + slen;
  ps->pat_end = p + plen;
  ps->first = NULL;
  pat_restart(ps);
}

/* Get capture i of a match [s, e). With no captures, capture 0 is the whole match.
 * Return its length and start; a position capture is pushed and gives CAP_POSITION. */
static ptrdiff_t pat_get_capture(PatState *ps, int i, const char *s, const char *e,
                                 const char **start) {
  if (i >= ps->ncaptures) {
    if (i != 0)
      luaL_error(ps->L, "invalid capture index %%%d", i + 1);
    *start = s;
    return e - s;
  }
  ptrdiff_t len = ps->cap[i].len;
  *start = ps->cap[i].start;
  if (len == CAP_OPEN)
    luaL_error(ps->L, "unfinished capture");
  else if (len == CAP_POSITION)
    lua_pushinteger(ps->L, (ps->cap[i].start - ps->src_begin) + 1);
  return len;
}

static void pat_push_capture(PatState *ps, int i, const char *s, const char *e) {
  const char *start;
  ptrdiff_t len = pat_get_capture(ps, i, s, e, &start);
  if (len != CAP_POSITION)
    lua_pushlstring(ps->L, start, (size_t)len);
}

/* Push every capture; with none, push the whole match unless s is NULL (find). */
static int pat_push_captures(PatState *ps, const char *s, const char *e) {
  int n = (ps->ncaptures == 0 && s != NULL) ? 1 : ps->ncaptures;
  luaL_checkstack(ps->L, n, "too many captures");
  for (int i = 0; i < n; i++)
    pat_push_capture(ps, i, s, e);
  return n;
}

/* ---- find, match ---- */

static int pat_has_specials(const char *p, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (p[i] != '\0' && strchr(PAT_SPECIALS, p[i]) != NULL)
      return 1;
  return 0;
}

static const char *pat_find_plain(const char *s, size_t slen, const char *p, size_t plen) {
  if (plen == 0)
    return s;
  if (plen > slen)
    return NULL;
  const char *last = s + (slen - plen);   /* last possible start */
  while (s <= last) {
    const char *hit = memchr(s, *p, (size_t)(last - s) + 1);
    if (hit == NULL)
      return NULL;
    if (memcmp(hit + 1, p + 1, plen - 1) == 0)
      return hit;
    s = hit + 1;
  }
  return NULL;
}

static int pat_find_aux(lua_State *L, int is_find) {
  size_t slen, plen;
  const char *s = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  size_t init = strlib_start_pos(luaL_optinteger(L, 3, 1), slen) - 1;
  if (init > slen) {
    luaL_pushfail(L);
    return 1;
  }
  STRLIB_CHARGE_FUEL(L, slen - init);
  if (is_find && (lua_toboolean(L, 4) || !pat_has_specials(p, plen))) {
    const char *hit = pat_find_plain(s + init, slen - init, p, plen);
    if (hit != NULL) {
      lua_pushinteger(L, (hit - s) + 1);
      lua_pushinteger(L, (lua_Integer)((size_t)(hit - s) + plen));
      return 2;
    }
  } else {
    PatState ps;
    const char *start = s + init;
    int anchored = (plen > 0 && *p == '^');
    if (anchored) {
      p++;
      plen--;
    }
    pat_init(&ps, L, s, slen, p, plen);
    pat_first_item(&ps, p);
    do {
      pat_restart(&ps);
      const char *end = pat_may_start(&ps, start) ? pat_match(&ps, start, p) : NULL;
      if (end != NULL) {
        if (is_find) {
          lua_pushinteger(L, (start - s) + 1);
          lua_pushinteger(L, end - s);
          return pat_push_captures(&ps, NULL, NULL) + 2;
        }
        return pat_push_captures(&ps, start, end);
      }
    } while (start++ < ps.src_end && !anchored);
  }
  luaL_pushfail(L);
  return 1;
}

int strlib_find(lua_State *L) {
  return pat_find_aux(L, 1);
}

int strlib_match(lua_State *L) {
  return pat_find_aux(L, 0);
}

/* ---- gmatch ----
 * The iterator keeps its state in a userdata upvalue; the subject and pattern are
 * upvalues too, which keeps the strings the state points into alive. */
typedef struct GmatchState {
  const char *next;          /* where the next search starts */
  const char *pat;
  const char *last_end;      /* end of the previous match: an empty match there is skipped */
  PatState ps;
} GmatchState;

static int pat_gmatch_step(lua_State *L) {
  GmatchState *gm = (GmatchState *)lua_touserdata(L, lua_upvalueindex(3));
  gm->ps.L = L;   /* the iterator may run in another coroutine than gmatch did */
  for (const char *src = gm->next; src <= gm->ps.src_end; src++) {
    pat_restart(&gm->ps);
    const char *end = pat_may_start(&gm->ps, src) ? pat_match(&gm->ps, src, gm->pat) : NULL;
    if (end != NULL && end != gm->last_end) {
      gm->next = gm->last_end = end;
      return pat_push_captures(&gm->ps, src, end);
    }
  }
  return 0;
}

int strlib_gmatch(lua_State *L) {
  size_t slen, plen;
  const char *s = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  size_t init = strlib_start_pos(luaL_optinteger(L, 3, 1), slen) - 1;
  lua_settop(L, 2);
  GmatchState *gm = (GmatchState *)lua_newuserdatauv(L, sizeof(GmatchState), 0);
  if (init > slen)
    init = slen + 1;   /* past the end: the iterator finds nothing */
  STRLIB_CHARGE_FUEL(L, slen);
  pat_init(&gm->ps, L, s, slen, p, plen);
  pat_first_item(&gm->ps, p);
  gm->next = s + init;
  gm->pat = p;
  gm->last_end = NULL;
  lua_pushcclosure(L, pat_gmatch_step, 3);
  return 1;
}

/* ---- gsub ---- */

/* Append a replacement string (argument 3) with its %0-%9 and %% escapes expanded. */
static void pat_add_template(PatState *ps, luaL_Buffer *b, const char *s, const char *e) {
  lua_State *L = ps->L;
  size_t len;
  const char *t = lua_tolstring(L, 3, &len);
  const char *t_end = t + len;
  const char *esc;
  while ((esc = memchr(t, PAT_ESC, (size_t)(t_end - t))) != NULL) {
    luaL_addlstring(b, t, (size_t)(esc - t));
    int c = (esc + 1 < t_end) ? (unsigned char)esc[1] : '\0';
    if (c == PAT_ESC) {
      luaL_addchar(b, PAT_ESC);
    } else if (c == '0') {
      luaL_addlstring(b, s, (size_t)(e - s));
    } else if (isdigit(c)) {
      const char *start;
      ptrdiff_t caplen = pat_get_capture(ps, c - '1', s, e, &start);
      if (caplen == CAP_POSITION)
        luaL_addvalue(b);   /* the position was pushed */
      else
        luaL_addlstring(b, start, (size_t)caplen);
    } else {
      luaL_error(L, "invalid use of '%c' in replacement string", PAT_ESC);
    }
    t = esc + 2;
  }
  luaL_addlstring(b, t, (size_t)(t_end - t));
}

/* Append the replacement for match [s, e). Return whether the subject changed: a
 * function or table giving nil or false keeps the original text. */
static int pat_add_replacement(PatState *ps, luaL_Buffer *b, const char *s,
                               const char *e, int repl_type) {
  lua_State *L = ps->L;
  if (repl_type == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    int n = pat_push_captures(ps, s, e);
    lua_call(L, n, 1);
  } else if (repl_type == LUA_TTABLE) {
    pat_push_capture(ps, 0, s, e);
    lua_gettable(L, 3);
  } else {
    pat_add_template(ps, b, s, e);
    return 1;
  }
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    luaL_addlstring(b, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
  luaL_addvalue(b);
  return 1;
}

int strlib_gsub(lua_State *L) {
  size_t slen, plen;
  const char *src = luaL_checklstring(L, 1, &slen);
  const char *p = luaL_checklstring(L, 2, &plen);
  int repl_type = lua_type(L, 3);
  lua_Integer max_repl = luaL_optinteger(L, 4, (lua_Integer)slen + 1);
  luaL_argexpected(L, repl_type == LUA_TNUMBER || repl_type == LUA_TSTRING ||
                      repl_type == LUA_TFUNCTION || repl_type == LUA_TTABLE,
                   3, "string/function/table");
  const char *last_end = NULL;
  lua_Integer count = 0;
  int changed = 0;
  int anchored = (plen > 0 && *p == '^');
  PatState ps;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  if (anchored) {
    p++;
    plen--;
  }
  STRLIB_CHARGE_FUEL(L, slen);
  pat_init(&ps, L, src, slen, p, plen);
  pat_first_item(&ps, p);
  while (count < max_repl) {
    pat_restart(&ps);
    const char *end = pat_may_start(&ps, src) ? pat_match(&ps, src, p) : NULL;
    if (end != NULL && end != last_end) {
      count++;
      changed |= pat_add_replacement(&ps, &b, src, end, repl_type);
      src = last_end = end;
    } else if (src < ps.src_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchored)
      break;
  }
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, (size_t)(ps.src_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, count);
  return 2;
}
