/* template: the built-in templates, the language's values and units, defaults, reference
 * counting, values at their bounds, and out-of-memory behaviour. Bad templates are in test_template_bad.c. */
#include "template.h"
#include "test.h"

#include <math.h>

static ink_context_t *
new_ctx (void)
{
  ink_context_t *ctx = NULL;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  return ctx;
}

static ink_template_t *
parse (ink_context_t *ctx, const char *src)
{
  ink_template_t *t = NULL;
  ink_diag_t diag;
  ink_status_t st = ink_template_parse (ctx, src, strlen (src), "test", &t, &diag);
  if (st != INK_OK)
    fprintf (stderr, "unexpected error %u:%u: %s\n", diag.line, diag.column, diag.message);
  CHECK_EQ_INT (st, INK_OK);
  return t;
}

static bool
near (float a, float b)
{
  return fabsf (a - b) < 0.01f;
}

static const ink__family_t *
family (const ink_template_t *t, const char *name)
{
  for (size_t i = 0; i < t->nfamilies; i++)
    if (strcmp (t->families[i].name, name) == 0)
      return &t->families[i];
  return NULL;
}

static const ink__fallback_t *
fallback (const ink_template_t *t, const char *script, const char *lang)
{
  for (size_t i = 0; i < t->nfallbacks; i++)
    if (strcmp (t->fallbacks[i].script, script) == 0 && strcmp (t->fallbacks[i].lang, lang) == 0)
      return &t->fallbacks[i];
  return NULL;
}

/* The fallback chains and families every built-in declares. */
static void
check_fonts (const ink_template_t *t)
{
  const ink__family_t *serif = family (t, "serif");
  CHECK (serif != NULL);
  if (serif) {
    CHECK_EQ_STR (serif->regular, "NotoSerif-Regular.ttf");
    CHECK_EQ_STR (serif->bold, "NotoSerif-Bold.ttf");
    CHECK_EQ_STR (serif->italic, "NotoSerif-Italic.ttf");
    CHECK_EQ_STR (serif->bold_italic, "NotoSerif-BoldItalic.ttf");
  }
  const ink__fallback_t *f = fallback (t, "Arab", "");
  CHECK (f && f->nfamilies == 1 && strcmp (f->families[0], "naskh") == 0);
  f = fallback (t, "Arab", "ur");
  CHECK (f && f->nfamilies == 1 && strcmp (f->families[0], "nastaliq") == 0);
  f = fallback (t, "Zyyy", "");
  CHECK (f && f->nfamilies == 2 && strcmp (f->families[0], "serif") == 0
         && strcmp (f->families[1], "sans") == 0);
  /* Script, language, families (a chain of one family has "" second). */
  static const char *const scripts[][4] = { { "Hebr", "", "hebrew", "sans" },
    { "Deva", "", "devanagari", "sans" }, { "Beng", "", "bengali", "sans" },
    { "Taml", "", "tamil", "sans" },
    { "Thai", "", "thai", "sans" }, { "Hani", "", "cjk", "" }, { "Hani", "ja", "japanese", "cjk" },
    { "Hira", "", "japanese", "cjk" }, { "Kana", "", "japanese", "cjk" },
    { "Hani", "ko", "korean", "cjk" }, { "Hang", "", "korean", "cjk" } };
  for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
    f = fallback (t, scripts[i][0], scripts[i][1]);
    unsigned n = scripts[i][3][0] ? 2 : 1;
    CHECK (f && f->nfamilies == n && strcmp (f->families[0], scripts[i][2]) == 0
           && (n == 1 || strcmp (f->families[1], scripts[i][3]) == 0));
  }
  const ink__family_t *cjk = family (t, "cjk");
  CHECK (cjk && strcmp (cjk->regular, "NotoSansCJKsc-Subset.otf") == 0);
  /* Every style names a declared family. */
  for (int r = 0; r < INK_ROLE_COUNT_; r++) {
    CHECK (family (t, t->styles[r].family) != NULL);
    CHECK (t->styles[r].size_px >= 1);
    CHECK (t->styles[r].leading_px >= t->styles[r].size_px * 0.9f);
  }
}

TEST (builtin_names)
{
  const char *const *names = ink_template_builtin_names ();
  CHECK_EQ_STR (names[0], "kiosk-10.3");
  CHECK_EQ_STR (names[1], "kiosk-7.5");
  CHECK_EQ_STR (names[2], "reader-6");
  CHECK_EQ_STR (names[3], "print-a4");
  CHECK (names[4] == NULL);
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = (ink_template_t *) 1;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-11", &t), INK_NOT_FOUND);
  CHECK (t == NULL);
  CHECK_EQ_INT (ink_template_builtin (ctx, NULL, &t), INK_OK);
  CHECK_EQ_STR (ink_template_name (t), "kiosk-10.3");
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

TEST (builtin_kiosk_10_3)
{
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-10.3", &t), INK_OK);
  CHECK_EQ_INT (ink_template_width (t), 1404);
  CHECK_EQ_INT (ink_template_height (t), 1872);
  CHECK (near (ink_template_dpi (t), 227));
  CHECK_EQ_INT (ink_template_bpp (t), 4);
  CHECK_EQ_INT (ink_template_columns (t), 2);
  CHECK (near (t->gutter_px, 36));
  CHECK (t->column_rule);
  CHECK (near (t->margin_top, 96) && near (t->margin_right, 84) && near (t->margin_bottom, 96)
         && near (t->margin_left, 84));
  CHECK_EQ_INT (t->dither, INK_TDITHER_FLOYD_STEINBERG);
  CHECK (!t->comments_new_page);
  CHECK_EQ_STR (t->header_left, "{section}");
  CHECK_EQ_STR (t->header_right, "{page} / {pages}");
  CHECK (t->header_center == NULL);
  const ink__style_t *body = &t->styles[INK_ROLE_BODY];
  CHECK_EQ_STR (body->family, "serif");
  CHECK (body->size_px >= 30 && body->size_px <= 32);
  CHECK (body->leading_px / body->size_px > 1.3f && body->leading_px / body->size_px < 1.4f);
  CHECK_EQ_INT (body->align, INK_ALIGN_JUSTIFY);
  CHECK (body->hyphenate);
  CHECK (near (body->indent_px, body->size_px));
  CHECK_EQ_INT (body->nfeatures, 3);
  CHECK (memcmp (body->features[2].tag, "onum", 4) == 0 && body->features[2].value == 1);
  const ink__style_t *head = &t->styles[INK_ROLE_HEADLINE];
  CHECK_EQ_INT (head->weight, 700);
  CHECK (head->size_px > 2 * body->size_px);
  CHECK (head->span_columns);
  CHECK (t->styles[INK_ROLE_DECK].italic);
  const ink__style_t *kicker = &t->styles[INK_ROLE_KICKER];
  CHECK (kicker->uppercase && kicker->grey > 0);
  CHECK_EQ_STR (kicker->family, "sans");
  CHECK_EQ_STR (t->styles[INK_ROLE_BYLINE].family, "sans");
  CHECK_EQ_STR (t->styles[INK_ROLE_CAPTION].family, "sans");
  CHECK (t->styles[INK_ROLE_CAPTION].size_px < body->size_px);
  const ink__style_t *quote = &t->styles[INK_ROLE_QUOTE];
  CHECK (quote->italic && quote->weight == 700 && quote->span_columns);
  CHECK (quote->size_px > body->size_px);
  CHECK_EQ_STR (t->styles[INK_ROLE_COMMENT].family, "sans");
  CHECK (t->styles[INK_ROLE_COMMENT].size_px < body->size_px);
  CHECK_EQ_STR (t->styles[INK_ROLE_HEADER].name, "running");
  CHECK_EQ_STR (t->styles[INK_ROLE_FOOTER].name, "running");
  check_fonts (t);
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

TEST (builtin_others)
{
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-7.5", &t), INK_OK);
  CHECK_EQ_INT (ink_template_width (t), 800);
  CHECK_EQ_INT (ink_template_height (t), 480);
  CHECK_EQ_INT (ink_template_bpp (t), 1);
  CHECK_EQ_INT (ink_template_columns (t), 2);
  CHECK (ink_template_width (t) > ink_template_height (t));
  for (int r = 0; r < INK_ROLE_COUNT_; r++)
    CHECK_EQ_INT (t->styles[r].grey, 0);   /* no grey text at one bit */
  CHECK_EQ_STR (t->styles[INK_ROLE_CAPTION].name, "small");
  /* A role left unset takes the style of its own name: comment_author here. */
  CHECK_EQ_STR (t->styles[INK_ROLE_COMMENT_AUTHOR].name, "comment_author");
  check_fonts (t);
  ink_template_destroy (t);

  CHECK_EQ_INT (ink_template_builtin (ctx, "reader-6", &t), INK_OK);
  CHECK_EQ_INT (ink_template_width (t), 1072);
  CHECK_EQ_INT (ink_template_height (t), 1448);
  CHECK (near (ink_template_dpi (t), 300));
  CHECK_EQ_INT (ink_template_columns (t), 1);
  CHECK (near (t->styles[INK_ROLE_BODY].size_px, 10.0f * 300 / 72));
  check_fonts (t);
  ink_template_destroy (t);

  CHECK_EQ_INT (ink_template_builtin (ctx, "print-a4", &t), INK_OK);
  CHECK_EQ_INT (ink_template_width (t), 2480);
  CHECK_EQ_INT (ink_template_height (t), 3508);
  CHECK (near (ink_template_dpi (t), 300));
  CHECK_EQ_INT (ink_template_columns (t), 3);
  CHECK_EQ_INT (ink_template_bpp (t), 8);
  CHECK_EQ_INT (t->dither, INK_TDITHER_NONE);
  CHECK (near (t->gutter_px, 5.0f * 300 / 25.4f));
  CHECK (near (t->styles[INK_ROLE_BODY].size_px, 9.5f * 300 / 72));
  check_fonts (t);
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

/* The built-in text is the shipped file, byte for byte. */
TEST (builtin_matches_file)
{
  ink_context_t *ctx = new_ctx ();
  for (const char *const *n = ink_template_builtin_names (); *n; n++) {
    char path[512];
    snprintf (path, sizeof path, "%s/examples/templates/%s.ini", INK_SOURCE_DIR, *n);
    char *data;
    size_t len, blen;
    CHECK_EQ_INT (ink__read_file (ctx, path, 1 << 20, &data, &len), INK_OK);
    const char *text = ink_template_builtin_source (*n, &blen);
    CHECK_EQ_INT (blen, len);
    CHECK (text && blen == len && memcmp (text, data, len) == 0);
    ink__free (ctx, data, len + 1);
    /* And the file loads to the same template. */
    ink_template_t *a = NULL, *b = NULL;
    CHECK_EQ_INT (ink_template_load (ctx, path, &a, NULL), INK_OK);
    CHECK_EQ_INT (ink_template_builtin (ctx, *n, &b), INK_OK);
    CHECK_EQ_STR (ink_template_name (a), *n);
    CHECK (a && b && a->width_px == b->width_px && a->columns == b->columns
           && memcmp (&a->styles[INK_ROLE_BODY].size_px, &b->styles[INK_ROLE_BODY].size_px,
                      sizeof (float)) == 0);
    ink_template_destroy (a);
    ink_template_destroy (b);
  }
  CHECK (ink_template_builtin_source ("nope", NULL) == NULL);
  ink_context_destroy (ctx);
}

TEST (minimal_page)
{
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = parse (ctx, "[page]\nwidth = 600px\nheight = 800px\n");
  if (!t) {
    ink_context_destroy (ctx);
    return;
  }
  CHECK (near (t->dpi, 96));
  CHECK_EQ_INT (t->columns, 1);
  CHECK_EQ_INT (t->bpp, 4);
  CHECK_EQ_INT (t->widows, 2);
  CHECK_EQ_INT (t->orphans, 2);
  CHECK (near (t->margin_left, 0));
  /* Body: 10pt at 96 dpi = 13.33px, rounded; other roles scale from it. */
  const ink__style_t *body = &t->styles[INK_ROLE_BODY];
  CHECK (near (body->size_px, 13));
  CHECK (near (body->leading_px, 18));
  CHECK_EQ_INT (body->align, INK_ALIGN_JUSTIFY);
  CHECK (body->hyphenate);
  CHECK_EQ_STR (body->family, "serif");
  CHECK (near (t->styles[INK_ROLE_HEADLINE].size_px, roundf (13 * 2.4f)));
  CHECK_EQ_INT (t->styles[INK_ROLE_HEADLINE].weight, 700);
  CHECK_EQ_STR (t->styles[INK_ROLE_CAPTION].family, "sans");
  CHECK (t->styles[INK_ROLE_DECK].italic);
  for (int r = 0; r < INK_ROLE_COUNT_; r++)
    CHECK_EQ_STR (t->styles[r].name, ink__role_names[r]);
  /* Default families and chains are there without [fonts] or [fallback]. */
  CHECK (family (t, "nastaliq") != NULL);
  CHECK (fallback (t, "Arab", "ur") != NULL);
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

/* [header] and [footer] first-page: which texts the headline's page shows. */
TEST (first_page)
{
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = parse (ctx, "[page]\nwidth = 600px\nheight = 800px\n");
  if (t) {
    CHECK_EQ_INT (t->header_first, INK_RUNNING_ALL);   /* by default, all of them */
    CHECK_EQ_INT (t->footer_first, INK_RUNNING_ALL);
    ink_template_destroy (t);
  }
  t = parse (ctx, "[page]\nwidth = 600px\nheight = 800px\nmargins = 40px\n[header]\ncenter = {title}\n"
                  "first-page = none\n[footer]\nleft = {title}\nright = {page}\n"
                  "first-page = left , right\n");
  if (t) {
    CHECK_EQ_INT (t->header_first, 0);
    CHECK_EQ_INT (t->footer_first, 5);
    ink_template_destroy (t);
  }
  t = parse (ctx, "[page]\nwidth = 600px\nheight = 800px\nmargins = 40px\n[header]\nfirst-page = all\n");
  if (t) {
    CHECK_EQ_INT (t->header_first, INK_RUNNING_ALL);
    ink_template_destroy (t);
  }
  ink_context_destroy (ctx);
}

TEST (hand_written)
{
  ink_context_t *ctx = new_ctx ();
  const char *src =
    "; a hand-written template\n"
    "[page]\r\n"
    "  width = 1000px   # inline comment\n"
    "height=1200px\n"
    "dpi = 200\n"
    "margins = 50px 40px\n"
    "margin_top = 60px\n"
    "COLUMNS = 4\n"
    "gutter = 0.1in\n"
    "[fonts]\n"
    "garamond = EBGaramond-Regular.otf, EBGaramond-Bold.otf\n"
    "sans = Inter-Regular.ttf\n"
    "[fallback]\n"
    "grek = garamond, serif\n"
    "Arab:fa = naskh\n"
    "[style text]\n"
    "leading = 1.5\n"
    "family = garamond\n"
    "size = 9pt\n"
    "tracking = -0.02em\n"
    "indent = 2em\n"
    "space-after = 0.5em\n"
    "features = kern=1, -liga, ss01=2\n"
    "align = center\n"
    "weight = 500\n"
    "slant = italic\n"
    "grey = 32\n"
    "drop-cap = 3\n"
    "[style head]\n"
    "family = sans\n"
    "size = 30px\n"
    "weight = bold\n"
    "[roles]\n"
    "body = text\n"
    "headline = head\n"
    "quote = head\n"
    "[header]\n"
    "center = \"  {title} # not a comment  \"\n";
  ink_template_t *t = parse (ctx, src);
  if (!t) {
    ink_context_destroy (ctx);
    return;
  }
  CHECK_EQ_INT (t->width_px, 1000);
  CHECK_EQ_INT (t->columns, 4);
  CHECK (near (t->gutter_px, 20));
  CHECK (near (t->margin_top, 60) && near (t->margin_bottom, 50));
  CHECK (near (t->margin_left, 40) && near (t->margin_right, 40));
  const ink__family_t *g = family (t, "garamond");
  CHECK (g && strcmp (g->bold, "EBGaramond-Bold.otf") == 0 && g->italic == NULL);
  const ink__family_t *s = family (t, "sans");
  CHECK (s && strcmp (s->regular, "Inter-Regular.ttf") == 0 && s->bold == NULL);
  const ink__fallback_t *f = fallback (t, "Grek", "");
  CHECK (f && f->nfamilies == 2 && strcmp (f->families[1], "serif") == 0);
  CHECK (fallback (t, "Arab", "fa") != NULL);
  const ink__style_t *b = &t->styles[INK_ROLE_BODY];
  CHECK_EQ_STR (b->name, "text");
  CHECK_EQ_STR (b->family, "garamond");
  CHECK (near (b->size_px, 25));                 /* 9pt at 200 dpi */
  CHECK (near (b->leading_px, 37.5f));           /* 1.5 x size, though given first */
  CHECK (near (b->tracking_em, -0.02f));
  CHECK (near (b->indent_px, 50));
  CHECK (near (b->space_after_px, 12.5f));
  CHECK_EQ_INT (b->nfeatures, 3);
  CHECK (memcmp (b->features[1].tag, "liga", 4) == 0 && b->features[1].value == 0);
  CHECK (memcmp (b->features[2].tag, "ss01", 4) == 0 && b->features[2].value == 2);
  CHECK_EQ_INT (b->align, INK_ALIGN_CENTER);
  CHECK_EQ_INT (b->weight, 500);
  CHECK (b->italic);
  CHECK_EQ_INT (b->grey, 32);
  CHECK_EQ_INT (b->drop_cap_lines, 3);
  CHECK_EQ_STR (t->styles[INK_ROLE_QUOTE].name, "head");
  CHECK_EQ_INT (t->styles[INK_ROLE_HEADLINE].weight, 700);
  CHECK_EQ_STR (t->header_center, "  {title} # not a comment  ");
  /* Unset roles scale from this body: a caption at 0.8 x 25px. */
  CHECK (near (t->styles[INK_ROLE_CAPTION].size_px, 20));
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

TEST (units)
{
  ink_context_t *ctx = new_ctx ();
  static const struct { const char *len; float px; } cases[] = {
    { "72pt", 300 }, { "1in", 300 }, { "25.4mm", 300 }, { "2.54cm", 300 }, { "12px", 12 },
    { "0", 0 }, { ".5in", 150 }, { "3PX", 3 }, { "1.5em", 60 }, { "+2px", 2 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char src[256];
    snprintf (src, sizeof src, "[page]\nwidth = 3000px\nheight = 3000px\ndpi = 300\n"
              "[style body]\nsize = 40px\nspace-before = %s\n", cases[i].len);
    ink_template_t *t = parse (ctx, src);
    if (t)
      CHECK (near (t->styles[INK_ROLE_BODY].space_before_px, cases[i].px));
    else
      fprintf (stderr, "case %s\n", cases[i].len);
    ink_template_destroy (t);
  }
  ink_context_destroy (ctx);
}

/* Values right at a bound are accepted and one pixel past it refused: the page's pixels,
 * zero margins (legal with no running lines), the margin a header needs, an indent that
 * leaves an em, leading and baseline grid as tall as the text area. */
TEST (bounds_at_the_edge)
{
  ink_context_t *ctx = new_ctx ();
  static const struct { const char *src; bool ok; } cases[] = {
    { "[page]\nwidth = 8192px\nheight = 5120px\n", true },     /* 40 Mi pixels */
    { "[page]\nwidth = 8192px\nheight = 5121px\n", false },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 0\n", true },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 0\n[header]\nleft = {page}\n", false },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 13px 0\n[header]\nleft = {page}\n"
      "[footer]\nright = {date}\n", true },                   /* 10px type on 13px */
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 13px 0 12px\n[footer]\nleft = {page}\n",
      false },
    { "[page]\nwidth = 800px\nheight = 480px\n[style body]\nsize = 20px\nindent = 780px\n",
      true },
    { "[page]\nwidth = 800px\nheight = 480px\n[style body]\nsize = 20px\nindent = 781px\n",
      false },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 40px\nbaseline = 400px\n"
      "[style body]\nsize = 20px\nleading = 400px\n", true },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 40px\n[style body]\nsize = 20px\n"
      "leading = 401px\n", false },
    { "[page]\nwidth = 800px\nheight = 480px\nmargins = 40px\nbaseline = 401px\n", false },
    { "[page]\nwidth = 800px\nheight = 480px\ncolumns = 2\ngutter = 0\n"
      "[style body]\nsize = 100px\n", true },                 /* columns of 4 em */
    { "[page]\nwidth = 800px\nheight = 480px\ncolumns = 2\ngutter = 2px\n"
      "[style body]\nsize = 100px\n", false },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ink_template_t *t = NULL;
    ink_diag_t diag;
    ink_status_t st = ink_template_parse (ctx, cases[i].src, strlen (cases[i].src), "edge", &t,
                                          &diag);
    if ((st == INK_OK) != cases[i].ok)
      fprintf (stderr, "case %zu: status %d, %u:%u: %s\n", i, (int) st, diag.line, diag.column,
               st == INK_OK ? "" : diag.message);
    CHECK_EQ_INT (st, cases[i].ok ? INK_OK : INK_PARSE);
    CHECK (cases[i].ok || diag.line > 0);
    ink_template_destroy (t);
  }
  ink_context_destroy (ctx);
}

TEST (reference_and_immutability)
{
  ink_context_t *ctx = new_ctx ();
  size_t before;
  ink_context_memory (ctx, &before, NULL);
  ink_template_t *t = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, "print-a4", &t), INK_OK);
  CHECK_EQ_INT (t->refcount, 1);
  ink_template_t *u = ink_template_reference (t);
  CHECK (u == t);
  CHECK_EQ_INT (t->refcount, 2);
  ink_template_t copy = *t;
  ink_template_destroy (u);
  CHECK_EQ_INT (t->refcount, 1);
  /* Still whole after the first destroy: nothing in it changed. */
  CHECK (memcmp (t->styles, copy.styles, sizeof copy.styles) == 0);
  CHECK_EQ_STR (ink_template_name (t), "print-a4");
  CHECK_EQ_STR (t->families[0].regular, "NotoSerif-Regular.ttf");
  ink_template_destroy (t);
  size_t after;
  ink_context_memory (ctx, &after, NULL);
  CHECK_EQ_INT (after, before);
  ink_template_destroy (NULL);
  CHECK (ink_template_reference (NULL) == NULL);
  /* Two parses of one text are alike, field for field. */
  ink_template_t *a = NULL, *b = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-10.3", &a), INK_OK);
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-10.3", &b), INK_OK);
  CHECK (a->width_px == b->width_px && a->nfamilies == b->nfamilies
         && a->nfallbacks == b->nfallbacks);
  for (int r = 0; r < INK_ROLE_COUNT_; r++) {
    CHECK_EQ_STR (a->styles[r].name, b->styles[r].name);
    CHECK (a->styles[r].size_px == b->styles[r].size_px);
  }
  ink_template_destroy (a);
  ink_template_destroy (b);
  CHECK_EQ_INT (ink_template_parse (NULL, "", 0, NULL, &a, NULL), INK_INVALID);
  CHECK_EQ_INT (ink_template_parse (ctx, NULL, 3, NULL, &a, NULL), INK_INVALID);
  ink_context_destroy (ctx);
}

TEST (load_errors)
{
  ink_context_t *ctx = new_ctx ();
  ink_template_t *t = NULL;
  ink_diag_t diag;
  CHECK_EQ_INT (ink_template_load (ctx, "/nonexistent/x.ini", &t, &diag), INK_IO);
  CHECK (t == NULL);
  char path[512];
  snprintf (path, sizeof path, "%s/tests/bad/template/unknown-key.ini", INK_SOURCE_DIR);
  CHECK_EQ_INT (ink_template_load (ctx, path, &t, &diag), INK_PARSE);
  /* The context's message starts with the path, as a command line prints it. */
  CHECK (strncmp (ink_context_error (ctx), path, strlen (path)) == 0);
  CHECK_EQ_INT (ink_template_open (ctx, "reader-6", &t, &diag), INK_OK);
  CHECK_EQ_STR (ink_template_name (t), "reader-6");
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

/* The complete example in docs/templates.md is a valid template and means what it says. */
TEST (docs_example)
{
  ink_context_t *ctx = new_ctx ();
  char *doc;
  size_t len;
  CHECK_EQ_INT (ink__read_file (ctx, INK_SOURCE_DIR "/docs/templates.md", 1 << 20, &doc, &len),
                INK_OK);
  const char *start = doc ? strstr (doc, "```ini\n") : NULL;
  const char *end = start ? strstr (start + 7, "```") : NULL;
  CHECK (start && end);
  if (start && end) {
    ink_template_t *t = NULL;
    ink_diag_t diag;
    ink_status_t st = ink_template_parse (ctx, start + 7, (size_t) (end - start - 7), "doc", &t,
                                          &diag);
    if (st != INK_OK)
      fprintf (stderr, "docs example: %u:%u: %s\n", diag.line, diag.column, diag.message);
    CHECK_EQ_INT (st, INK_OK);
    if (t) {
      CHECK (near (t->margin_top, 96) && near (t->margin_left, 84));
      CHECK_EQ_STR (t->styles[INK_ROLE_CAPTION].name, "small");
      CHECK (near (t->styles[INK_ROLE_HEADLINE].leading_px, 76 * 1.1f));
      CHECK_EQ_STR (t->styles[INK_ROLE_QUOTE].name, "quote");   /* a default */
    }
    ink_template_destroy (t);
  }
  ink__free (ctx, doc, len + 1);
  ink_context_destroy (ctx);
}

/* An allocator that fails the Nth allocation and counts what is live. */
typedef struct {
  long countdown;
  size_t live;
  bool failed;
} failing_t;

static void *
failing_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  failing_t *f = user;
  if (new_size == 0) {
    free (ptr);
    f->live -= old_size;
    return NULL;
  }
  if (f->countdown == 0) {
    f->failed = true;
    f->countdown = -1;
    return NULL;
  }
  if (f->countdown > 0)
    f->countdown--;
  void *q = realloc (ptr, new_size);
  if (q)
    f->live += new_size - (ptr ? old_size : 0);
  return q;
}

TEST (out_of_memory)
{
  static const char *const builtins[] = { "kiosk-10.3", "kiosk-7.5", NULL };
  for (const char *const *name = builtins; *name; name++) {
    long n;
    for (n = 0; n < 1000; n++) {
      failing_t f = { .countdown = -1 };
      ink_context_t *ctx;
      if (ink_context_create (failing_realloc, &f, &ctx) != INK_OK) {
        CHECK (0);
        break;
      }
      size_t base = f.live;
      f.countdown = n;
      ink_template_t *t = NULL;
      ink_status_t st = ink_template_builtin (ctx, *name, &t);
      if (!f.failed) {
        CHECK_EQ_INT (st, INK_OK);
        ink_template_destroy (t);
        CHECK_EQ_INT (f.live, base);
        ink_context_destroy (ctx);
        break;
      }
      CHECK_EQ_INT (st, INK_NO_MEMORY);
      CHECK (t == NULL);
      CHECK_EQ_INT (f.live, base);   /* nothing leaked */
      ink_context_destroy (ctx);
    }
    CHECK (n > 2 && n < 1000);
  }
}

int
main (void)
{
  RUN (builtin_names);
  RUN (builtin_kiosk_10_3);
  RUN (builtin_others);
  RUN (builtin_matches_file);
  RUN (minimal_page);
  RUN (first_page);
  RUN (hand_written);
  RUN (units);
  RUN (bounds_at_the_edge);
  RUN (reference_and_immutability);
  RUN (load_errors);
  RUN (docs_example);
  RUN (out_of_memory);
  return test_summary ();
}
