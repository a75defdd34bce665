/* Fuzzes the whole pipeline: article bytes are read (Markdown or JSON), laid out on the
 * default template with at most three pages (so the overflow paths run), and every page is
 * rendered to PNG in memory. The first byte chooses: bit 0 the reader (0 Markdown, 1 JSON),
 * bits 1-2 the depth (1, 2, 4 or 8 bits), bits 3-5 the dither, bits 6-7 the pages allowed
 * (1, 2 or 3; 0 also gives 3). The rest is the article.
 *
 * Drawing the pages takes most of the time (a 1404 x 1872 page per page); INKSET_FUZZ_RENDER=0
 * skips it for long runs aimed at the readers and the layout.
 *
 * Invariants checked on every laid-out document:
 * - every line record lies inside the page;
 * - the overflow counts agree with the status (INK_OVERFLOW exactly when something is
 *   counted) and characters overflow only with a block;
 * - conservation: every block's text (and the headline) is found on the lines exactly once,
 *   in order, up to white space; when something overflowed, each block's placed text is a
 *   prefix of its own, and every character missing is counted as overflow.
 * Leaks are left to the sanitizer: faces load into the shared fontset on first use. */
#include "digits.h"
#include "paginate.h"

#include <inkset/inkset-target.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* One context and one fontset for the whole run: faces load once, as in a kiosk. */
static ink_context_t *g_ctx;
static ink_fontset_t *g_fonts;
static ink_template_t *g_tpl;

static void
fail (const char *what, const uint8_t *data, size_t size)
{
  fprintf (stderr, "fuzz_pipeline: invariant broken: %s\ninput (%zu bytes): %.*s\n", what, size,
           (int) (size > 2000 ? 2000 : size), (const char *) data);
  abort ();
}

/* Unicode White_Space: conservation holds up to these. */
static bool
is_space (uint32_t c)
{
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
         || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
         || c == 0x205F || c == 0x3000;
}

/* Appends s without white space, nor the bidi isolates (U+2066..U+2069) the page puts around
 * a comment's author and meta, nor the word joiner after its separator. */
static void
squeeze_append (ink__str_t *out, const char *s, size_t len)
{
  size_t i = 0;
  while (i < len) {
    size_t at = i;
    uint32_t cp;
    ink__utf8_next (s, len, &i, &cp);
    if (!is_space (cp) && cp != 0x2060 && !(cp >= 0x2066 && cp <= 0x2069))
      ink__str_append (g_ctx, out, s + at, i - at);
  }
}

static size_t
count_cps (const char *s, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char) s[i] & 0xC0) != 0x80;
  return n;
}

/* The text the lines of block b must hold, in flow order, without white space. */
static void
block_expected (const ink_article_t *a, const ink__block_t *b, ink__str_t *out)
{
  if (b->kind == INK_BLOCK_COMMENT) {
    if (b->author)
      squeeze_append (out, b->author, strlen (b->author));
    if (b->meta && *b->meta) {
      /* locale.c, ink__separator */
      const char *sep = ink__digits_zero_is_dot (ink__digits_for (a->lang, g_tpl->digits,
                                                                  g_tpl->ndigits))
                          ? "|" : "\u00b7";
      squeeze_append (out, sep, strlen (sep));
      squeeze_append (out, b->meta, strlen (b->meta));
    }
  }
  squeeze_append (out, b->text, b->text_len);
  if (b->kind == INK_BLOCK_PULLQUOTE && b->attribution)
    squeeze_append (out, b->attribution, strlen (b->attribution));
  if (b->kind == INK_BLOCK_FIGURE && b->credit)
    squeeze_append (out, b->credit, strlen (b->credit));
}

static void
check_document (ink_document_t *doc, const ink_article_t *a, ink_status_t st,
                unsigned max_pages, const uint8_t *data, size_t size)
{
  int32_t W = (int32_t) doc->width * 64, H = (int32_t) doc->height * 64;
  if (doc->pages.n < 1 || doc->pages.n > max_pages)
    fail ("more pages than allowed, or none", data, size);
  /* The layout JSON is valid UTF-8: no line starts or ends inside a character. */
  const char *json;
  size_t jlen;
  if (ink_document_layout_json (doc, &json, &jlen) == INK_OK) {
    for (size_t p = 0; p < jlen;) {
      uint32_t cp;
      if (!ink__utf8_next (json, jlen, &p, &cp))
        fail ("the layout JSON is not valid UTF-8", data, size);
    }
  }
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *r = &doc->lines.v[i];
    if (r->x < 0 || r->y < 0 || r->w < 0 || r->h < 0 || r->x + r->w > W || r->y + r->h > H)
      fail ("a line lies outside the page", data, size);
    if (r->text_off + r->text_len > doc->text.n)
      fail ("a line's text lies outside the document's text", data, size);
  }
  size_t lines_seen = 0;
  for (size_t p = 0; p < doc->pages.n; p++) {
    const ink__page_t *pg = &doc->pages.v[p];
    if (pg->l0 != lines_seen || pg->l0 + pg->nl > doc->lines.n)
      fail ("page line ranges do not tile the line records", data, size);
    lines_seen += pg->nl;
    if (pg->i0 + pg->ni > doc->items.n)
      fail ("page item range outside the items", data, size);
  }
  bool over = doc->overflow_chars || doc->overflow_blocks;
  if (over != (st == INK_OVERFLOW))
    fail ("overflow counts disagree with the status", data, size);
  if (doc->overflow_chars && !doc->overflow_blocks)
    fail ("characters overflowed without a block", data, size);
  if (doc->overflow_blocks > a->nblocks + 1)
    fail ("more blocks overflowed than the article has", data, size);

  /* Conservation, block by block. */
  size_t missing = 0, total = 0;
  ink__str_t got = { 0 }, want = { 0 };
  for (long bi = -1; bi < (long) a->nblocks; bi++) {
    got.n = want.n = 0;
    if (got.s)
      got.s[0] = 0;
    if (want.s)
      want.s[0] = 0;
    if (bi < 0)
      squeeze_append (&want, a->title, strlen (a->title));
    else
      block_expected (a, &a->blocks[bi], &want);
    for (size_t i = 0; i < doc->lines.n; i++) {
      const ink__lrec_t *r = &doc->lines.v[i];
      if (r->generated || r->block != bi)
        continue;
      if (bi < 0 && r->role != INK_ROLE_HEADLINE)
        continue;
      squeeze_append (&got, doc->text.s + r->text_off, r->text_len);
    }
    if (got.n > want.n || (got.n && memcmp (got.s, want.s, got.n) != 0)) {
      fprintf (stderr, "block %ld\n  pages: %s\n  input: %s\n", bi, got.s ? got.s : "",
               want.s ? want.s : "");
      fail (over ? "a block's placed text is not a prefix of its text"
                 : "a block's text differs from its lines", data, size);
    }
    if (got.n < want.n) {
      if (!over) {
        fprintf (stderr, "block %ld\n  pages: %s\n  input: %s\n", bi, got.s ? got.s : "",
                 want.s);
        fail ("text lost without overflow", data, size);
      }
      missing += count_cps (want.s + got.n, want.n - got.n);
    }
    total += count_cps (want.s ? want.s : "", want.n);
  }
  ink__str_free (g_ctx, &got);
  ink__str_free (g_ctx, &want);
  if (missing > doc->overflow_chars)
    fail ("characters missing from the pages are not all counted as overflow", data, size);
  (void) total;
}

typedef struct {
  size_t bytes;
} sink_t;

static ink_status_t
sink (void *user, const void *data, size_t len)
{
  sink_t *s = user;
  (void) data;
  s->bytes += len;
  return INK_OK;
}

static bool
setup (void)
{
  if (g_ctx)
    return g_fonts != NULL;
  if (ink_context_create (NULL, NULL, &g_ctx) != INK_OK)
    return false;
  const char *dir = getenv ("INKSET_FONT_DIR");
  if (!dir || !*dir)
    dir = INK_SOURCE_DIR "/fonts";
  if (ink_fontset_create (g_ctx, dir, &g_fonts) != INK_OK) {
    fprintf (stderr, "fuzz_pipeline: no fonts in %s\n", dir);
    abort ();
  }
  if (ink_template_builtin (g_ctx, NULL, &g_tpl) != INK_OK)
    abort ();
  return true;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || !setup ())
    return 0;
  uint8_t sel = data[0];
  const char *src = (const char *) data + 1;
  size_t len = size - 1;
  static const uint8_t depths[4] = { 1, 2, 4, 8 };
  ink_context_t *ctx = g_ctx;

  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  ink_status_t st = (sel & 1) ? ink_article_parse_json (ctx, src, len, NULL, &a, &diag)
                              : ink_article_parse_markdown (ctx, src, len, NULL, &a, &diag);
  if (st != INK_OK) {
    if (a)
      fail ("a failed read returned an article", data, size);
    if (st == INK_PARSE && diag.message[0] == 0)
      fail ("a syntax error without a message", data, size);
    return 0;
  }
  if (!a || !a->title)
    fail ("an article without a title", data, size);

  unsigned max_pages = (sel >> 6) ? (sel >> 6) : 3;
  ink_layout_options_t opts = { .struct_size = sizeof opts, .max_pages = max_pages };
  ink_document_t *doc = NULL;
  st = ink_document_layout (ctx, a, g_tpl, g_fonts, &opts, &doc);
  if (st == INK_OK || st == INK_OVERFLOW) {
    if (!doc)
      fail ("layout succeeded without a document", data, size);
    check_document (doc, a, st, max_pages, data, size);
    const char *json;
    size_t jlen;
    if (ink_document_layout_json (doc, &json, &jlen) != INK_OK || jlen == 0)
      fail ("no layout JSON", data, size);
    ink_pixfmt_t fmt = { 0 };
    fmt.bpp = depths[(sel >> 1) & 3];
    ink_dither_t dither = (ink_dither_t) (((sel >> 3) & 7) % INK_DITHER_COUNT_);
    const char *render = getenv ("INKSET_FUZZ_RENDER");
    size_t npages = render && !strcmp (render, "0") ? 0 : ink_document_page_count (doc);
    for (size_t p = 0; p < npages; p++) {
      ink_page_source_t psrc;
      ink_frame_t frame;
      if (ink_document_frame (doc, p, &fmt, dither, &psrc, &frame) != INK_OK)
        fail ("no frame for a page", data, size);
      sink_t s = { 0 };
      if (ink_png_render (ctx, sink, &s, &frame, 64) != INK_OK || s.bytes == 0)
        fail ("a page did not render", data, size);
    }
  } else if (doc) {
    fail ("a failed layout returned a document", data, size);
  }
  ink_document_destroy (doc);
  ink_article_destroy (a);
  return 0;
}
