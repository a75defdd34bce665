/* template/reader: the template language (docs/templates.md) read into an ink_template.
 *
 * The reader is a strict INI tokenizer of its own rather than inih: it records the line and
 * column of every section, key and value (Debian's inih passes no line to the handler and no
 * column at all), it never truncates a long line, and it refuses what inih would skip
 * silently. The dialect is a subset of inih's, so a template also reads as plain INI.
 *
 * Three passes, each reporting its first error:
 *   1. file order: UTF-8 and size, syntax, unknown or repeated sections and keys;
 *   2. values, by section: [page] (dpi first, then margins), [panel], [flow], [header],
 *      [footer], [fonts], [fallback], [grid], [digits], each [style] (size first), [roles];
 *   3. the whole: required keys, room left by the margins, roles resolved to styles.
 * This file runs them in order; reader-internal.h names the file of each. */
#include "reader-internal.h"

ink_status_t
ink__tpl_fail (reader_t *r, ink_status_t status, size_t off, const char *fmt, ...)
{
  char buf[sizeof r->diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  unsigned line, column;
  ink__text_position (r->src, r->len, off, &line, &column);
  ink__diag (r->ctx, r->diag, status, line, column, "%s", buf);
  return ink__error (r->ctx, status, "%s:%u:%u: %s", r->source, line, column, buf);
}

ink_status_t
ink__tpl_no_memory (reader_t *r)
{
  if (r->diag) {
    r->diag->line = r->diag->column = 0;
    snprintf (r->diag->message, sizeof r->diag->message, "out of memory");
  }
  return ink__error (r->ctx, INK_NO_MEMORY, "%s: out of memory", r->source);
}

/* ---- the arena ---- */

const char *
ink__tpl_arena_put (reader_t *r, const char *s, size_t n)
{
  ink_template_t *t = r->t;
  if (n + 1 > t->arena_len - r->arena_n)
    return NULL;
  char *d = t->arena + r->arena_n;
  memcpy (d, s, n);
  d[n] = 0;
  r->arena_n += n + 1;
  return d;
}

static ink_status_t
values (reader_t *r)
{
  ink_status_t st;
  /* [page] first: dpi converts every physical length, margins come before single sides. */
  for (int priority = 0; priority < 3; priority++)
    for (size_t i = 0; i < r->ents.n; i++)
      if (r->secs.v[r->ents.v[i].sec].kind == SEC_PAGE)
        if ((st = ink__tpl_page_entry (r, &r->ents.v[i], priority)) != INK_OK)
          return st;
  static const sec_kind_t order[] = { SEC_PANEL, SEC_FLOW, SEC_HEADER, SEC_FOOTER, SEC_FONTS,
                                      SEC_FALLBACK, SEC_GRID, SEC_DIGITS };
  for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
    for (size_t i = 0; i < r->ents.n; i++) {
      entry_t *e = &r->ents.v[i];
      sec_kind_t kind = r->secs.v[e->sec].kind;
      if (kind != order[o])
        continue;
      if (kind == SEC_FONTS)
        st = ink__tpl_font_entry (r, e);
      else if (kind == SEC_FALLBACK)
        st = ink__tpl_fallback_entry (r, e);
      else if (kind == SEC_GRID)
        st = ink__tpl_grid_entry (r, e);
      else if (kind == SEC_DIGITS)
        st = ink__tpl_digits_entry (r, e);
      else
        st = ink__tpl_simple_entry (r, kind, e);
      if (st != INK_OK)
        return st;
    }
  }
  for (size_t k = 0; k < r->styles.n; k++) {
    bstyle_t *bs = &r->styles.v[k];
    section_t *sec = &r->secs.v[bs->sec];
    ink__tpl_style_defaults (r, &bs->st);
    if (!(bs->st.name = ink__tpl_arena_put (r, r->src + sec->name_off, sec->name_len)))
      return ink__tpl_no_memory (r);
    for (int priority = 0; priority < 2; priority++)
      for (size_t i = 0; i < r->ents.n; i++)
        if (r->ents.v[i].sec == bs->sec)
          if ((st = ink__tpl_style_entry (r, bs, &r->ents.v[i], priority)) != INK_OK)
            return st;
    if (!bs->has_leading)
      bs->st.leading_px = INK_DEFAULT_LEADING * bs->st.size_px;
  }
  for (size_t i = 0; i < r->ents.n; i++)
    if (r->secs.v[r->ents.v[i].sec].kind == SEC_ROLES)
      if ((st = ink__tpl_role_entry (r, &r->ents.v[i])) != INK_OK)
        return st;
  return INK_OK;
}

static void
reader_free (reader_t *r)
{
  ink_context_t *ctx = r->ctx;
  ink__vec_free (ctx, &r->secs);
  ink__vec_free (ctx, &r->ents);
  ink__vec_free (ctx, &r->styles);
  ink__vec_free (ctx, &r->fams);
  ink__vec_free (ctx, &r->fbs);
  if (r->t) {
    ink__free (ctx, r->t->arena, r->t->arena_len);
    ink__free (ctx, r->t, sizeof *r->t);
    r->t = NULL;
  }
}

/* Shrinks a vector to exactly its length, so the template frees it by count. */
static bool
shrink (ink_context_t *ctx, void **v, size_t *cap, size_t n, size_t elem)
{
  if (*cap == n)
    return true;
  void *q = ink__realloc_array (ctx, *v, *cap, n, elem);
  if (!q)
    return false;
  *v = q;
  *cap = n;
  return true;
}

ink_status_t
ink__template_read (ink_context_t *ctx, const char *src, size_t len, const char *name,
                    const char *source, ink_template_t **out, ink_diag_t *diag)
{
  reader_t r = { .ctx = ctx, .src = src, .len = len, .source = source, .diag = diag,
                 .fam_at = { 0, 1, 1 } };
  for (int i = 0; i < SEC_KIND_COUNT_; i++)
    r.sec_of_kind[i] = -1;
  for (int i = 0; i < INK_ROLE_COUNT_; i++)
    r.role_style[i] = -1;
  if (diag)
    memset (diag, 0, sizeof *diag);
  *out = NULL;
  if (!name)
    name = "template";
  ink_status_t st = ink__tpl_check_bytes (&r);
  if (st != INK_OK)
    return st;
  /* Sized before the first string is stored, so that the template's string pointers never
   * move: every stored string is a disjoint piece of src plus its NUL, or the name or source. */
  if (!source)
    source = name;
  size_t namelen = strlen (name), sourcelen = strlen (source);
  ink_template_t *t = r.t = ink__alloc (ctx, sizeof *t);
  if (!t)
    return ink__tpl_no_memory (&r);
  t->arena_len = 2 * len + namelen + sourcelen + 16;   /* len is within INK_MAX_TEMPLATE_BYTES */
  t->arena = ink__realloc (ctx, NULL, 0, t->arena_len);
  if (!t->arena) {
    t->arena_len = 0;
    st = ink__tpl_no_memory (&r);
    reader_free (&r);
    return st;
  }
  t->ctx = ctx;
  t->refcount = 1;
  t->dpi = 96;
  t->columns = INK_DEFAULT_COLUMNS;
  t->widows = INK_DEFAULT_WIDOWS;
  t->orphans = INK_DEFAULT_ORPHANS;
  t->vertical_justify = INK_DEFAULT_VERTICAL_JUSTIFY;
  t->lone_lines = INK_DEFAULT_LONE_LINES;
  t->picture_shrink = INK_DEFAULT_PICTURE_SHRINK;
  t->header_first = t->footer_first = INK_RUNNING_ALL;
  t->bpp = 4;
  t->dither = INK_TDITHER_DEFAULT;
  t->name = (char *) ink__tpl_arena_put (&r, name, namelen);
  t->source = ink__tpl_arena_put (&r, source, sourcelen);

  if (st == INK_OK)
    st = ink__tpl_font_defaults (&r);
  if (st == INK_OK)
    st = ink__tpl_tokenize (&r);
  if (st == INK_OK)
    st = values (&r);
  if (st == INK_OK)
    st = ink__tpl_finish (&r);
  if (st == INK_OK && (!shrink (ctx, (void **) &r.fams.v, &r.fams.cap, r.fams.n,
                                sizeof *r.fams.v)
                       || !shrink (ctx, (void **) &r.fbs.v, &r.fbs.cap, r.fbs.n,
                                   sizeof *r.fbs.v)))
    st = ink__tpl_no_memory (&r);
  if (st != INK_OK) {
    reader_free (&r);
    return st;
  }
  t->families = r.fams.v;
  t->nfamilies = r.fams.n;
  t->fallbacks = r.fbs.v;
  t->nfallbacks = r.fbs.n;
  r.fams.v = NULL, r.fams.n = r.fams.cap = 0;
  r.fbs.v = NULL, r.fbs.n = r.fbs.cap = 0;
  r.t = NULL;
  reader_free (&r);
  *out = t;
  return INK_OK;
}
