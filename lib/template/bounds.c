/* template/bounds: whether a read template keeps every page and every line on the page.
 *
 * A pure decision over the template's values, made once they are all known (the body's size
 * scales the default roles, the margins and columns give the measures): the page within
 * INK_MAX_PAGE_PIXELS, a text area left by the margins, columns at least INK_MIN_COLUMN_EM
 * of the body size wide, a header and footer that fit their margins, and for the style of
 * each role a size that fits its measure and the text area, a first-line indent that leaves
 * an em, and leading, spaces, drop caps and [grid] steps no taller than the text area; sizes the
 * defaults scale from the body's within INK_TEMPLATE_MAX_SIZE_PX too. The first value
 * out of bounds is reported as a fault: which role (or the page), which keys hold the value,
 * and a message; the reader turns the keys into a position. docs/templates.md lists the
 * rules.
 *
 *   ink__template_fault_t fault;
 *   if (!ink__template_check (t, &fault))
 *     report (fault.role, fault.keys, fault.message);
 */
#include "template.h"

#include <stdarg.h>
#include <stdio.h>

static bool
fault_at (ink__template_fault_t *f, int role, const char *k0, const char *k1, const char *k2,
          const char *fmt, ...) __attribute__ ((format (printf, 6, 7)));

static bool
fault_at (ink__template_fault_t *f, int role, const char *k0, const char *k1, const char *k2,
          const char *fmt, ...)
{
  f->role = role;
  f->grid = -1;
  f->keys[0] = k0, f->keys[1] = k1, f->keys[2] = k2, f->keys[3] = NULL;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (f->message, sizeof f->message, fmt, ap);
  va_end (ap);
  return false;
}

static bool
has_text (const char *a, const char *b, const char *c)
{
  return (a && *a) || (b && *b) || (c && *c);
}

static bool
check_page (const ink_template_t *t, ink__template_fault_t *f)
{
  uint64_t pixels = (uint64_t) t->width_px * t->height_px;
  if (pixels > INK_MAX_PAGE_PIXELS)
    return fault_at (f, -1, "height", "width", NULL,
                     "page %ux%upx is %.1f million pixels, over the limit of %.1f million",
                     t->width_px, t->height_px, (double) pixels / 1e6,
                     (double) INK_MAX_PAGE_PIXELS / 1e6);
  float across = t->margin_left + t->margin_right, down = t->margin_top + t->margin_bottom;
  if ((float) t->width_px - across < 1 || (float) t->height_px - down < 1)
    return fault_at (f, -1, "margins", "margin-left", "margin-top",
                     "margins leave no room: the page is %ux%upx, the margins take %.0fpx "
                     "across and %.0fpx down", t->width_px, t->height_px, (double) across,
                     (double) down);
  float body = t->styles[INK_ROLE_BODY].size_px;
  float min = INK_MIN_COLUMN_EM * body;
  float col = ink__template_column_px (t);
  if (col < min)
    return fault_at (f, -1, "columns", "gutter", "margins",
                     "columns too narrow: %u columns with %.0fpx gutters leave %.1fpx each, "
                     "less than %d em of the body size (%.0fpx)", t->columns,
                     (double) t->gutter_px, (double) col, INK_MIN_COLUMN_EM, (double) min);
  float text_h = (float) t->height_px - down;
  if (t->baseline_px > text_h)
    return fault_at (f, -1, "baseline", NULL, NULL,
                     "baseline grid step %.0fpx is taller than the text area (%.0fpx)",
                     (double) t->baseline_px, (double) text_h);
  for (size_t i = 0; i < t->ngrids; i++) {
    if (t->grids[i].step_px > text_h) {
      fault_at (f, -1, NULL, NULL, NULL, "line step %.0fpx of %s%s%s in [grid] is taller than "
                "the text area (%.0fpx)", (double) t->grids[i].step_px, t->grids[i].script,
                t->grids[i].lang[0] ? ":" : "", t->grids[i].lang, (double) text_h);
      f->grid = (int) i;
      return false;
    }
  }
  /* The running lines are set in the margins, centred: each needs its style's leading. */
  const float head = t->styles[INK_ROLE_HEADER].leading_px;
  if (has_text (t->header_left, t->header_center, t->header_right) && t->margin_top < head)
    return fault_at (f, -1, "margin-top", "margins", NULL,
                     "the top margin (%.0fpx) cannot hold the header, whose leading is %.0fpx",
                     (double) t->margin_top, (double) head);
  const float foot = t->styles[INK_ROLE_FOOTER].leading_px;
  if (has_text (t->footer_left, t->footer_center, t->footer_right) && t->margin_bottom < foot)
    return fault_at (f, -1, "margin-bottom", "margins", NULL,
                     "the bottom margin (%.0fpx) cannot hold the footer, whose leading is "
                     "%.0fpx", (double) t->margin_bottom, (double) foot);
  return true;
}

/* A style as the role uses it: set in a column, or across the text area when it spans. */
static bool
check_style (const ink_template_t *t, int role, ink__template_fault_t *f)
{
  const ink__style_t *s = &t->styles[role];
  float text_w = (float) t->width_px - t->margin_left - t->margin_right;
  float text_h = (float) t->height_px - t->margin_top - t->margin_bottom;
  bool span = s->span_columns || role == INK_ROLE_HEADER || role == INK_ROLE_FOOTER;
  float measure = span ? text_w : ink__template_column_px (t);
  const char *where = span ? "text area" : "column";
  const char *name = ink__role_names[role];
  if (s->size_px > INK_TEMPLATE_MAX_SIZE_PX)
    return fault_at (f, role, "size", NULL, NULL,
                     "type size %.0fpx of the %s style is over the limit of %dpx",
                     (double) s->size_px, name, INK_TEMPLATE_MAX_SIZE_PX);
  if (s->size_px > measure || s->size_px > text_h)
    return fault_at (f, role, "size", NULL, NULL,
                     "type size %.0fpx of the %s style does not fit the %s (%.0fx%.0fpx)",
                     (double) s->size_px, name, where, (double) measure, (double) text_h);
  if (s->indent_px + s->size_px > measure)
    return fault_at (f, role, "indent", "size", NULL,
                     "indent %.0fpx of the %s style leaves less than an em of the %s "
                     "(%.0fpx); expected at most %.0fpx", (double) s->indent_px, name, where,
                     (double) measure, (double) (measure - s->size_px));
  if (s->leading_px > text_h)
    return fault_at (f, role, "leading", "size", NULL,
                     "leading %.0fpx of the %s style is taller than the text area (%.0fpx)",
                     (double) s->leading_px, name, (double) text_h);
  bool before = s->space_before_px > text_h;
  if (before || s->space_after_px > text_h)
    return fault_at (f, role, before ? "space-before" : "space-after", "size", NULL,
                     "%s %.0fpx of the %s style is taller than the text area (%.0fpx)",
                     before ? "space-before" : "space-after",
                     (double) (before ? s->space_before_px : s->space_after_px), name,
                     (double) text_h);
  if ((float) s->drop_cap_lines * s->leading_px > text_h)
    return fault_at (f, role, "drop-cap", "leading", NULL,
                     "a drop cap of %u lines of %.0fpx is taller than the text area (%.0fpx)",
                     s->drop_cap_lines, (double) s->leading_px, (double) text_h);
  return true;
}

/* Width of one column in px: the text area less the gutters, shared. */
float
ink__template_column_px (const ink_template_t *t)
{
  float text_w = (float) t->width_px - t->margin_left - t->margin_right;
  return (text_w - (float) (t->columns - 1) * t->gutter_px) / (float) t->columns;
}

bool
ink__template_check (const ink_template_t *t, ink__template_fault_t *fault)
{
  if (!check_page (t, fault))
    return false;
  if (!check_style (t, INK_ROLE_BODY, fault))
    return false;
  for (int role = 0; role < INK_ROLE_COUNT_; role++)
    if (role != INK_ROLE_BODY && !check_style (t, role, fault))
      return false;
  return true;
}
