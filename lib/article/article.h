/* article: the article model and its readers (Markdown with front matter, JSON).
 * The model holds text and structure only, no geometry. All strings are valid UTF-8,
 * NUL-terminated, owned by the article. */
#ifndef INK_ARTICLE_H
#define INK_ARTICLE_H

#include <inkset/inkset-article.h>
#include "core.h"

/* Inline span flags. */
enum {
  INK_SPAN_EM = 1 << 0,
  INK_SPAN_STRONG = 1 << 1,
  INK_SPAN_LINK = 1 << 2,
  INK_SPAN_CODE = 1 << 3,
};

/* A styled range of a block's text, in bytes. Spans do not overlap; together they need not
 * cover the text (uncovered bytes are plain). */
typedef struct {
  uint32_t start, len;
  unsigned flags;
  const char *lang;        /* BCP 47 or NULL: the block's language */
  const char *href;        /* INK_SPAN_LINK only */
} ink__span_t;

typedef enum {
  INK_BLOCK_PARAGRAPH,
  INK_BLOCK_SUBHEAD,       /* level 2 or 3 */
  INK_BLOCK_LIST_ITEM,     /* level = nesting depth from 1; number 0 = bullet, else ordinal */
  INK_BLOCK_QUOTE,         /* a plain block quote's paragraph */
  INK_BLOCK_PULLQUOTE,     /* text; attribution */
  INK_BLOCK_RELATED,       /* text is the related article's title; href if given */
  INK_BLOCK_FIGURE,        /* image; text is the caption; credit */
  INK_BLOCK_COMMENT,       /* author, meta; text; level 0 = comment, 1.. = reply depth */
  INK_BLOCK_KIND_COUNT_
} ink__block_kind_t;

/* A decoded image: 8-bit grey (channels 1) or RGB (channels 3), rows packed. */
typedef struct {
  uint32_t width, height;
  unsigned channels;
  uint8_t *pixels;         /* width * height * channels bytes */
} ink__image_t;

typedef struct {
  ink__block_kind_t kind;
  unsigned level;
  unsigned number;         /* list items */
  char *text;              /* the block's text; paragraphs inside one block are joined by '\n' */
  size_t text_len;
  ink__span_t *spans;
  size_t nspans;
  char *attribution;       /* pull quote */
  char *author, *meta;     /* comment */
  char *href;              /* related */
  char *image_path;        /* figure: as written in the article */
  ink__image_t *image;     /* figure: decoded, or NULL when no image could be loaded */
  char *credit;            /* figure */
  unsigned line, column;   /* where the block starts in the source, for messages */
} ink__block_t;

struct ink_article {
  ink_context_t *ctx;
  /* Front matter; NULL when absent. title is always set. */
  char *title, *kicker, *deck, *author, *date, *lang, *section, *source, *url;
  char *image_path, *caption, *credit;
  ink__image_t *image;     /* lead image, decoded */
  ink__block_t *blocks;
  size_t nblocks;
  size_t bad_utf8;         /* invalid sequences replaced by U+FFFD while reading */
  char *name;              /* file name for messages, or "<memory>" */
};

/* Decodes a PNG or JPEG (by signature) from memory into a grey or RGB image, with the
 * context's image limits. On error, fills diag's message (no position) and returns a status. */
ink_status_t ink__image_decode (ink_context_t *ctx, const void *data, size_t len,
                                ink__image_t **out, ink_diag_t *diag);
void ink__image_destroy (ink_context_t *ctx, ink__image_t *img);

#endif
