/* The baseline grid: body lines of every script one step high with a baseline fixed per
 * paragraph, whatever glyphs they hold; taller scripts on their [grid] step; every body
 * baseline of a page, in every column, on the page's grid as the layout JSON gives it. */
#include <cjson/cJSON.h>

#include "layout-internal.h"
#include "test.h"

#include <math.h>

#define MAX_LINES 4096

typedef struct {
  double y[MAX_LINES], h[MAX_LINES], base[MAX_LINES], x[MAX_LINES];
  size_t n;
  double origin, step;   /* page 1's grid, from the JSON */
} body_t;

/* The text repeated n times, as one paragraph of a Markdown article in lang. */
static char *
article_src (const char *lang, const char *const *paras, size_t nparas, unsigned n)
{
  size_t cap = 1 << 16, len = 0;
  char *s = malloc (cap);
  len += (size_t) snprintf (s, cap, "---\ntitle: Grid\nlang: %s\n---\n\n", lang);
  for (size_t p = 0; p < nparas; p++) {
    for (unsigned i = 0; i < n; i++)
      len += (size_t) snprintf (s + len, cap - len, "%s ", paras[p]);
    len += (size_t) snprintf (s + len, cap - len, "\n\n");
  }
  return s;
}

/* src set on the built-in template tplname: its layout JSON, parsed (NULL on failure). */
static cJSON *
layout_of (const char *src, const char *tplname)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  ink_status_t pst = src[0] == '{'
                      ? ink_article_parse_json (ctx, src, strlen (src), NULL, &a, &diag)
                      : ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &diag);
  CHECK_EQ_INT (pst, INK_OK);
  if (pst != INK_OK)
    fprintf (stderr, "%u:%u: %s\n", diag.line, diag.column, diag.message);
  CHECK_EQ_INT (ink_template_builtin (ctx, tplname, &t), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && t && fs) {
    ink_status_t st = ink_document_layout (ctx, a, t, fs, NULL, &doc);
    CHECK (st == INK_OK || st == INK_OVERFLOW);
  }
  const char *json;
  size_t len;
  cJSON *root = NULL;
  if (doc && ink_document_layout_json (doc, &json, &len) == INK_OK)
    root = cJSON_ParseWithLength (json, len);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
  return root;
}

/* Sets src on the built-in template tplname; the body lines of page 1, and its grid. */
static bool
set_body (const char *src, const char *tplname, body_t *b)
{
  bool ok = false;
  memset (b, 0, sizeof *b);
  cJSON *root = layout_of (src, tplname);
  cJSON *page = root ? cJSON_GetArrayItem (cJSON_GetObjectItem (root, "pages"), 0) : NULL;
  cJSON *grid = page ? cJSON_GetObjectItem (page, "grid") : NULL;
  CHECK (grid != NULL);
  if (grid) {
    b->origin = cJSON_GetObjectItem (grid, "origin")->valuedouble;
    b->step = cJSON_GetObjectItem (grid, "step")->valuedouble;
    cJSON *it;
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      cJSON *role = cJSON_GetObjectItem (it, "role");
      if (!role || strcmp (role->valuestring, "body") != 0 || b->n == MAX_LINES)
        continue;
      b->x[b->n] = cJSON_GetObjectItem (it, "x")->valuedouble;
      b->y[b->n] = cJSON_GetObjectItem (it, "y")->valuedouble;
      b->h[b->n] = cJSON_GetObjectItem (it, "height")->valuedouble;
      b->base[b->n++] = cJSON_GetObjectItem (it, "baseline")->valuedouble;
    }
    ok = b->n > 0;
  }
  cJSON_Delete (root);
  return ok;
}

/* Whether baseline y is on b's grid: the JSON gives the step to 0.01 px, off by up to
 * 0.005 px a step. */
static bool
on_grid (const body_t *b, double y)
{
  double k = round ((y - b->origin) / b->step);
  return fabs (y - b->origin - k * b->step) < 0.02 + 0.005 * fabs (k);
}

/* Every body baseline of b on its page's grid. */
static void
check_on_grid (const char *what, const body_t *b)
{
  for (size_t i = 0; i < b->n; i++) {
    bool ok = on_grid (b, b->base[i]);
    if (!ok)
      fprintf (stderr, "%s: line %zu: baseline %.2f off the grid (%.2f from %.2f)\n", what, i,
               b->base[i], b->step, b->origin);
    CHECK (ok);
  }
}

/* Every body line step high, its baseline off lines below its top; lines that follow in a
 * column one step apart; every baseline on the page's grid. */
static void
check_constant (const char *what, const body_t *b, double step, double *off)
{
  size_t follow = 0;
  *off = b->n ? b->base[0] - b->y[0] : 0;
  for (size_t i = 0; i < b->n; i++) {
    bool ok = fabs (b->h[i] - step) < 0.02 && fabs (b->base[i] - b->y[i] - *off) < 0.02;
    ok = ok && on_grid (b, b->base[i]);
    if (i && fabs (b->x[i] - b->x[i - 1]) < 40 && b->y[i] > b->y[i - 1]) {
      ok = ok && fabs (b->y[i] - b->y[i - 1] - step) < 0.02;
      follow++;
    }
    if (!ok)
      fprintf (stderr, "%s: line %zu: y %.2f height %.2f baseline %.2f (step %.2f, grid %.2f "
               "from %.2f)\n", what, i, b->y[i], b->h[i], b->base[i], step, b->step, b->origin);
    CHECK (ok);
  }
  CHECK (follow >= 3);
}

#define URDU \
  "\xda\xa9\xd8\xb1\xd8\xa7\xda\x86\xdb\x8c \xd9\x85\xdb\x8c\xda\xba \xd9\x85\xd9\x86\xda" \
  "\xaf\xd9\x84 \xda\xa9\xdb\x8c \xd8\xb5\xd8\xa8\xd8\xad \xd9\x85\xd9\x88\xd9\x86 \xd8\xb3" \
  "\xd9\x88\xd9\x86 \xda\xa9\xdb\x8c \xd9\xbe\xdb\x81\xd9\x84\xdb\x8c \xd8\xa8\xd8\xa7\xd8" \
  "\xb1\xd8\xb4 \xd9\x86\xdb\x92 \xd8\xb4\xdb\x81\xd8\xb1\xdb\x94 "
#define ENGLISH \
  "The harbour board met on Tuesday and agreed to open the new quay next spring, after " \
  "two years of work on the breakwater and the old warehouses. "

/* A paragraph of text repeated n times in an article in lang, on tplname: every line of it
 * step px high, at one baseline offset, one step after the line before. */
static void
constant_case (const char *what, const char *lang, const char *text, unsigned n,
               const char *tplname, double step)
{
  char *src = article_src (lang, &text, 1, n);
  body_t b;
  if (set_body (src, tplname, &b)) {
    double off;
    CHECK (fabs (b.step - step) < 0.02);
    check_constant (what, &b, step, &off);
  }
  free (src);
}

/* On the body step (the body leading, 42px), an Urdu word no higher than the rest. */
TEST (english_with_an_urdu_word)
{
  constant_case ("English with Urdu", "en",
    "The council met on Tuesday to discuss the harbour, and the mayor, quoting the poet's "
    "word \xd8\xae\xd9\x88\xd8\xa7\xd8\xa8 (a dream), said the plan would go ahead.",
                 6, "kiosk-10.3", 42);
}

/* On [grid] Thai = 28px of kiosk-7.5. */
TEST (thai)
{
  constant_case ("Thai", "th",
    "\xe0\xb8\xa3\xe0\xb8\xb0\xe0\xb8\x94\xe0\xb8\xb1\xe0\xb8\x9a\xe0\xb8\x99\xe0\xb9\x89"
    "\xe0\xb8\xb3\xe0\xb9\x83\xe0\xb8\x99\xe0\xb9\x81\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb8\x99"
    "\xe0\xb9\x89\xe0\xb8\xb3\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x87\xe0\xb8\xaa\xe0\xb8\xb9"
    "\xe0\xb8\x87\xe0\xb8\x82\xe0\xb8\xb6\xe0\xb9\x89\xe0\xb8\x99\xe0\xb8\xad\xe0\xb8\xa2"
    "\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\x87\xe0\xb8\xa3\xe0\xb8\xa7\xe0\xb8\x94\xe0\xb9\x80"
    "\xe0\xb8\xa3\xe0\xb9\x87\xe0\xb8\xa7",
                 12, "kiosk-7.5", 28);
}

/* On [grid] Arab:ur = 84px of kiosk-10.3. */
TEST (urdu)
{
  constant_case ("Urdu", "ur", URDU URDU, 5, "kiosk-10.3", 84);
}

/* Body lines of page 1 that are h high. */
static size_t
count_height (const body_t *b, double h)
{
  size_t n = 0;
  for (size_t i = 0; i < b->n; i++)
    n += fabs (b->h[i] - h) < 0.02;
  return n;
}

/* An Urdu paragraph (a span in Urdu) in an English article steps by the Nastaliq step,
 * twice the English one, and stays on the English grid. */
TEST (urdu_paragraph_on_the_english_grid)
{
  static const char src[] =
    "{ \"title\": \"Grid\", \"lang\": \"en\", \"blocks\": ["
    "{ \"type\": \"paragraph\", \"text\": \"" ENGLISH ENGLISH ENGLISH "\" },"
    "{ \"type\": \"paragraph\", \"text\": \"" URDU URDU URDU "\","
    "  \"spans\": [{ \"start\": 0, \"length\": %zu, \"lang\": \"ur\" }] } ] }";
  char buf[sizeof src + 32];
  snprintf (buf, sizeof buf, src, strlen (URDU URDU URDU));
  body_t b;
  if (set_body (buf, "kiosk-10.3", &b)) {
    CHECK (fabs (b.step - 42) < 0.02);
    CHECK (count_height (&b, 84) >= 2);
    CHECK (count_height (&b, 42) >= 3);
    check_on_grid ("Urdu in English", &b);
  }
}

/* Without a language, Arabic letters in an English article are set in Naskh, whose step
 * (52px) rounds to the page's (42px). */
TEST (arabic_paragraph_in_english)
{
  static const char *const p[] = { ENGLISH ENGLISH ENGLISH, URDU URDU URDU };
  char *src = article_src ("en", p, 2, 1);
  body_t b;
  if (set_body (src, "kiosk-10.3", &b)) {
    CHECK_EQ_INT (count_height (&b, 42), b.n);
    check_on_grid ("Arabic in English", &b);
  }
  free (src);
}

/* Columns line up: on three columns, every column holds body lines and all their
 * baselines (the drop cap's too) are on the one grid. */
TEST (columns_line_up)
{
  static const char *const p[] = {
    "The harbour board met on Tuesday and agreed to open the new quay next spring.",
    "Work on the breakwater, delayed by two winters of storms, is now nearly done.",
  };
  char *src = article_src ("en", p, 2, 30);
  body_t b;
  if (set_body (src, "print-a4", &b)) {
    double xs[8];
    unsigned ncols = 0;
    for (size_t i = 0; i < b.n; i++) {
      bool known = fabs (b.h[i] - b.step) > 0.02;   /* the drop cap */
      for (unsigned c = 0; c < ncols; c++)
        known = known || fabs (xs[c] - b.x[i]) < 200;   /* lines beside the cap */
      if (!known && ncols < 8)
        xs[ncols++] = b.x[i];
    }
    check_on_grid ("columns", &b);
    CHECK_EQ_INT (ncols, 3);
  }
  free (src);
}

/* The body after a Vietnamese subhead whose stacked accents fit its leading starts right
 * under it: the subhead is not set a sliver taller, which sent the body a whole grid step
 * down. */
TEST (body_right_under_a_subhead_with_stacked_accents)
{
  const char *para = "Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n \xe1\xbb\x9f ph\xe1\xbb\x91 c\xe1\xbb\x95 "
                     "n\xc3\xb3i r\xe1\xba\xb1ng b\xe1\xba\xbfn ph\xc3\xa0 m\xe1\xbb\x9bi s\xe1\xba\xbd "
                     "m\xe1\xbb\x9f v\xc3\xa0o m\xc3\xb9" "a h\xc3\xa8 n\xc4\x83m sau. ";
  char src[4096];
  int n = snprintf (src, sizeof src, "---\ntitle: Grid\nlang: vi\n---\n\n%s%s\n\n"
                    "## Ng\xc6\xb0\xe1\xbb\x9di ch\xc3\xa8o \xc4\x91\xc3\xb2 lo l\xe1\xba\xaf"
                    "ng\n\n%s%s%s\n", para, para, para, para, para);
  CHECK (n > 0 && (size_t) n < sizeof src);
  cJSON *root = layout_of (src, "kiosk-7.5");
  cJSON *page = root ? cJSON_GetArrayItem (cJSON_GetObjectItem (root, "pages"), 0) : NULL;
  double step = page ? cJSON_GetObjectItem (cJSON_GetObjectItem (page, "grid"), "step")->valuedouble
                     : 0;
  double sub_end = -1, next = -1;
  cJSON *it, *items = page ? cJSON_GetObjectItem (page, "items") : NULL;
  cJSON_ArrayForEach (it, items)
  {
    cJSON *role = cJSON_GetObjectItem (it, "role");
    double y = cJSON_GetObjectItem (it, "y")->valuedouble;
    if (role && strcmp (role->valuestring, "subhead") == 0)
      sub_end = y + cJSON_GetObjectItem (it, "height")->valuedouble;
    else if (role && sub_end >= 0 && next < 0 && strcmp (role->valuestring, "body") == 0)
      next = y;
  }
  CHECK (sub_end > 0 && next > 0);
  if (next - sub_end >= step / 2)
    fprintf (stderr, "subhead ends at %.2f, the body after it starts at %.2f\n", sub_end, next);
  CHECK (next - sub_end < step / 2);
  cJSON_Delete (root);
}

/* The letters of a text counted by script as HarfBuzz tells them one code point at a time
 * (the order of first letters, where each first is, how many): ASCII counted a run at a
 * time gives the same counts as asking HarfBuzz for each of its characters. */
static void
count_one_by_one (ink__script_count_t *c, const char *s, size_t len)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0, at = 0;
  uint32_t cp;
  for (; pos < len && ink__utf8_next (s, len, &pos, &cp); at = pos) {
    hb_script_t sc = hb_unicode_script (uf, cp);
    if (sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN)
      continue;
    unsigned k = 0;
    while (k < c->n && c->script[k] != sc)
      k++;
    if (k == c->n) {
      if (k == INK_GRID_SCRIPTS)
        continue;
      c->script[k] = sc, c->cp[k] = cp, c->at[k] = at, c->count[k] = 0, c->n++;
    }
    c->count[k]++;
  }
}

static void
check_counts (const char *s, size_t len)
{
  ink__script_count_t a = { 0 }, b = { 0 };
  ink__count_scripts (&a, s, len);
  count_one_by_one (&b, s, len);
  CHECK_EQ_INT ((int) a.n, (int) b.n);
  for (unsigned k = 0; k < a.n && k < b.n; k++) {
    CHECK_EQ_INT ((int) a.script[k], (int) b.script[k]);
    CHECK_EQ_INT ((int) a.cp[k], (int) b.cp[k]);
    CHECK_EQ_INT ((int) a.at[k], (int) b.at[k]);
    CHECK_EQ_INT ((int) a.count[k], (int) b.count[k]);
  }
}

TEST (scripts_counted_as_harfbuzz_counts_them)
{
  char ascii[128];
  for (int i = 0; i < 128; i++)
    ascii[i] = (char) (127 - i);
  check_counts (ascii, sizeof ascii);
  static const char *const texts[] = {
    "1999: \u00c7a va, na\u00efve caf\u00e9 \u2014 \u6771\u4eac \u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 "
    "\u0627\u0631\u062f\u0648 \u0e51\u0e52 abc",
    "\u05e9\u05dc\u05d5\u05dd, Zo\u00eb! \u0928\u092e\u0938\u094d\u0924\u0947 \u10d0 \u0561 \u1200 \u0915 "
    "\u3042 \u30a2 \ud55c \u0e01 x\u0301y",
    "bad \xff\xfe bytes \xe2\x80 cut",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
    check_counts (texts[i], strlen (texts[i]));
  unsigned seed = 7;
  char rnd[512];
  for (int r = 0; r < 200; r++) {
    for (size_t i = 0; i < sizeof rnd; i++)
      rnd[i] = (char) (test_random (&seed) & (r % 2 ? 0x7f : 0xff));
    check_counts (rnd, sizeof rnd);
  }
}

int
main (void)
{
  RUN (english_with_an_urdu_word);
  RUN (thai);
  RUN (urdu);
  RUN (urdu_paragraph_on_the_english_grid);
  RUN (arabic_paragraph_in_english);
  RUN (columns_line_up);
  RUN (body_right_under_a_subhead_with_stacked_accents);
  RUN (scripts_counted_as_harfbuzz_counts_them);
  return test_summary ();
}
