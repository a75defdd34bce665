/* Unicode's conformance files through inkset's own break, cluster and bidi functions, the
 * ones the paragraph builder and the shaper call: LineBreakTest through ink__breaks,
 * GraphemeBreakTest through ink__graphemes, BidiCharacterTest through ink__bidi_levels.
 *
 * Every line passes or is skipped for a reason counted and printed: an inkset tailoring
 * (kinsoku shori, Thai words) or a rule or character the installed libunibreak predates.
 * Any other difference fails the test. The files come from Debian's unicode-data package;
 * when one is missing the test says so and exits 77, which ctest reports as skipped. */
#include "bidi.h"
#include "breaks.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linebreak.h>

#define UCD_DIR "/usr/share/unicode" /* INKSET_UNICODE_DIR overrides it */
#define SKIP_CODE 77
#define MAX_CPS 256

static ink_context_t *ctx;

typedef struct {
  const char *reason;
  size_t count;
} skip_t;

typedef struct {
  const char *name;
  size_t lines, passed, failed;
  skip_t skips[12];
} tally_t;

static void
skip (tally_t *t, const char *reason)
{
  for (size_t i = 0; i < sizeof t->skips / sizeof *t->skips; i++) {
    if (!t->skips[i].reason)
      t->skips[i].reason = reason;
    if (t->skips[i].reason == reason) {
      t->skips[i].count++;
      return;
    }
  }
  t->failed++;    /* more reasons than slots: count as a failure, never lose a line */
}

static void
report (const tally_t *t)
{
  size_t skipped = t->lines - t->passed - t->failed;
  printf ("%s: %zu lines, %zu passed, %zu skipped, %zu failed\n", t->name, t->lines, t->passed,
          skipped, t->failed);
  for (size_t i = 0; i < sizeof t->skips / sizeof *t->skips && t->skips[i].reason; i++)
    printf ("  skipped %5zu: %s\n", t->skips[i].count, t->skips[i].reason);
}

/* What a break test line says after each code point k: whether a break follows (brk), the
 * rule that decides it (rule, e.g. "9.0") and the class of the code point (cls, e.g.
 * "OP_OP30"), all from "÷ 0020 × 0308 ÷\t# ÷ [0.2] SPACE (SP) × [9.0] ... (CM1_CM) ÷ [0.3]". */
typedef struct {
  bool brk;
  char rule[8];
  char cls[16];
} mark_t;

/* Copies the text between from and to (exclusive) into out, cut to size. */
static void
copy_field (char *out, size_t size, const char *from, const char *to)
{
  size_t w = to && to > from ? (size_t) (to - from) : 0;
  if (w >= size)
    w = size - 1;
  memcpy (out, from, w);
  out[w] = '\0';
}

/* Returns the number of code points, 0 for none. */
static size_t
parse_breaks (const char *line, uint32_t *cps, mark_t *marks)
{
  size_t n = 0;
  const char *p = line;
  const char *hash = strchr (line, '#');
  while (*p && p != hash && n < MAX_CPS) {
    if (strncmp (p, "\xC3\xB7", 2) == 0 || strncmp (p, "\xC3\x97", 2) == 0) {
      if (n > 0)
        marks[n - 1].brk = p[1] == '\xB7';
      p += 2;
    } else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
      char *end;
      cps[n] = (uint32_t) strtoul (p, &end, 16);
      strcpy (marks[n].rule, "?");
      strcpy (marks[n].cls, "?");
      n++;
      p = end;
    } else {
      p++;
    }
  }
  /* The comment gives "[rule] NAME (CLASS)" per code point; the first rule is the text's
   * start, and each later one is the rule after the code point before it. */
  size_t k = 0;
  for (p = hash; p && (p = strchr (p, '[')) != NULL && k <= n; k++) {
    const char *e = strchr (p, ']');
    if (!e)
      break;
    if (k > 0)
      copy_field (marks[k - 1].rule, sizeof marks[k - 1].rule, p + 1, e);
    const char *next = strchr (e, '[');
    const char *open = strchr (e, '('), *close = open ? strchr (open, ')') : NULL;
    if (k < n && close && (!next || close < next))
      copy_field (marks[k].cls, sizeof marks[k].cls, open + 1, close);
    p = e;
  }
  return n;
}

/* A break test line, read, with its text in UTF-8 and the last byte of each code point. */
typedef struct {
  uint32_t cps[MAX_CPS];
  mark_t marks[MAX_CPS];
  char text[MAX_CPS * 4];
  size_t ends[MAX_CPS], len;
} case_t;

/* Returns the number of code points, 0 for none. */
static size_t
read_case (const char *line, case_t *c)
{
  size_t n = parse_breaks (line, c->cps, c->marks);
  c->len = 0;
  for (size_t k = 0; k < n; k++) {
    c->len += ink__utf8_encode (c->cps[k], c->text + c->len);
    c->ends[k] = c->len - 1;
  }
  return n;
}

typedef bool (*case_fn) (const char *line, tally_t *t);

/* Runs every line of a file through fn. Returns false when the file cannot be read. */
static bool
run_file (const char *name, tally_t *t, case_fn fn)
{
  const char *dir = getenv ("INKSET_UNICODE_DIR");
  char path[1024];
  snprintf (path, sizeof path, "%s/%s", dir ? dir : UCD_DIR, name);
  FILE *f = fopen (path, "r");
  if (!f) {
    printf ("%s: SKIPPED, cannot read %s (install Debian's unicode-data package)\n", t->name,
            path);
    return false;
  }
  char line[8192];
  while (fgets (line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
      continue;
    t->lines++;
    if (fn (line, t))
      t->passed++;
  }
  fclose (f);
  report (t);
  return true;
}

static bool
is_thai (uint32_t cp)
{
  return cp >= 0x0E01 && cp <= 0x0E5B;
}

/* The code point whose class the one at k takes: itself, or the base of its marks (LB9). */
static size_t
base_of (const mark_t *m, size_t k)
{
  while (k > 0 && (strncmp (m[k].cls, "CM", 2) == 0 || strncmp (m[k].cls, "ZWJ", 3) == 0))
    k--;
  return k;
}

static bool
is_one_of (const char *cls, const char *const *list)
{
  for (; *list; list++)
    if (strcmp (cls, *list) == 0)
      return true;
  return false;
}

/* Why the installed libunibreak's answer after code point k, which differs from the test
 * file's, is a limit of libunibreak (UAX #14 revision 30 of Unicode 6.2 in Debian 12's 1.1)
 * rather than of inkset: a rule added or changed since, or a class it leaves to the
 * application. NULL when none applies. */
static const char *
unibreak_limit (const uint32_t *cps, size_t n, const mark_t *m, size_t k)
{
  static const char *const numeric[] = { "PR", "PO", "OP_OP30", "CL", "CP_CP30", "IS", "SY",
                                         "NU", "HY", "CJ_NS", NULL };
  size_t b = base_of (m, k);
  const char *rule = m[k].rule, *before = m[b].cls, *after = m[k + 1].cls;
  for (size_t i = 0; i < n; i++)
    if (cps[i] == 0xFFFC)
      return "U+FFFC (class CB): libunibreak breaks around it, UAX #14 applies LB4-LB19 first";
  if (strcmp (rule, "999.0") == 0 && strcmp (after, "OP") == 0)
    return "LB30 holds no longer before East Asian wide brackets (Unicode 8.0)";
  if (strcmp (rule, "999.0") == 0 && is_one_of (before, numeric) && is_one_of (after, numeric))
    return "LB25 as the test file's regular expression for numbers, not the pair table";
  if (strncmp (rule, "22.", 3) == 0)
    return "LB22 holds every class before IN (Unicode 11.0)";
  if (strncmp (rule, "24.0", 4) == 0)
    return "LB24 holds AL and HL before PR and PO (Unicode 9.0)";
  if (strcmp (rule, "21.1") == 0 || strcmp (rule, "21.2") == 0)
    return "LB21a/LB21b for Hebrew letters (Unicode 6.3, 8.0)";
  if (strncmp (rule, "30.2", 4) == 0)
    return "LB30b emoji modifiers (Unicode 9.0)";
  return NULL;
}

/* Hangul: syllables, jamo and compatibility jamo. */
static bool
is_hangul (uint32_t cp)
{
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

/* One LineBreakTest line through ink__breaks with no language, as a paragraph. */
static bool
line_case (const char *line, tally_t *t)
{
  case_t c;
  size_t n = read_case (line, &c);
  const uint32_t *cps = c.cps;
  const mark_t *m = c.marks;
  const size_t *ends = c.ends;
  uint8_t brks[MAX_CPS * 4], raw[MAX_CPS];
  if (n == 0 || ink__breaks (ctx, c.text, c.len, NULL, brks) != INK_OK ||
      ink__uax14 (ctx, cps, n, NULL, raw) != INK_OK) {
    t->failed++;
    fprintf (stderr, "LineBreakTest: cannot run: %s", line);
    return false;
  }
  const char *why = NULL;
  for (size_t k = 0; k + 1 < n; k++) {
    bool got = brks[ends[k]] != INK_BRK_NO, raw_got = raw[k] != INK_BRK_NO;
    const char *limit = raw_got != m[k].brk ? unibreak_limit (cps, n, m, k) : NULL;
    if (got == m[k].brk)
      continue;
    if (raw_got == m[k].brk && !got && ink__kinsoku_holds (cps[k], cps[k + 1]))
      why = "kinsoku shori, an inkset tailoring (no line starts with 。」ー or small kana)";
    else if (raw_got == m[k].brk && got && is_thai (cps[k]) && is_thai (cps[k + 1]))
      why = "Thai words from libthai's dictionary, an inkset tailoring";
    else if (raw_got == m[k].brk && !got && (is_hangul (cps[k]) || is_hangul (cps[k + 1])))
      why = "a Korean word keeps its marks, digits, Latin letters and closing punctuation "
            "(\"3\xeb\x85\x84\", \"(BRT)\xeb\x8a\x94\"), an inkset tailoring";
    else if (!got && ink__is_ext_pict (cps[base_of (m, k)]) && cps[k + 1] >= 0x1F3FB && cps[k + 1] <= 0x1F3FF)
      why = "an emoji modifier stays with any pictograph, as in its cluster (inkset tailoring)";
    else if (raw_got == m[k].brk && !got && cps[k] == ' ' && k > 0 &&
             ((cps[k - 1] >= '0' && cps[k - 1] <= '9') || cps[k - 1] == 0xA7))
      why = "a number keeps its unit, a section sign its number (\"40 %\", \"\xc2\xa7 12\"), "
            "an inkset tailoring";
    else if (limit)
      why = limit;
    else {
      t->failed++;
      fprintf (stderr, "LineBreakTest: after code point %zu (rule %s, %s before %s) got %s: %s",
               k + 1, m[k].rule, m[k].cls, m[k + 1].cls, got ? "a break" : "no break", line);
      return false;
    }
  }
  if (why)
    skip (t, why);
  return why == NULL;
}

/* One GraphemeBreakTest line through ink__graphemes. */
static bool
grapheme_case (const char *line, tally_t *t)
{
  case_t c;
  size_t n = read_case (line, &c);
  uint8_t g[MAX_CPS * 4];
  if (n == 0) {
    t->failed++;
    return false;
  }
  ink__graphemes (c.text, c.len, g);
  for (size_t k = 0; k < n; k++) {
    if ((g[c.ends[k]] != 0) != c.marks[k].brk) {
      t->failed++;
      fprintf (stderr, "GraphemeBreakTest: after code point %zu (rule %s) got %s: %s", k + 1,
               c.marks[k].rule, g[c.ends[k]] ? "a boundary" : "no boundary", line);
      return false;
    }
  }
  return true;
}

/* One BidiCharacterTest line: "cps;direction;paragraph level;levels;order". direction 0 is
 * LTR, 1 RTL, 2 auto; a level "x" marks a character rule X9 removes. */
static bool
bidi_case (const char *line, tally_t *t)
{
  uint32_t cps[MAX_CPS];
  size_t n = 0;
  const char *p = line;
  while (*p && *p != ';' && n < MAX_CPS) {
    char *end;
    cps[n++] = (uint32_t) strtoul (p, &end, 16);
    p = end;
    while (*p == ' ')
      p++;
  }
  int dir = -1, par = -1;
  if (*p != ';' || sscanf (p, ";%d;%d;", &dir, &par) != 2 || n == 0) {
    t->failed++;
    fprintf (stderr, "BidiCharacterTest: cannot read: %s", line);
    return false;
  }
  p = strchr (strchr (strchr (p + 1, ';') + 1, ';'), ';');
  p = p ? p + 1 : "";
  FriBidiCharType types[MAX_CPS];
  FriBidiBracketType btypes[MAX_CPS];
  FriBidiLevel levels[MAX_CPS];
  uint8_t base = 0;
  int direction = dir == 0 ? 1 : dir == 1 ? 2 : 0;
  if (!ink__bidi_levels (cps, n, direction, NULL, types, btypes, levels, &base) || base != par) {
    t->failed++;
    fprintf (stderr, "BidiCharacterTest: paragraph level %d, expected %d: %s", base, par, line);
    return false;
  }
  for (size_t k = 0; k < n; k++) {
    while (*p == ' ')
      p++;
    if (*p == 'x') {
      p++;
      continue;
    }
    char *end;
    long want = strtol (p, &end, 10);
    p = end;
    if (levels[k] != want) {
      t->failed++;
      fprintf (stderr, "BidiCharacterTest: level %d at %zu, expected %ld: %s", levels[k], k + 1,
               want, line);
      return false;
    }
  }
  return true;
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  tally_t lb = { .name = "LineBreakTest" }, gb = { .name = "GraphemeBreakTest" };
  tally_t bidi = { .name = "BidiCharacterTest" };
  bool all = run_file ("auxiliary/LineBreakTest.txt", &lb, line_case);
  all &= run_file ("auxiliary/GraphemeBreakTest.txt", &gb, grapheme_case);
  all &= run_file ("BidiCharacterTest.txt", &bidi, bidi_case);
  ink_context_destroy (ctx);
  if (lb.failed || gb.failed || bidi.failed)
    return 1;
  return all ? 0 : SKIP_CODE;
}
