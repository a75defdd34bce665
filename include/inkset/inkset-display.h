#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_DISPLAY_H
#define INKSET_DISPLAY_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ink_document ink_document_t;   /* also in inkset-document.h */

/* What a page holds, in paint order: each line comes just before its glyph runs and
 * link areas; rules and pictures where they are drawn. */
typedef enum {
  INK_DISPLAY_LINE = 1,      /* a set line: role, block, text, direction; its first link */
  INK_DISPLAY_GLYPH_RUN = 2, /* glyphs of one face, size and grey, on its line's baseline */
  INK_DISPLAY_RULE = 3,      /* a filled rectangle */
  INK_DISPLAY_PICTURE = 4,   /* a picture scaled into its rectangle */
  INK_DISPLAY_LINK = 5       /* the part of a line that a link covers; link is its target */
} ink_display_kind_t;

/* A glyph of a run: its id in the run's font, its origin on the page (1/64 px, y down, on
 * the baseline) and its cluster: the byte offset in the run's text where its characters
 * begin, or UINT32_MAX for a glyph the line adds (the hyphen of a broken word). */
typedef struct {
  uint32_t gid;
  int32_t x, y;
  uint32_t cluster;
} ink_display_glyph_t;

/* One item of a page. Strings point into the document (and links into the article): valid
 * while both live; text is not NUL-terminated, link and role are. Grow only at the end. */
typedef struct {
  ink_display_kind_t kind;
  const char *role;         /* lines, their runs and links: "body", "headline", ...; else NULL */
  long block;               /* the article block, -1 for the head and lines the page adds */
  float x_px, y_px, width_px, height_px;   /* the rectangle, from the page's top left */
  float baseline_px;        /* lines, runs and links: the baseline's y; else 0 */
  bool rtl;                 /* lines, runs and links: the line's direction is right-to-left */
  bool generated;           /* lines: the page added it (running heads, labels) */
  bool hyphenated;          /* lines: a hyphen was drawn at its end */
  const char *text;         /* lines: their characters in logical order; runs: the characters
                             * their glyphs show; else NULL */
  size_t text_len;
  const char *link;         /* links: the target; lines: their first link's; else NULL */
  const ink_display_glyph_t *glyphs;   /* runs: left to right; else NULL */
  size_t nglyphs;
  float size_px;            /* runs: the font size */
  uint8_t grey;             /* runs and rules: 0 black .. 255 paper */
} ink_display_item_t;

/* Where a walk over one page stands. Its fields are private; set it with ink_display_begin. */
typedef struct {
  const ink_document_t *doc;
  size_t page, item, line, left;
} ink_display_iter_t;

/* Starts a walk over page (0-based) of doc; the walk is empty when the page does not exist. */
INK_API void ink_display_begin (const ink_document_t *doc, size_t page, ink_display_iter_t *iter);
/* The next item of the walk into *item; false at the end. */
INK_API bool ink_display_next (ink_display_iter_t *iter, ink_display_item_t *item);
/* The item under the point (x_px, y_px) of page: a link area if one is there, else the
 * line, rule or picture painted last under it. INK_OK with *item filled when something is
 * there (item->link is then the target of the link under the point, else NULL);
 * INK_INVALID when nothing is or the page does not exist. */
INK_API ink_status_t ink_display_hit (const ink_document_t *doc, size_t page, float x_px,
                                      float y_px, ink_display_item_t *item);

#ifdef __cplusplus
}
#endif
#endif
