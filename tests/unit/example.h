/* Tests on the example articles: one laid out on a built-in template, and a laid-out line's
 * text. Include after fixture.h and layout-internal.h. */
#ifndef INK_TEST_EXAMPLE_H
#define INK_TEST_EXAMPLE_H

/* The example article name laid out on the built-in template tplname; on failure (a
 * failed check already) nothing is left to tear down. */
static inline bool
set_up (fixture_t *s, const char *name, const char *tplname)
{
  return fixture_lay_out_in (s, "examples/articles", name, tplname);
}

/* The text of line l, cut to fit buf (n bytes). */
static inline const char *
text_of (const ink_document_t *doc, const ink__lrec_t *l, char *buf, size_t n)
{
  size_t len = l->text_len < n - 1 ? l->text_len : n - 1;
  memcpy (buf, doc->text.s + l->text_off, len);
  buf[len] = 0;
  return buf;
}

#endif
