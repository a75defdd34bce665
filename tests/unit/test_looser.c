/* Make-up's limits on re-breaking a paragraph (paginate/setpara.c): a looser or foot-of-column
 * setting is refused when it opens word spaces past the breaker's tolerance and the
 * paragraph's own loosest line by more than make-up's margin (ink__para_looser; make-up's last
 * resort on a full page, for text that stretches at its word spaces alone, a stretchability
 * more); a looser or
 * tighter one that needs the breaker's emergency stretch is taken only on a full page, for
 * text that stretches at its word spaces alone (ink__para_stretched). */
#include "layout-internal.h"
#include "test.h"

#include <string.h>

/* A paragraph whose lines have these adjustment ratios. */
static ink__para_t
para_of (ink__line_t *lines, const double *ratios, size_t n)
{
  ink__para_t p;
  memset (&p, 0, sizeof p);
  for (size_t k = 0; k < n; k++) {
    memset (&lines[k], 0, sizeof lines[k]);
    lines[k].ratio = ratios[k];
    lines[k].opened = ratios[k];   /* as printed: spaces that take all the stretch */
  }
  p.lines.v = lines;
  p.lines.n = n;
  return p;
}

TEST (loosest_line)
{
  ink__line_t l[3];
  const double r[] = { 0.4, 1.7, -0.3 };
  ink__para_t p = para_of (l, r, 3);
  CHECK (ink__para_loosest (&p) == 1.7);
  ink__para_opts_t o = { .align = INK_PARA_JUSTIFY };
  CHECK (ink__para_tolerance (&o) == 2.0);
  o.align = INK_PARA_START;
  CHECK (ink__para_tolerance (&o) > 2.0);
}

TEST (looser_refused)
{
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  ink__line_t was_l[3], now_l[3];
  const double was_r[] = { 0.5, 1.4, 0.0 };
  sp.para = para_of (was_l, was_r, 3);
  /* Within the tolerance: always taken. */
  const double ok[] = { 1.9, 2.0, 0.0 };
  ink__para_t now = para_of (now_l, ok, 3);
  CHECK (!ink__para_looser (&sp, &now, false));
  /* Past the tolerance by less than the margin: taken. */
  const double near[] = { 2.9, 1.0, 0.0 };
  now = para_of (now_l, near, 3);
  CHECK (!ink__para_looser (&sp, &now, false));
  /* A hole: refused. */
  const double hole[] = { 5.3, 1.0, 0.0 };
  now = para_of (now_l, hole, 3);
  CHECK (ink__para_looser (&sp, &now, false));
}

TEST (emergency_paragraph_not_made_worse)
{
  /* A paragraph the column forced into emergency breaks (a loosest line of 10) keeps lines
   * as loose as its own, not looser by more than the margin. */
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  ink__line_t was_l[2], now_l[2];
  const double was_r[] = { 10.3, 0.0 };
  sp.para = para_of (was_l, was_r, 2);
  const double same[] = { 10.0, 0.0 };
  ink__para_t now = para_of (now_l, same, 2);
  CHECK (!ink__para_looser (&sp, &now, false));
  const double worse[] = { 14.7, 0.0 };
  now = para_of (now_l, worse, 2);
  CHECK (ink__para_looser (&sp, &now, false));
}

TEST (emergency_stretch_on_full_pages)
{
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  uint32_t latin[] = { 'w', 'a', 't', 'e', 'r', ' ', 'b', 'i', 'l', 'l', 's' };
  sp.sh.cps = latin;
  sp.sh.ncps = sizeof latin / sizeof *latin;
  sp.para.pass = 1;
  ink__para_t t;
  memset (&t, 0, sizeof t);
  t.pass = 3;
  /* A full page takes the emergency stretch of text that stretches at its spaces ... */
  CHECK (!ink__para_stretched (&sp, &t, true));
  /* ... the last page keeps to the tolerance the paragraph was set with ... */
  CHECK (ink__para_stretched (&sp, &t, false));
  /* ... and a paragraph already set with it may keep it anywhere. */
  sp.para.pass = 3;
  CHECK (!ink__para_stretched (&sp, &t, false));
  t.pass = 2;
  sp.para.pass = 1;
  CHECK (!ink__para_stretched (&sp, &t, false));
  /* Korean: the breaker counts stretch between its syllables too; its spaces would open as
   * holes, so not even a full page takes it. */
  uint32_t korean[] = { 0xC8FC, 0xBBFC, ' ', 0xC0DD, 0xD65C };   /* 주민 생활 */
  sp.sh.cps = korean;
  sp.sh.ncps = sizeof korean / sizeof *korean;
  t.pass = 3;
  CHECK (ink__para_stretched (&sp, &t, true));
}

/* A ragged paragraph's lines of these widths at a measure of 1000. */
static ink__para_t
ragged_of (ink__line_t *lines, const int32_t *widths, size_t n)
{
  const double r[4] = { 0 };
  ink__para_t p = para_of (lines, r, n);
  for (size_t k = 0; k < n; k++)
    lines[k].measure = 1000, lines[k].width = widths[k];
  return p;
}

TEST (ragged_lines_kept_full)
{
  /* A list item set a line longer ended its lines at half the column, the next word fitting:
   * refused. A line a fifth short, or no shorter than the paragraph's own shortest but the
   * last, is taken; so is any last line; justified text is left to ink__para_looser. */
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_START;
  ink__line_t was_l[3], now_l[4];
  const int32_t was_w[] = { 960, 900, 300 };
  sp.para = ragged_of (was_l, was_w, 3);
  const int32_t holes[] = { 660, 640, 570, 300 };
  ink__para_t now = ragged_of (now_l, holes, 4);
  CHECK (ink__para_ragged_holes (&sp, &now));
  const int32_t fifth[] = { 800, 850, 820, 90 };
  now = ragged_of (now_l, fifth, 4);
  CHECK (!ink__para_ragged_holes (&sp, &now));
  const int32_t own[] = { 960, 600, 300 };
  sp.para = ragged_of (was_l, own, 3);
  const int32_t as_short[] = { 600, 700, 620, 90 };
  now = ragged_of (now_l, as_short, 4);
  CHECK (!ink__para_ragged_holes (&sp, &now));
  sp.para = ragged_of (was_l, was_w, 3);
  now = ragged_of (now_l, holes, 4);
  sp.po.align = INK_PARA_JUSTIFY;
  CHECK (!ink__para_ragged_holes (&sp, &now));
}

TEST (wide_margin)
{
  /* Make-up's last resort on a full page may open a paragraph's spaces a stretchability
   * further, so that its columns end together: a line at 4.7 against a tolerance of 2 ... */
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  uint32_t latin[] = { 'w', 'a', 't', 'e', 'r', ' ', 'b', 'i', 'l', 'l', 's' };
  sp.sh.cps = latin;
  sp.sh.ncps = sizeof latin / sizeof *latin;
  ink__line_t was_l[2], now_l[2];
  const double was_r[] = { 1.5, 0.0 };
  sp.para = para_of (was_l, was_r, 2);
  const double wider[] = { 4.7, 0.0 };
  ink__para_t now = para_of (now_l, wider, 2);
  CHECK (!ink__para_looser (&sp, &now, true));
  /* ... every other make-up setting keeps make-up's margin ... */
  CHECK (ink__para_looser (&sp, &now, false));
  /* ... a hole is one in the last resort too ... */
  const double hole[] = { 5.3, 0.0 };
  now = para_of (now_l, hole, 2);
  CHECK (ink__para_looser (&sp, &now, true));
  /* ... and Korean, whose ratio understates how wide its word spaces open, keeps it. */
  uint32_t korean[] = { 0xC8FC, 0xBBFC, ' ', 0xC0DD, 0xD65C };   /* 주민 생활 */
  sp.sh.cps = korean;
  sp.sh.ncps = sizeof korean / sizeof *korean;
  now = para_of (now_l, wider, 2);
  CHECK (ink__para_looser (&sp, &now, true));
}

TEST (cjk_balance_not_letter_spaced)
{
  /* A Japanese paragraph set a line longer to balance a last page opened its gaps a quarter
   * em (ratio 1.0 against a stretch of a quarter em): refused. Three sixteenths of an em
   * (0.75) is taken, and so is any setting no looser than the paragraph's own. */
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  uint32_t japanese[] = { 0x96EA, 0x3092, 0x4FDD, 0x5B58, 0x3059, 0x308B };   /* 雪を保存する */
  sp.sh.cps = japanese;
  sp.sh.ncps = sizeof japanese / sizeof *japanese;
  ink__line_t was_l[3], now_l[4];
  const double was_r[] = { 0.1, 0.05, 0.0 };
  sp.para = para_of (was_l, was_r, 3);
  const double spaced[] = { 1.0, 0.96, 0.9, 0.0 };
  ink__para_t now = para_of (now_l, spaced, 4);
  CHECK (ink__para_letter_spaced (&sp, &now));
  const double slight[] = { 0.7, 0.6, 0.75, 0.0 };
  now = para_of (now_l, slight, 4);
  CHECK (!ink__para_letter_spaced (&sp, &now));
  const double own_r[] = { 1.1, 0.05, 0.0 };
  sp.para = para_of (was_l, own_r, 3);
  now = para_of (now_l, spaced, 4);
  CHECK (!ink__para_letter_spaced (&sp, &now));
  /* Text that stretches at its word spaces is left to ink__para_looser. */
  uint32_t latin[] = { 's', 'n', 'o', 'w', ' ', 'f', 'a', 'i', 'r' };
  sp.sh.cps = latin;
  sp.sh.ncps = sizeof latin / sizeof *latin;
  sp.para = para_of (was_l, was_r, 3);
  CHECK (!ink__para_letter_spaced (&sp, &now));
}

int
main (void)
{
  RUN (loosest_line);
  RUN (looser_refused);
  RUN (emergency_paragraph_not_made_worse);
  RUN (emergency_stretch_on_full_pages);
  RUN (ragged_lines_kept_full);
  RUN (wide_margin);
  RUN (cjk_balance_not_letter_spaced);
  return test_summary ();
}
