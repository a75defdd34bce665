/* The pager: its pages are ink_document_layout's, item for item, and page 1 of a long
 * article comes out before the article's later paragraphs are set. */
#include <inkset/inkset.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "fixture.h"
#include "dates.h"
#include "paginate.h"
#include "template.h"

/* Item i of page P of doc, and the glyphs and text it draws, equal those of page Q of e. */
static bool
same_item (const ink_document_t *d, const ink__item_t *a, const ink_document_t *e,
           const ink__item_t *b)
{
  if (a->kind != b->kind || a->x != b->x || a->y != b->y || a->w != b->w || a->h != b->h ||
      a->face != b->face || a->size_px != b->size_px || a->grey != b->grey || a->ng != b->ng ||
      a->nt != b->nt || a->image != b->image || a->block != b->block || a->href != b->href)
    return false;
  if (a->kind != INK_ITEM_GLYPHS)
    return true;
  return !memcmp (d->glyphs.v + a->g0, e->glyphs.v + b->g0, a->ng * sizeof *d->glyphs.v) &&
         !memcmp (d->text.s + a->t0, e->text.s + b->t0, a->nt);
}

static bool
same_line (const ink_document_t *d, const ink__lrec_t *a, const ink_document_t *e,
           const ink__lrec_t *b)
{
  return a->role == b->role && a->block == b->block && a->x == b->x && a->y == b->y &&
         a->w == b->w && a->h == b->h && a->baseline == b->baseline && a->rtl == b->rtl &&
         a->hyphenated == b->hyphenated && a->generated == b->generated &&
         a->foot_hyphen == b->foot_hyphen && a->text_len == b->text_len &&
         a->glyphs == b->glyphs && a->missing == b->missing && a->ni == b->ni &&
         !memcmp (d->text.s + a->text_off, e->text.s + b->text_off, a->text_len);
}

/* Page 0 of pd equals page q of doc: every item and line, or (body_only) those the article
 * set, not the running lines. */
static bool
same_page (const ink_document_t *pd, const ink_document_t *doc, size_t q, bool body_only)
{
  const ink__page_t *P = &pd->pages.v[0], *Q = &doc->pages.v[q];
  if (pd->pages.n != 1 || P->body_top != Q->body_top || P->body_bottom != Q->body_bottom)
    return false;
  size_t nl = 0;
  for (size_t i = 0, j = 0; i < P->nl || j < Q->nl; i++, j++) {
    while (body_only && i < P->nl && pd->lines.v[P->l0 + i].generated)
      i++;
    while (body_only && j < Q->nl && doc->lines.v[Q->l0 + j].generated)
      j++;
    if (i >= P->nl || j >= Q->nl)
      return i >= P->nl && j >= Q->nl;
    if (!same_line (pd, &pd->lines.v[P->l0 + i], doc, &doc->lines.v[Q->l0 + j]))
      return false;
    nl++;
  }
  if (body_only)
    return nl > 0;
  if (P->ni != Q->ni)
    return false;
  for (size_t i = 0; i < P->ni; i++)
    if (!same_item (pd, &pd->items.v[P->i0 + i], doc, &doc->items.v[Q->i0 + i]))
      return false;
  return true;
}

/* The running lines of page 0 of pd: one says n (the page's number, in the article's
 * digits) with no total. */
static bool
numbered_alone (const ink_document_t *pd, size_t n)
{
  char want[INK_NUMBER_MAX];
  ink__format_number (n, ink__digits_for (pd->article->lang, pd->tpl->digits, pd->tpl->ndigits),
                      want, sizeof want);
  const ink__page_t *P = &pd->pages.v[0];
  for (size_t i = 0; i < P->nl; i++) {
    const ink__lrec_t *l = &pd->lines.v[P->l0 + i];
    if (l->generated && l->text_len == strlen (want) &&
        !memcmp (pd->text.s + l->text_off, want, l->text_len))
      return true;
  }
  return false;
}

/* Every page the pager hands out for the fixture's article equals the layout's; false when
 * one does not (each such page is named). */
static bool
check_pages (fixture_t *s, ink_pager_total_t total, bool names_total)
{
  ink_pager_t *pager = NULL;
  CHECK_EQ_INT (ink_pager_create (s->ctx, s->a, s->t, s->fs, NULL, total, &pager), INK_OK);
  if (!pager)
    return false;
  size_t pages = ink_document_page_count (s->doc), q = 0;
  bool body_only = total == INK_PAGER_TOTAL_OMIT && names_total, same = true;
  for (;; q++) {
    ink_document_t *pd = NULL;
    ink_status_t st = ink_pager_next (pager, &pd);
    CHECK (st == INK_OK || st == INK_OVERFLOW);
    if (!pd)
      break;
    if (q >= pages || !same_page (pd, s->doc, q, body_only)) {
      printf ("  page %zu differs\n", q + 1);
      same = false;
    }
    if (body_only)
      CHECK (numbered_alone (pd, q + 1));
    ink_document_destroy (pd);
  }
  same = same && q == pages;
  CHECK (same);
  CHECK_EQ_INT ((int) ink_pager_progress (pager, NULL), (int) q);
  ink_pager_destroy (pager);
  return same;
}

/* Every sample article on every bundled template: the pager's pages are the layout's, both
 * when pages wait for the total and when they go out as set without it. */
TEST (every_sample)
{
  static const char *const templates[] = { "kiosk-7.5", "kiosk-10.3", "print-a4", "reader-6" };
  const char *dirp = INK_SOURCE_DIR "/examples/articles";
  DIR *dir = opendir (dirp);
  CHECK (dir != NULL);
  if (!dir)
    return;
  /* One context and fontset for all: the faces are loaded once. */
  fixture_t s = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  struct dirent *e;
  int count = 0, same = 0;
  while (s.fs && (e = readdir (dir))) {
    size_t n = strlen (e->d_name);
    if (n < 4 || strcmp (e->d_name + n - 3, ".md") != 0)
      continue;
    char path[512];
    snprintf (path, sizeof path, "%s/%s", dirp, e->d_name);
    ink_diag_t diag = { 0 };
    CHECK_EQ_INT (ink_article_load (s.ctx, path, &s.a, &diag), INK_OK);
    for (size_t t = 0; s.a && t < sizeof templates / sizeof *templates; t++, count++) {
      CHECK_EQ_INT (ink_template_open (s.ctx, templates[t], &s.t, &diag), INK_OK);
      CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OK);
      bool waited = s.doc && check_pages (&s, INK_PAGER_TOTAL_WAIT, true);
      bool omitted = s.doc && check_pages (&s, INK_PAGER_TOTAL_OMIT, true);
      if (!waited || !omitted)
        printf ("%s on %s: the pages above differ (%s)\n", e->d_name, templates[t],
                waited ? "handed out as set" : "waiting for the total");
      same += waited && omitted;
      ink_document_destroy (s.doc);
      ink_template_destroy (s.t);
      s.doc = NULL, s.t = NULL;
    }
    ink_article_destroy (s.a);
    s.a = NULL;
  }
  closedir (dir);
  fixture_tear_down (&s);
  printf ("every sample: %d of %d the same both ways\n", same, count);
  CHECK (count >= 4 * 90);
}

/* A table across the columns that went on to page 2 alone is set across page 1's middle
 * once the text has ended (tablemid.c): the pager holds page 1 until then and hands out the
 * same one page (our wehrsteg.de on print-a4). */
TEST (table_across_first_page_same)
{
  fixture_t s;
  CHECK (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/tests/unit/articles/wehrsteg.de.md",
                          "print-a4"));
  CHECK_EQ_INT ((int) ink_document_page_count (s.doc), 1);
  CHECK (check_pages (&s, INK_PAGER_TOTAL_WAIT, true));
  CHECK (check_pages (&s, INK_PAGER_TOTAL_OMIT, true));
  fixture_tear_down (&s);
}

/* A table across the columns taller than a page goes on at the next pages' tops from the
 * row where the page before broke it (spanrows.c): the pager, which sets a page at a time
 * from its snapshot, hands out the same rows on the same pages (our tunnel-timetable.de on
 * kiosk-10.3, five pages; tunnel-timetable.ar on kiosk-7.5, right to left, seven). */
TEST (table_across_pages_same)
{
  static const char *cases[][2] = { { "tunnel-timetable.de.md", "kiosk-10.3" },
                                    { "tunnel-timetable.ar.md", "kiosk-7.5" } };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    fixture_t s;
    if (!fixture_lay_out_article (&s, cases[i][0], cases[i][1]))
      continue;
    CHECK (ink_document_page_count (s.doc) > 3);
    CHECK (check_pages (&s, INK_PAGER_TOTAL_WAIT, true));
    CHECK (check_pages (&s, INK_PAGER_TOTAL_OMIT, true));
    fixture_tear_down (&s);
  }
}

/* The source line let down to the foot of the last page's text (sourcefoot.c, a finishing
 * step of the layout) is let down on the pager's last page too (our brackwater-board on
 * kiosk-10.3: two pages, the source line alone beside the last three lines). */
TEST (source_line_at_foot_same)
{
  fixture_t s;
  CHECK (fixture_lay_out (&s, NULL,
                          INK_SOURCE_DIR "/tests/unit/articles/brackwater-board.md",
                          "kiosk-10.3"));
  CHECK_EQ_INT ((int) ink_document_page_count (s.doc), 2);
  CHECK (check_pages (&s, INK_PAGER_TOTAL_WAIT, true));
  CHECK (check_pages (&s, INK_PAGER_TOTAL_OMIT, true));
  fixture_tear_down (&s);
}

/* The pull quote brought down inside its box onto the text's last baseline (quotefoot.c, a
 * finishing step of the layout) comes down on the pager's full page too (our
 * thessaloniki-metro-quote.el on kiosk-7.5: page 3 of 4, the quote ending column 1). */
TEST (quote_at_foot_same)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, "thessaloniki-metro-quote.el.md", "kiosk-7.5"))
    return;   /* a failed check already */
  CHECK_EQ_INT ((int) ink_document_page_count (s.doc), 4);
  CHECK (check_pages (&s, INK_PAGER_TOTAL_WAIT, true));
  CHECK (check_pages (&s, INK_PAGER_TOTAL_OMIT, true));
  fixture_tear_down (&s);
}

/* An article of one pull quote and no text, the quote too tall for the room under the head
 * at its styles' size (tests/makeup/property-cases/pull-quote-alone.hi.md, kiosk-7.5): the
 * head is fitted to leave it room (floatorder.c, try_head_room), and page 1 holds both, not
 * the head alone; the pager plans the same head. */
TEST (head_fitted_for_float)
{
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  CHECK_EQ_INT (ink_article_load (s.ctx, INK_SOURCE_DIR
                                  "/tests/makeup/property-cases/pull-quote-alone.hi.md",
                                  &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (s.ctx, "kiosk-7.5", &s.t, &diag), INK_OK);
  if (s.fs && s.a && s.t &&
      ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc) == INK_OK) {
    CHECK_EQ_INT ((int) ink_document_page_count (s.doc), 1);
    CHECK (check_pages (&s, INK_PAGER_TOTAL_WAIT, true));
  } else {
    CHECK (0);
  }
  fixture_tear_down (&s);
}

/* kiosk-10.3 with its foot's "{page} / {pages}" as "{page}": pages handed out as set. */
static ink_template_t *
template_without_total (ink_context_t *ctx)
{
  FILE *f = fopen (INK_SOURCE_DIR "/examples/templates/kiosk-10.3.ini", "rb");
  char src[8192], out[8192];
  size_t n = f ? fread (src, 1, sizeof src - 1, f) : 0, o = 0;
  if (f)
    fclose (f);
  src[n] = 0;
  static const char from[] = "{page} / {pages}";
  for (const char *p = src; *p;) {
    if (!strncmp (p, from, sizeof from - 1)) {
      memcpy (out + o, "{page}", 6);
      o += 6, p += sizeof from - 1;
    } else {
      out[o++] = *p++;
    }
  }
  CHECK (o < n);
  ink_template_t *t = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_template_parse (ctx, out, o, "kiosk-no-total", &t, &diag), INK_OK);
  return t;
}

/* Without {pages}, both ways hand pages out as they are set, the same as the layout's. */
TEST (streamed_same_as_layout)
{
  static const char *const articles[] = { "pakistan-china-pact.md", "budget-explainer.md",
                                          "council-vote.md", "shuttle-commanders.md" };
  for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
    char path[512];
    snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, articles[i]);
    fixture_t s;
    if (!fixture_lay_out (&s, NULL, path, "kiosk-10.3")) {
      fixture_tear_down (&s);
      continue;
    }
    ink_template_t *t = template_without_total (s.ctx);
    ink_document_destroy (s.doc);
    s.doc = NULL;
    if (t) {
      ink_template_destroy (s.t);
      s.t = t;
      CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OK);
    }
    if (s.doc) {
      check_pages (&s, INK_PAGER_TOTAL_OMIT, false);
      check_pages (&s, INK_PAGER_TOTAL_WAIT, false);
    }
    fixture_tear_down (&s);
  }
}

/* The body of an article k times over: a long article. */
static char *
long_article (unsigned k)
{
  static const char head[] = "---\ntitle: A long day at the harbour\nlang: en\n---\n\n";
  static const char body[] =
    "## The morning\n\nThe ferry left the quay at six, as it has every day since the spring, "
    "with the first of the market traders aboard and their crates stacked by the rail. The "
    "crossing takes twenty minutes when the tide is with it and half an hour when it is not.\n\n"
    "Nobody on the quay remembers a day when it did not run. The harbour master keeps the log "
    "in a drawer under the counter, and the log says it has missed four crossings in eleven "
    "years, all of them in storms that closed the port.\n\n"
    "- the six o'clock crossing\n- the eight o'clock crossing\n- the last, at ten at night\n\n"
    "> [!quote] It runs because people need it to run.\n> \u2014 The harbour master\n\n";
  size_t n = sizeof head + k * (sizeof body - 1);
  char *s = malloc (n);
  if (!s)
    return NULL;
  strcpy (s, head);
  for (unsigned i = 0; i < k; i++)
    strcat (s, body);
  return s;
}

/* Page 1 of a long article comes out with a small part of its paragraphs set, and every page
 * handed out as set (paragraphs freed behind the flow) equals the layout's. */
TEST (first_page_first)
{
  char *md = long_article (60);
  CHECK (md != NULL);
  if (!md)
    return;
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_article_parse_markdown (s.ctx, md, strlen (md), NULL, &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  s.t = template_without_total (s.ctx);
  if (s.a && s.fs && s.t &&
      ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc) == INK_OK) {
    ink_pager_t *pager = NULL;
    CHECK_EQ_INT (ink_pager_create (s.ctx, s.a, s.t, s.fs, NULL, INK_PAGER_TOTAL_OMIT, &pager),
                  INK_OK);
    ink_document_t *pd = NULL;
    size_t first = 0, all = 0, q = 0, pages = ink_document_page_count (s.doc);
    for (; pager && ink_pager_next (pager, &pd) == INK_OK && pd; q++) {
      if (q == 0)
        ink_pager_progress (pager, &first);
      CHECK (q < pages && same_page (pd, s.doc, q, false));
      ink_document_destroy (pd);
    }
    CHECK_EQ_INT ((int) q, (int) pages);
    ink_pager_progress (pager, &all);
    /* 60 times the body is 360 paragraphs and more: page 1 needs a few dozen. */
    printf ("paragraphs set: %zu for page 1, %zu for all %zu pages\n", first, all, pages);
    CHECK (all > 300);
    CHECK (first * 5 < all);
    ink_pager_destroy (pager);
  }
  fixture_tear_down (&s);
  free (md);
}

/* Messages a context logged: how many, and their text one after another. */
typedef struct {
  int n;
  char text[1024];
} logged_t;

static void
on_log (void *user, ink_log_level_t level, const char *message)
{
  logged_t *l = user;
  (void) level;
  l->n++;
  size_t used = strlen (l->text);
  snprintf (l->text + used, sizeof l->text - used, "%s\n", message);
}

/* The article at path with its language set to one without hyphenation patterns, so that
 * laying it out logs a warning. */
static char *
without_patterns (const char *path)
{
  FILE *f = fopen (path, "rb");
  char *md = malloc (65536);
  size_t n = f && md ? fread (md, 1, 65535, f) : 0;
  if (f)
    fclose (f);
  if (!md)
    return NULL;
  md[n] = 0;
  char *lang = strstr (md, "lang: en\n");
  CHECK (lang != NULL);
  if (lang)
    memcpy (lang, "lang: tl", 8);   /* no pattern file: set without hyphens */
  return md;
}

/* A short article with floats is laid out whole before the pager's page 1 to see their
 * order (floatorder.c), and its pages are then that layout's when none moves: the pager logs
 * what ink_document_layout logs, once, whether a float moves or not. */
TEST (short_article_logs_once)
{
  static const struct {
    const char *article, *tpl;
  } cases[] = { { "pakistan-china-pact.md", "kiosk-10.3" },
                { "ferry-timetable.md", "kiosk-10.3" },
                { "ferry-timetable.md", "reader-6" } };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char path[512];
    snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, cases[i].article);
    char *md = without_patterns (path);
    fixture_t s = { 0 };
    logged_t by_layout = { 0 }, by_pager = { 0 };
    ink_diag_t diag = { 0 };
    ink_context_create (NULL, NULL, &s.ctx);
    ink_context_set_log (s.ctx, on_log, &by_layout);
    CHECK_EQ_INT (ink_article_parse_markdown (s.ctx, md, md ? strlen (md) : 0,
                                              INK_SOURCE_DIR "/examples/articles", &s.a, &diag),
                  INK_OK);
    CHECK_EQ_INT (ink_template_open (s.ctx, cases[i].tpl, &s.t, &diag), INK_OK);
    CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
    if (s.a && s.t && s.fs &&
        ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc) == INK_OK) {
      ink_context_set_log (s.ctx, on_log, &by_pager);
      check_pages (&s, INK_PAGER_TOTAL_WAIT, false);
      CHECK_EQ_INT (by_layout.n, 1);
      CHECK_EQ_INT (by_pager.n, by_layout.n);
      CHECK (!strcmp (by_pager.text, by_layout.text));
    }
    fixture_tear_down (&s);
    free (md);
  }
}

/* A page limit: the last page handed out says INK_OVERFLOW and carries the counts. */
TEST (overflow_on_last_page)
{
  char *md = long_article (10);
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_article_parse_markdown (s.ctx, md, strlen (md), NULL, &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (s.ctx, "kiosk-10.3", &s.t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  ink_layout_options_t o = { .struct_size = sizeof o, .max_pages = 2 };
  CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, &o, &s.doc), INK_OVERFLOW);
  ink_pager_t *pager = NULL;
  CHECK_EQ_INT (ink_pager_create (s.ctx, s.a, s.t, s.fs, &o, INK_PAGER_TOTAL_WAIT, &pager), INK_OK);
  ink_document_t *p1 = NULL, *p2 = NULL, *p3 = NULL;
  CHECK_EQ_INT (ink_pager_next (pager, &p1), INK_OK);
  CHECK_EQ_INT (ink_pager_next (pager, &p2), INK_OVERFLOW);
  CHECK_EQ_INT (ink_pager_next (pager, &p3), INK_OK);
  CHECK (p1 && p2 && !p3);
  size_t b1, c1, b2, c2;
  ink_document_overflow (s.doc, &b1, &c1);
  ink_document_overflow (p2, &b2, &c2);
  CHECK (c1 > 0 && c1 == c2 && b1 == b2);
  CHECK (p1 && same_page (p1, s.doc, 0, false));
  CHECK (p2 && same_page (p2, s.doc, 1, false));
  ink_document_destroy (p1);
  ink_document_destroy (p2);
  ink_pager_destroy (pager);
  fixture_tear_down (&s);
  free (md);
}

/* An allocator that fails allocation fail_at, counted from when armed. */
typedef struct {
  long count, fail_at;
  bool armed, failed;
} oom_t;

static void *
oom_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  oom_t *o = user;
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  if (o->armed && o->count++ == o->fail_at) {
    o->failed = true;
    return NULL;
  }
  return realloc (ptr, new_size);
}

/* Every page of md from a pager on ctx, each destroyed; the first failing status. */
static ink_status_t
pager_run (ink_context_t *ctx, ink_article_t *a, ink_template_t *t, ink_fontset_t *fs,
           size_t *pages)
{
  ink_pager_t *pager = NULL;
  ink_status_t st = ink_pager_create (ctx, a, t, fs, NULL, INK_PAGER_TOTAL_OMIT, &pager);
  for (*pages = 0; st == INK_OK; ++*pages) {
    ink_document_t *pd = NULL;
    st = ink_pager_next (pager, &pd);
    if (!pd)
      break;
    ink_document_destroy (pd);
  }
  ink_pager_destroy (pager);
  return st;
}

/* Out of memory anywhere in the pager's work: INK_NO_MEMORY, nothing held afterwards. */
TEST (out_of_memory)
{
  char *md = long_article (8);
  oom_t o = { 0 };
  ink_context_t *ctx = NULL;
  ink_context_create (oom_realloc, &o, &ctx);
  ink_article_t *a = NULL;
  ink_fontset_t *fs = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, strlen (md), NULL, &a, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_template_t *t = template_without_total (ctx);
  size_t pages = 0, ref_pages, base, cur;
  /* A first run loads the faces; the reference run counts the allocations after it. */
  CHECK_EQ_INT (pager_run (ctx, a, t, fs, &ref_pages), INK_OK);
  ink_context_memory (ctx, &base, NULL);
  o.armed = true;
  o.fail_at = -1;
  CHECK_EQ_INT (pager_run (ctx, a, t, fs, &ref_pages), INK_OK);
  long total = o.count, stride = total / 150 > 1 ? total / 150 : 1, runs = 0;
  CHECK (ref_pages > 2);
  for (long n = 0; n < total; n += stride, runs++) {
    o.count = 0;
    o.fail_at = n;
    o.failed = false;
    ink_status_t st = pager_run (ctx, a, t, fs, &pages);
    CHECK (o.failed);
    CHECK (st == INK_NO_MEMORY || (st == INK_OK && pages == ref_pages));
    ink_context_memory (ctx, &cur, NULL);
    if (cur != base)
      printf ("allocation %ld failed: %zu bytes held\n", n, cur - base);
    CHECK (cur == base);
  }
  printf ("out of memory: %ld allocations, %ld runs\n", total, runs);
  o.armed = false;
  ink_template_destroy (t);
  ink_fontset_destroy (fs);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
  free (md);
}

/* NULLs and a bad total are refused; destroy takes NULL. */
TEST (bad_arguments)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_pager_t *pager = (ink_pager_t *) 1;
  CHECK_EQ_INT (ink_pager_create (ctx, NULL, NULL, NULL, NULL, INK_PAGER_TOTAL_WAIT, &pager),
                INK_INVALID);
  CHECK (pager == NULL);
  CHECK_EQ_INT (ink_pager_create (ctx, NULL, NULL, NULL, NULL, (ink_pager_total_t) 7, &pager),
                INK_INVALID);
  ink_document_t *pd = (ink_document_t *) 1;
  CHECK_EQ_INT (ink_pager_next (NULL, &pd), INK_INVALID);
  CHECK (pd == NULL);
  CHECK_EQ_INT ((int) ink_pager_progress (NULL, NULL), 0);
  ink_pager_destroy (NULL);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (every_sample);
  RUN (head_fitted_for_float);
  RUN (table_across_first_page_same);
  RUN (table_across_pages_same);
  RUN (source_line_at_foot_same);
  RUN (quote_at_foot_same);
  RUN (streamed_same_as_layout);
  RUN (first_page_first);
  RUN (short_article_logs_once);
  RUN (overflow_on_last_page);
  RUN (out_of_memory);
  RUN (bad_arguments);
  return test_summary ();
}
