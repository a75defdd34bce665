/* paginate: fills the template's frames with the article: the head across the columns,
 * the body flowed through columns and pages, floats, widows and orphans, running heads;
 * the display list of each page and the layout JSON. Knows nothing of pixels. */
#ifndef INK_PAGINATE_H
#define INK_PAGINATE_H

#include <inkset/inkset-document.h>
#include <inkset/inkset-display.h>
#include "article.h"
#include "template.h"
#include "text.h"

typedef enum { INK_ITEM_GLYPHS, INK_ITEM_RULE, INK_ITEM_IMAGE, INK_ITEM_LINK } ink__item_kind_t;

/* A glyph at an absolute page position: x, y (baseline) in 1/64 px, y down; its cluster
 * from the start of its run's text. */
typedef ink_display_glyph_t ink__dglyph_t;

/* One thing drawn. Glyph runs share a face, size and grey; rules are filled rectangles;
 * images are drawn scaled into their box; links are the part of a line a link covers (not
 * drawn). Geometry in 1/64 px. */
typedef struct {
  ink__item_kind_t kind;
  int32_t x, y, w, h;             /* bounding box (glyph runs: the line box) */
  ink__face_t *face;
  float size_px;
  uint8_t grey;
  size_t g0, ng;                  /* into doc glyphs */
  const ink__image_t *image;
  long block;                     /* images: the article block, -1 for the lead image */
  size_t t0, nt;                  /* glyph runs: the characters they show, in doc text */
  size_t logical;                 /* glyph runs: where those characters begin in their
                                   * paragraph, so a line's runs sort into logical order */
  const char *href;               /* links: the target, owned by the article */
} ink__item_t;

/* What the layout JSON says of a line. */
typedef struct {
  int role;                       /* ink__role_t */
  long block;                     /* article block, -1 for the head and running lines */
  int32_t x, y, w, h, baseline;   /* 1/64 px */
  bool rtl, hyphenated, generated;
  bool foot_hyphen;               /* hyphenated and the last line of its column: no other
                                   * breaks of its paragraph avoided it */
  bool space_after;               /* broken at a word space of its paragraph: its text and
                                   * the next line's are two words, not one cut */
  bool cap;                       /* a drop cap's letter, beside the lines it sinks into: no
                                   * line of its column's own */
  bool note;                      /* of a table's note (tablenote.c) */
  size_t text_off, text_len;      /* into doc text */
  size_t glyphs, missing;
  size_t ni;                      /* its glyph runs and links: the next ones in its page's
                                   * items that are runs or links */
} ink__lrec_t;

typedef struct {
  size_t i0, ni;                  /* items */
  size_t l0, nl;                  /* line records */
  size_t m0, nm;                  /* image and rule records are the items themselves */
  int32_t body_top;               /* where the columns begin, below the head or a spanning float */
  int32_t body_bottom;            /* where they end: 0 for the frame's bottom, else above a
                                   * spanning float set under them */
  int32_t band_top;               /* 0, or where the columns begin over a pull quote across
                                   * their middle, body_top then under it (midspan.c) */
  unsigned ncols;                 /* 0: the template's columns; else this many across the same
                                   * frame (a last page of comments in fewer, commentcol.c) */
} ink__page_t;

/* The template's frame on every page: where the columns stand, in 1/64 px (document.c). */
typedef struct {
  int32_t left, right, top, bottom;   /* inside the margins */
  int32_t colw, gutter;
  unsigned ncols;
} ink__frame_t;
ink__frame_t ink__frame_of (const ink_template_t *tpl);
ink__frame_t ink__frame_cols (ink__frame_t f, unsigned ncols);

/* The article opens with a pull quote and has too little text after its first paragraph for
 * the quote to go there by the rule; a layout tries it there (units.c, quoteplace.c). */
bool ink__short_opening_quote (const ink_article_t *a);

struct ink_document {
  ink_context_t *ctx;
  ink_template_t *tpl;
  ink_fontset_t *fonts;
  const ink_article_t *article;
  uint32_t width, height;
  float dpi;
  INK_VEC (ink__page_t) pages;
  INK_VEC (ink__item_t) items;
  INK_VEC (ink__dglyph_t) glyphs;
  INK_VEC (ink__lrec_t) lines;
  ink__str_t text;                /* line texts, one after another */
  ink__str_t json;                /* built on request */
  size_t overflow_blocks, overflow_chars, missing;
  INK_VEC (ink_missing_run_t) missing_runs;   /* missing.c */
  int32_t grid_step;              /* the body text's baseline grid: on every page, baselines */
  int32_t grid_base;              /* at body_top + grid_base + k * grid_step; 1/64 px */
  void *raster;                   /* the rasterizer's caches, created on first render */
  void (*raster_free) (ink_document_t *doc);
};

/* A page's walk without the public item: the line record and the display item of each
 * step (walk.c). A line step has item NULL and own, the first of its nown runs and links;
 * a rule or picture step has line NULL. */
typedef struct {
  ink_display_kind_t kind;
  const ink__lrec_t *line;
  const ink__item_t *item;
  const ink__item_t *own;
  size_t nown;
} ink__step_t;
bool ink__display_step (ink_display_iter_t *iter, ink__step_t *step);
/* The first link item of a line step, or NULL. */
const ink__item_t *ink__line_link (const ink__step_t *line);
/* The whole pixels rule item it covers, [x0, x1) x [y0, y1): its edges rounded to the
 * nearest pixel boundary, at least one pixel each way. The raster fills them and the PDF
 * writer draws the same box, so a rule is as sharp in a PDF as on the panel. */
void ink__rule_pixels (const ink__item_t *it, int32_t *x0, int32_t *y0, int32_t *x1,
                       int32_t *y1);

#endif
