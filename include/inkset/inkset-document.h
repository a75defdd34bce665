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

typedef struct ink_article ink_article_t;   /* also in inkset-article.h */

/* An article laid out on a template: pages of display lists. Single owner. The article,
 * template and fontset must outlive it (it keeps references to the last two). */
typedef struct ink_document ink_document_t;

/* Zero-initialised options are the defaults. */
typedef struct {
  unsigned max_pages;       /* 0: the context's INK_LIMIT_PAGES; what does not fit is overflow */
} ink_layout_options_t;

INK_API ink_status_t ink_document_layout (ink_context_t *ctx, const ink_article_t *article,
                                          ink_template_t *tpl, ink_fontset_t *fonts,
                                          const ink_layout_options_t *opts,
                                          ink_document_t **out);
INK_API void ink_document_destroy (ink_document_t *doc);
INK_API size_t ink_document_page_count (const ink_document_t *doc);
INK_API void ink_document_page_size (const ink_document_t *doc, uint32_t *width, uint32_t *height);
/* Characters and blocks that did not fit (max_pages), and .notdef glyphs drawn. */
INK_API void ink_document_overflow (const ink_document_t *doc, size_t *blocks, size_t *chars);
INK_API size_t ink_document_missing_glyphs (const ink_document_t *doc);
/* A run of characters that no font of the fontset has, drawn as boxes (.notdef): where it
 * starts in the article's source, its first character and script, and how many characters
 * of it are missing. A run goes on through spaces and punctuation the fonts have; a letter
 * they have, or another script, ends it. */
typedef struct {
  unsigned line, column;    /* 1-based, in code points; line 0: no source position (a
                             * JSON article's text within its block, a running head) */
  uint32_t first;           /* the run's first missing code point */
  char script[24];          /* that code point's script: "Bengali", "Ethiopic", ... ;
                             * "Common" for symbols and emoji */
  size_t chars;             /* missing code points in the run */
} ink_missing_run_t;

/* The runs of missing characters in source order, or NULL with *n 0 when the fonts have
 * every character. Owned by doc. Each is counted once however often its text was set. */
INK_API const ink_missing_run_t *ink_document_missing_runs (const ink_document_t *doc,
                                                             size_t *n);
/* The layout JSON of DESIGN.md; owned by doc, valid until it is destroyed. */
INK_API ink_status_t ink_document_layout_json (ink_document_t *doc, const char **json, size_t *len);
/* Renders page (0-based) as 8-bit grey, 0 black, 255 paper, into the caller's buffer. The
 * rectangle (x, y, width, height) of the page is drawn, so a caller may render in bands. */
INK_API ink_status_t ink_document_render_gray (ink_document_t *doc, size_t page, int32_t x,
                                               int32_t y, uint32_t width, uint32_t height,
                                               uint8_t *gray, size_t stride);

/* What a frame needs to draw one page of a document: caller storage that must outlive
 * the frame it is given to. */
typedef struct {
  ink_document_t *doc;
  size_t page;
  bool mono;                /* 1-bit hinting and rendering of glyphs */
} ink_page_source_t;

/* Fills frame (ink_frame_render, ink_strips_begin, ink_png_render...) to draw page of doc in
 * fmt with pictures dithered by dither. */
INK_API ink_status_t ink_document_frame (ink_document_t *doc, size_t page, const ink_pixfmt_t *fmt,
                                         ink_dither_t dither, ink_page_source_t *src,
                                         ink_frame_t *frame);

#ifdef __cplusplus
}
#endif
#endif
