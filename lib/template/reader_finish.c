/* template/reader_finish: pass 3 of the template reader. The page's required keys, a style for
 * every role (declared, or a default sized from the body), then the template checked whole;
 * a value out of bounds is reported at the key that set it. */
#include "reader-internal.h"

#include <math.h>

/* Defaults for a role no [roles] entry and no like-named style covers: sizes relative to
 * the body style. Keep in step with the table in docs/templates.md. */
typedef struct {
  const char *family;
  float scale, leading;    /* size = body size * scale; leading = size * leading */
  unsigned weight;
  bool italic, uppercase, span, rule_above, hyphenate;
  ink__align_t align;
  uint8_t grey;
  float tracking_em, space_before_em, space_after_em;
} role_default_t;

static const role_default_t role_defaults[INK_ROLE_COUNT_] = {
  [INK_ROLE_KICKER] = { "sans", 0.8f, 1.3f, 700, false, true, true, false, false,
                        INK_ALIGN_START, 96, 0.08f, 0, 0.3f },
  [INK_ROLE_HEADLINE] = { "serif", 2.4f, 1.1f, 700, false, false, true, false, false,
                          INK_ALIGN_START, 0, 0, 0, 0.4f },
  [INK_ROLE_DECK] = { "serif", 1.3f, 1.3f, 400, true, false, true, false, false,
                      INK_ALIGN_START, 0, 0, 0, 0.8f },
  [INK_ROLE_BYLINE] = { "sans", 0.8f, 1.3f, 700, false, false, false, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_DATELINE] = { "sans", 0.8f, 1.3f, 400, false, false, false, false, false,
                          INK_ALIGN_START, 80, 0, 0, 0.6f },
  [INK_ROLE_BODY] = { "serif", 1.0f, 1.35f, 400, false, false, false, false, true,
                      INK_ALIGN_JUSTIFY, 0, 0, 0, 0 },
  [INK_ROLE_SUBHEAD] = { "serif", 1.15f, 1.3f, 700, false, false, false, false, false,
                         INK_ALIGN_START, 0, 0, 0.8f, 0.2f },
  [INK_ROLE_QUOTE] = { "serif", 1.6f, 1.25f, 700, true, false, true, true, false,
                       INK_ALIGN_CENTER, 0, 0, 0.8f, 0.2f },
  [INK_ROLE_ATTRIBUTION] = { "sans", 0.85f, 1.3f, 400, false, false, true, false, false,
                             INK_ALIGN_END, 0, 0, 0, 0.8f },
  [INK_ROLE_RELATED] = { "sans", 0.9f, 1.3f, 700, false, false, false, true, false,
                         INK_ALIGN_START, 0, 0, 0.6f, 0.6f },
  [INK_ROLE_CAPTION] = { "sans", 0.8f, 1.3f, 400, false, false, false, false, false,
                         INK_ALIGN_START, 0, 0, 0.3f, 0 },
  [INK_ROLE_CREDIT] = { "sans", 0.7f, 1.3f, 400, false, true, false, false, false,
                        INK_ALIGN_END, 96, 0.04f, 0, 0.6f },
  [INK_ROLE_COMMENT_AUTHOR] = { "sans", 0.85f, 1.3f, 700, false, false, false, true, false,
                                INK_ALIGN_START, 0, 0, 0.8f, 0 },
  [INK_ROLE_COMMENT] = { "sans", 0.85f, 1.35f, 400, false, false, false, false, true,
                         INK_ALIGN_START, 0, 0, 0, 0.3f },
  [INK_ROLE_REPLY] = { "sans", 0.8f, 1.35f, 400, false, false, false, false, true,
                       INK_ALIGN_START, 48, 0, 0, 0.3f },
  [INK_ROLE_HEADER] = { "sans", 0.75f, 1.3f, 400, false, false, true, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_FOOTER] = { "sans", 0.75f, 1.3f, 400, false, false, true, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_SOURCE] = { "sans", 0.75f, 1.3f, 400, false, false, false, false, false,
                        INK_ALIGN_START, 80, 0, 0.8f, 0 },
  [INK_ROLE_LIST] = { "serif", 1.0f, 1.35f, 400, false, false, false, false, true,
                      INK_ALIGN_START, 0, 0, 0, 0.2f },
  [INK_ROLE_BLOCKQUOTE] = { "serif", 1.0f, 1.35f, 400, true, false, false, false, true,
                            INK_ALIGN_START, 0, 0, 0.4f, 0.4f },
  [INK_ROLE_TABLE] = { "sans", 0.85f, 1.3f, 400, false, false, false, false, false,
                       INK_ALIGN_START, 0, 0, 0.6f, 0.6f },
};

/* ---- pass 3: the whole ---- */

static void
default_style (const ink__style_t *body, ink__role_t role, ink__style_t *out)
{
  const role_default_t *d = &role_defaults[role];
  memset (out, 0, sizeof *out);
  out->name = ink__role_names[role];
  out->family = d->family;
  out->weight = d->weight;
  out->italic = d->italic;
  out->size_px = roundf (body->size_px * d->scale);
  if (out->size_px < 1)
    out->size_px = 1;
  out->leading_px = roundf (out->size_px * d->leading);
  out->tracking_em = d->tracking_em;
  out->align = d->align;
  out->space_before_px = roundf (out->size_px * d->space_before_em);
  out->space_after_px = roundf (out->size_px * d->space_after_em);
  out->hyphenate = d->hyphenate;
  out->uppercase = d->uppercase;
  out->grey = d->grey;
  out->span_columns = d->span;
  out->rule_above = d->rule_above;
  if (role == INK_ROLE_BODY)
    out->indent_px = out->size_px;
}

/* A role's style: its [roles] entry, else a style of the role's own name, else -1. */
static int
role_style (reader_t *r, int role)
{
  if (r->role_style[role] >= 0)
    return r->role_style[role];
  for (size_t i = 0; i < r->styles.n; i++)
    if (strcmp (r->styles.v[i].st.name, ink__role_names[role]) == 0)
      return (int) i;
  return -1;
}

/* The value of the first of keys given in section sec, or SIZE_MAX. */
static size_t
key_value_at (reader_t *r, int sec, const char *const *keys)
{
  for (size_t k = 0; sec >= 0 && keys[k]; k++)
    for (size_t i = 0; i < r->ents.n; i++) {
      const entry_t *e = &r->ents.v[i];
      if (e->sec == (size_t) sec && word_eq (r->src + e->key_off, e->key_len, keys[k]))
        return e->val_off;
    }
  return SIZE_MAX;
}

/* Where a value out of bounds is: at its key in the role's style, else at the style's
 * header; for a role's default style, at the body's size, else at the dpi, else at [page]. */
static size_t
fault_offset (reader_t *r, const ink__template_fault_t *f)
{
  static const char *const size[] = { "size", NULL }, *const dpi[] = { "dpi", NULL };
  int page = r->sec_of_kind[SEC_PAGE];
  size_t off = SIZE_MAX;
  if (f->grid >= 0 && (size_t) f->grid < r->t->ngrids) {
    off = r->grid_off[f->grid];
  } else if (f->role < 0) {
    off = key_value_at (r, page, f->keys);
  } else {
    int k = role_style (r, f->role);
    if (k >= 0) {
      int sec = (int) r->styles.v[k].sec;
      off = key_value_at (r, sec, f->keys);
      if (off == SIZE_MAX)
        off = r->secs.v[sec].off;
    }
    int body = role_style (r, INK_ROLE_BODY);
    if (off == SIZE_MAX && body >= 0)
      off = key_value_at (r, (int) r->styles.v[body].sec, size);
    if (off == SIZE_MAX)
      off = key_value_at (r, page, dpi);
  }
  return off != SIZE_MAX ? off : r->secs.v[page].off;
}

ink_status_t
ink__tpl_finish (reader_t *r)
{
  ink_template_t *t = r->t;
  if (r->sec_of_kind[SEC_PAGE] < 0)
    return fail (r, 0, "missing [page] section; a template gives at least the page's width "
                 "and height");
  size_t page_off = r->secs.v[r->sec_of_kind[SEC_PAGE]].off;
  if (!r->has_width)
    return fail (r, page_off, "missing key 'width' in [page]; expected the page width, as in "
                 "width = 1404px");
  if (!r->has_height)
    return fail (r, page_off, "missing key 'height' in [page]; expected the page height, as "
                 "in height = 1872px");
  t->width_px = (uint32_t) lroundf (r->width_f);
  t->height_px = (uint32_t) lroundf (r->height_f);
  t->width_exact_px = r->width_f;
  t->height_exact_px = r->height_f;

  /* Styles per role. The body comes first: unset roles take their defaults from its size. */
  int b = role_style (r, INK_ROLE_BODY);
  if (b >= 0) {
    t->styles[INK_ROLE_BODY] = r->styles.v[b].st;
  } else {
    ink__style_t base;
    ink__tpl_style_defaults (r, &base);
    default_style (&base, INK_ROLE_BODY, &t->styles[INK_ROLE_BODY]);
  }
  for (int role = 0; role < INK_ROLE_COUNT_; role++) {
    if (role == INK_ROLE_BODY)
      continue;
    int k = role_style (r, role);
    if (k >= 0)
      t->styles[role] = r->styles.v[k].st;
    else
      default_style (&t->styles[INK_ROLE_BODY], (ink__role_t) role, &t->styles[role]);
  }

  if (!r->has_gutter)
    t->gutter_px = t->columns > 1 ? roundf (t->styles[INK_ROLE_BODY].size_px) : 0;
  ink__template_fault_t fault;
  if (!ink__template_check (t, &fault))
    return fail (r, fault_offset (r, &fault), "%s", fault.message);
  return INK_OK;
}

