/**
 * @file inkset-display.h
 * @brief A page's display list: its items walked in paint order, and the hit test a touch
 *   screen asks.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_DISPLAY_H
#define INKSET_DISPLAY_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
typedef struct ink_document ink_document_t;   /* also in inkset-document.h */
/** @endcond */

/**
 * What an item of a page is. Items come in paint order: each line just before its glyph
 * runs and link areas, rules and pictures where they are drawn.
 */
typedef enum {
  INK_DISPLAY_LINE = 1,      /**< a set line: role, block, text, direction; its first link */
  INK_DISPLAY_GLYPH_RUN = 2, /**< glyphs of one face, size and grey on its line's baseline */
  INK_DISPLAY_RULE = 3,      /**< a filled rectangle */
  INK_DISPLAY_PICTURE = 4,   /**< a picture scaled into its rectangle */
  INK_DISPLAY_LINK = 5       /**< the part of a line a link covers; not drawn */
} ink_display_kind_t;

/** A glyph of a run. */
typedef struct {
  uint32_t gid;       /**< the glyph's id in the run's font */
  int32_t x;          /**< its origin from the page's left edge, 1/64 px */
  int32_t y;          /**< its baseline from the page's top, 1/64 px, y down */
  uint32_t cluster;   /**< where its characters begin in the run's text (bytes), or
                       *   UINT32_MAX for a glyph the line adds (the hyphen of a broken word) */
} ink_display_glyph_t;

/**
 * One item of a page, filled by ink_display_next() and ink_display_hit(). Its strings and
 * glyphs point into the document (and a link's target into the article): valid while both
 * live and the document is not laid out again. Fields are added at the end in later versions.
 */
typedef struct {
  ink_display_kind_t kind;  /**< what it is */
  const char *role;         /**< lines, their runs and links: "body", "headline", ... (the
                             *   layout JSON's roles); NULL for rules and pictures */
  long block;               /**< the article block, -1 for the head and lines the page adds */
  float x_px;               /**< the rectangle's left edge from the page's, px */
  float y_px;               /**< its top edge from the page's top, px */
  float width_px;           /**< its width, px (a line: its drawn width) */
  float height_px;          /**< its height, px */
  float baseline_px;        /**< lines, runs and links: the baseline's y; else 0 */
  bool rtl;                 /**< lines, runs and links: the line is right-to-left */
  bool generated;           /**< lines: the page added it (running heads, labels) */
  bool hyphenated;          /**< lines: a hyphen was drawn at its end */
  const char *text;         /**< lines: their characters in logical order (the layout JSON's
                             *   text); runs: the characters their glyphs show, labels the
                             *   page adds included; else NULL. Not NUL-terminated */
  size_t text_len;          /**< bytes at text */
  const char *link;         /**< links: the target; lines: their first link's target; a
                             *   hit: the target under the point; else NULL. NUL-terminated */
  const ink_display_glyph_t *glyphs; /**< runs: their glyphs, left to right; else NULL */
  size_t nglyphs;           /**< glyphs at glyphs */
  float size_px;            /**< runs: the font size, px */
  uint8_t grey;             /**< runs and rules: 0 black .. 255 paper */
} ink_display_item_t;

/** Where a walk over a page stands: caller storage, set by ink_display_begin(). */
typedef struct {
  const ink_document_t *doc;  /**< private */
  size_t page;                /**< private */
  size_t item;                /**< private */
  size_t line;                /**< private */
  size_t left;                /**< private */
} ink_display_iter_t;

/**
 * Starts a walk over the items of a page in paint order (what the raster, the layout JSON
 * and the PDF writer walk). It allocates nothing; the document must not change during it.
 *
 *     ink_display_iter_t it;
 *     ink_display_item_t item;
 *     for (ink_display_begin (doc, 0, &it); ink_display_next (&it, &item);)
 *       if (item.kind == INK_DISPLAY_LINK) printf ("%s\n", item.link);
 *
 * @param doc a laid-out document
 * @param page the page, from 0; a page that does not exist gives an empty walk
 * @param iter the walk, caller storage; nothing is done when NULL
 * @since 0.1
 */
INK_API void ink_display_begin (const ink_document_t *doc, size_t page, ink_display_iter_t *iter);

/**
 * The next item of a walk.
 *
 * @param iter a walk from ink_display_begin()
 * @param item receives the item (see ::ink_display_item_t for what its pointers borrow)
 * @return true with item filled; false at the end of the page or when an argument is NULL
 * @since 0.1
 */
INK_API bool ink_display_next (ink_display_iter_t *iter, ink_display_item_t *item);

/**
 * What a touch at a point of a page lands on: a link area when the point is on a link, else
 * the line, rule or picture painted last there. Walks the page once; allocates nothing.
 *
 * @param doc a laid-out document
 * @param page the page, from 0
 * @param x_px the point's x from the page's left edge, px
 * @param y_px its y from the page's top, px
 * @param item receives what is there; item->link is the target of the link under the point,
 *   else NULL
 * @return INK_OK with item filled; INK_INVALID when nothing is there, the page does not
 *   exist, the point is not a number or an argument is NULL
 * @since 0.1
 */
INK_API ink_status_t ink_display_hit (const ink_document_t *doc, size_t page, float x_px,
                                      float y_px, ink_display_item_t *item);

#ifdef __cplusplus
}
#endif
#endif
