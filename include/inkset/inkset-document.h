/**
 * @file inkset-document.h
 * @brief The document: an article laid out on a template, its pages drawn on demand.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_DOCUMENT_H
#define INKSET_DOCUMENT_H

#include <inkset/inkset-common.h>
#include <inkset/inkset-font.h>
#include <inkset/inkset-article.h>
#include <inkset/inkset-template.h>
#include <inkset/inkset-raster.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
typedef struct ink_article ink_article_t;   /* also in inkset-article.h */
/** @endcond */

/**
 * An article laid out on a template: pages of display lists, drawn on demand. Single owner
 * (ink_document_destroy()). It holds references to the template and the fontset, so the caller
 * may drop its own after the layout; the article is borrowed and must outlive the document,
 * whose pages draw its pictures. It allocates through the context it was laid out with (glyph
 * caches and scaled pictures grow as pages are drawn), so it is used on one thread at a time,
 * like that context and its fontset.
 */
typedef struct ink_document ink_document_t;

/**
 * Layout options. Set struct_size to sizeof (ink_layout_options_t) and zero the rest for the
 * defaults: `ink_layout_options_t o = { .struct_size = sizeof o, .max_pages = 4 };`. Fields are
 * added at the end in later versions (docs/api.md, "Versions and ABI").
 */
typedef struct {
  size_t struct_size;       /**< sizeof (ink_layout_options_t) as compiled; checked */
  unsigned max_pages;       /**< 0: the context's INK_LIMIT_PAGES; what does not fit is overflow */
} ink_layout_options_t;

/**
 * Sets and paginates the article: shapes and breaks every paragraph, fills the template's
 * frames and columns, and keeps the pages as display lists. Time grows with the text (line
 * breaking is bounded per paragraph by INK_LIMIT_BREAK_WORK); memory with the pages made. What
 * does not fit in max_pages pages is counted (ink_document_overflow()), never dropped silently;
 * the call then returns INK_OVERFLOW with the document still made.
 *
 * @param ctx a context; it must outlive the document
 * @param article the article; borrowed: it must outlive the document (its images are drawn
 *   from it)
 * @param tpl the template; the document takes a reference
 * @param fonts the faces; the document takes a reference. Faces the template names load now
 * @param opts (nullable) options; NULL for the defaults; not kept. INK_INVALID when its
 *   struct_size is too small, INK_UNSUPPORTED when it sets a field this library lacks
 * @param out receives the document, owned by the caller (ink_document_destroy()); set on
 *   INK_OK and INK_OVERFLOW, NULL otherwise
 * @return INK_OK, INK_OVERFLOW, INK_FONT (a template's face cannot be loaded), INK_IO,
 *   INK_NO_MEMORY, INK_UNSUPPORTED or INK_INVALID.
 * @since 0.1
 */
INK_API ink_status_t ink_document_layout (ink_context_t *ctx, const ink_article_t *article,
                                          ink_template_t *tpl, ink_fontset_t *fonts,
                                          const ink_layout_options_t *opts,
                                          ink_document_t **out);

/**
 * Frees the document and drops its references to the template and the fontset.
 *
 * @param doc a document, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_document_destroy (ink_document_t *doc);

/**
 * The number of pages.
 *
 * @param doc a document
 * @return the number of pages, at least 1; 0 for NULL.
 * @since 0.1
 */
INK_API size_t ink_document_page_count (const ink_document_t *doc);

/**
 * The logical page size, the template's.
 *
 * @param doc a document
 * @param width (nullable) receives the page width in px
 * @param height (nullable) receives the page height in px
 * @since 0.1
 */
INK_API void ink_document_page_size (const ink_document_t *doc, uint32_t *width, uint32_t *height);

/**
 * What did not fit in the pages allowed (ink_layout_options_t::max_pages, INK_LIMIT_PAGES).
 *
 * @param doc a document
 * @param blocks (nullable) receives the number of blocks not placed in full
 * @param chars (nullable) receives the number of characters not placed
 * @since 0.1
 */
INK_API void ink_document_overflow (const ink_document_t *doc, size_t *blocks, size_t *chars);

/**
 * The glyphs no face of the fontset had: drawn as .notdef boxes, and warned about.
 *
 * @param doc a document
 * @return the number of .notdef glyphs drawn on all pages.
 * @since 0.1
 */
INK_API size_t ink_document_missing_glyphs (const ink_document_t *doc);

/**
 * A run of characters that no font of the fontset has, drawn as boxes (.notdef): where it
 * starts in the article's source, its first character and script, and how many characters
 * of it are missing. A run goes on through spaces and punctuation the fonts have; a letter
 * they have, or another script, ends it.
 */
typedef struct {
  unsigned line;            /**< 1-based source line; 0: no source position (a JSON
                             *   article's text within its block, a running head) */
  unsigned column;          /**< 1-based source column, in code points */
  uint32_t first;           /**< the run's first missing code point */
  char script[24];          /**< that code point's script: "Bengali", "Ethiopic", ...;
                             *   "Common" for symbols and emoji */
  size_t chars;             /**< missing code points in the run */
} ink_missing_run_t;

/**
 * The runs of missing characters in source order. Each is counted once however often its
 * text was set.
 *
 * @param doc a document
 * @param n receives the number of runs
 * @return the runs, owned by @p doc and valid until it is destroyed; NULL with *n 0 when
 *   the fonts have every character.
 * @since 0.1
 */
INK_API const ink_missing_run_t *ink_document_missing_runs (const ink_document_t *doc,
                                                             size_t *n);

/**
 * The layout as JSON (DESIGN.md): every page's boxes, lines and glyph runs, for tests and
 * tools. Deterministic: the same inputs give the same bytes.
 *
 * @param doc a document
 * @param json receives the JSON text, NUL-terminated, owned by @p doc: valid until the next
 *   call of this function on @p doc or its destruction
 * @param len (nullable) receives its length in bytes
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_document_layout_json (ink_document_t *doc, const char **json, size_t *len);

/**
 * Draws a rectangle of a page in 8-bit grey, 0 black and 255 paper, anti-aliased, into the
 * caller's buffer. Drawing a page in bands gives the same bytes as drawing it whole, so a
 * caller with little memory may draw a few rows at a time. Glyphs and scaled pictures are
 * cached in the document.
 *
 * @param doc a document
 * @param page the page, from 0
 * @param x left of the rectangle to draw, px
 * @param y top of the rectangle, px
 * @param width its width, px
 * @param height its height, px
 * @param gray the caller's buffer, @p height rows of @p stride bytes
 * @param stride bytes from one row to the next, at least @p width
 * @return INK_OK, INK_INVALID (a bad page, buffer or stride), or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_document_render_gray (ink_document_t *doc, size_t page, int32_t x,
                                               int32_t y, uint32_t width, uint32_t height,
                                               uint8_t *gray, size_t stride);

/**
 * What a frame needs to draw one page of a document: opaque storage the caller provides (on
 * the stack, say) and ink_document_frame() fills. It must outlive the frame it is given to.
 * Its contents are private, so that later versions may keep more in the same room.
 */
typedef struct {
  void *opaque[6];          /**< private to the library */
} ink_page_source_t;

/**
 * Fills @p frame to draw @p page of @p doc in @p fmt, for ink_frame_render(),
 * ink_strips_begin(), ink_png_render(), ink_fb_draw() or ink_memfb_update(). Nothing is drawn
 * yet. For a 1-bit grey format, glyphs are hinted and drawn for 1 bit.
 *
 * @param doc a document; it must outlive @p frame
 * @param page the page, from 0
 * @param fmt the pixel format; copied into @p frame
 * @param dither how pictures are dithered; text and rules never are
 * @param src caller storage for the page's drawing state; must outlive @p frame
 * @param frame receives the frame
 * @return INK_OK; INK_INVALID for a NULL argument, a bad page or a bad format, or
 *   INK_UNSUPPORTED for a format of a later version (ink_pixfmt_check()).
 * @since 0.1
 */
INK_API ink_status_t ink_document_frame (ink_document_t *doc, size_t page, const ink_pixfmt_t *fmt,
                                         ink_dither_t dither, ink_page_source_t *src,
                                         ink_frame_t *frame);

/**
 * Pages one at a time: an article laid out as ink_document_layout() lays it out, but handed
 * out a page at a time, each as soon as it is set, so that a caller can draw page 1 before
 * later pages are set. Paragraphs are set as the flow reaches them, a bounded look-ahead
 * before it (one frame's height and 24 units: keeps look 8 units on, floats wait for a later
 * column or page, widows need the next lines), and once a page is handed out its display list
 * and the paragraphs the flow has passed are freed, so the time to page 1 and the memory do
 * not grow with the article's length. What still grows with it: the article itself and a
 * list of about 100 bytes per block. A page after the first that ends with floats waiting
 * for the next sets paragraphs four frames' height past its start (evening may set it and
 * the two after on trial); a pull quote across page 1's top makes the pager set every page
 * before it hands out page 1 (the end of the text may set page 1 again); a short article
 * (at most 12000 characters of text) with floats is laid out once in full before page 1, to
 * put its floats in reading order, which costs one ink_document_layout() of it; when none
 * moves, its pages are handed out from that layout, and are not set again.
 *
 * The pages are the pages ink_document_layout() makes, item for item, but for one thing: a
 * running head or foot that names the total, {pages}. That total is known only when the last
 * page is set. With INK_PAGER_TOTAL_WAIT, such a template makes the pager set every page
 * before it hands out the first (the time and memory of ink_document_layout(); a template
 * without {pages} is handed out as set all the same). With INK_PAGER_TOTAL_OMIT, a slot that
 * names {pages} shows the page's number alone ({page}) on every page: a total is never
 * guessed. Single owner (ink_pager_destroy()); one thread at a time, like its context.
 */
typedef struct ink_pager ink_pager_t;

/** What a pager does with a running head or foot that names the total, {pages}. */
typedef enum {
  INK_PAGER_TOTAL_WAIT = 0, /**< hold the pages until the total is known: exact pages */
  INK_PAGER_TOTAL_OMIT = 1  /**< hand pages out as set; such a slot shows {page} alone */
} ink_pager_total_t;

/**
 * Starts laying out the article a page at a time: loads the template's faces and sets the
 * head; no page is made yet (ink_pager_next()).
 *
 * @param ctx a context; it must outlive the pager and its pages
 * @param article the article; borrowed: it must outlive the pager and every page
 * @param tpl the template; the pager and each page take a reference
 * @param fonts the faces; the pager and each page take a reference
 * @param opts (nullable) options, as for ink_document_layout(); not kept
 * @param total what to do with {pages} in running heads and feet
 * @param out receives the pager, owned by the caller (ink_pager_destroy()); NULL on failure
 * @return INK_OK, INK_FONT, INK_NO_MEMORY, INK_UNSUPPORTED or INK_INVALID.
 * @since 0.1
 */
INK_API ink_status_t ink_pager_create (ink_context_t *ctx, const ink_article_t *article,
                                       ink_template_t *tpl, ink_fontset_t *fonts,
                                       const ink_layout_options_t *opts,
                                       ink_pager_total_t total, ink_pager_t **out);

/**
 * Sets the next page and hands it out as a document of one page (page 0; its layout JSON
 * numbers it 1), drawn with ink_document_frame() and the other document calls, and destroyed
 * by the caller when drawn. The last page carries the article's reports: its
 * ink_document_overflow(), ink_document_missing_glyphs() and ink_document_missing_runs() are
 * those of the whole article; the other pages report nothing missing and no overflow. Each
 * page has its own glyph cache, so drawing many pages redraws common glyphs once per page.
 *
 * @param pager a pager
 * @param page receives the next page, owned by the caller (ink_document_destroy()); NULL
 *   when every page has been handed out, or on failure
 * @return INK_OK; INK_OVERFLOW with the last page when text did not fit in max_pages pages;
 *   INK_NO_MEMORY or INK_INVALID. After a failure the pager hands out no more pages.
 * @since 0.1
 */
INK_API ink_status_t ink_pager_next (ink_pager_t *pager, ink_document_t **page);

/**
 * How many pages the pager has handed out, and how many paragraphs it has set so far (the
 * body's, the head's and the running lines'; one set again at another measure counts again),
 * for progress and for tests.
 *
 * @param pager a pager
 * @param paragraphs (nullable) receives the paragraphs set so far
 * @return the pages handed out; 0 for NULL.
 * @since 0.1
 */
INK_API size_t ink_pager_progress (const ink_pager_t *pager, size_t *paragraphs);

/**
 * Frees the pager; the pages it handed out stay valid.
 *
 * @param pager a pager, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_pager_destroy (ink_pager_t *pager);

#ifdef __cplusplus
}
#endif
#endif
