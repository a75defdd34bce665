/* An article of examples/articles laid out on a template and read by the make-up checker
 * (tests/tools/makeup_check.h), for tests of the page engine's make-up. Include after
 * fixture.h and makeup_check.h. */
#ifndef INK_CHECKED_H
#define INK_CHECKED_H

#include <limits.h>
#include <string.h>

/* Lays out article (a file of examples/articles, or a path from the source tree's root) on
 * tpl and checks its pages into *r (its faults printed when there are any) and *pages; false,
 * with *r empty, when it could not be laid out or read. The caller frees *r with
 * mk_report_free. */
static bool
checked_sample (const char *article, const char *tpl, size_t *pages, mk_report_t *r)
{
  char path[512];
  snprintf (path, sizeof path, strchr (article, '/') ? "%s/%s" : "%s/examples/articles/%s",
            INK_SOURCE_DIR, article);
  fixture_t s;
  const char *json;
  size_t len;
  *r = (mk_report_t) { 0 };
  bool ok = fixture_lay_out (&s, NULL, path, tpl) &&
            ink_document_layout_json (s.doc, &json, &len) == INK_OK &&
            mk_check_text (json, len, article, 0, 0, r);
  *pages = ok ? ink_document_page_count (s.doc) : 0;
  if (ok && r->faults && r->text)
    fprintf (stderr, "%s", r->text);
  fixture_tear_down (&s);
  return ok;
}

/* The faults of kind the checker finds on article laid out on tpl (UINT_MAX when it could
 * not be laid out or read), printed with the render's name when there are any. */
static inline unsigned
checked_faults (const char *article, const char *tpl, mk_kind_t kind)
{
  mk_report_t r;
  size_t pages;
  unsigned n = checked_sample (article, tpl, &pages, &r) ? r.count[kind] : UINT_MAX;
  if (n)
    fprintf (stderr, "%s %s: %u %s\n", article, tpl, n, mk_kind_name (kind));
  mk_report_free (&r);
  return n;
}

#endif
