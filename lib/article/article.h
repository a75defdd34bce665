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
  INK_BLOCK_RULE,          /* a thematic break: a rule across the column; no text */
  INK_BLOCK_COMMENT,       /* author, meta; text; level 0 = comment, 1.. = reply depth */
  INK_BLOCK_TABLE_ROW,     /* a GFM table's row: cells' text separated by tabs; level = the
                            * table's columns, number = the row (0: the header row), align */
  INK_BLOCK_KIND_COUNT_
} ink__block_kind_t;

/* Where a stretch of a block's text came from: the byte at text offset off was written at
 * line, column of the source, and the code points after it follow on that line, one column
 * each, up to the next mark (white space collapsed, entities and "--" made dashes shift the
 * column by what they took). */
typedef struct {
  uint32_t off;
  unsigned line, column;
} ink__srcmark_t;

/* A decoded image: 8-bit grey (channels 1) or RGB (channels 3), rows packed. */
typedef struct {
  uint32_t width, height;
  unsigned channels;
  uint8_t *pixels;         /* width * height * channels bytes */
  unsigned refs;           /* figures that show it; ink__image_destroy drops one */
  uint8_t *jpeg;           /* builds with PDF output: the JPEG file it was decoded from, to */
  size_t jpeg_len;         /* be embedded as it is (jpeg_len + 1 bytes held), else NULL */
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
  char *align;             /* table rows: a letter a column, 'l', 'c', 'r' or '-' (none) */
  ink__srcmark_t *marks;   /* the text's source positions, by ascending off (Markdown only) */
  size_t nmarks;
} ink__block_t;

/* Front-matter keys, in the canonical order of the JSON form. */
typedef enum {
  INK_KEY_TITLE, INK_KEY_KICKER, INK_KEY_DECK, INK_KEY_AUTHOR, INK_KEY_DATE, INK_KEY_LANG,
  INK_KEY_SECTION, INK_KEY_SOURCE, INK_KEY_IMAGE, INK_KEY_CAPTION, INK_KEY_CREDIT, INK_KEY_URL,
  INK_KEY_TYPOGRAPHY, INK_KEY_COUNT_
} ink__key_t;

struct ink_article {
  ink_context_t *ctx;
  /* Front matter; NULL when absent. title is always set. */
  char *title, *kicker, *deck, *author, *date, *lang, *section, *source, *url;
  char *image_path, *caption, *credit;
  char *typography;        /* "smart" (the default) or "plain" */
  ink__image_t *image;     /* lead image, decoded */
  ink__block_t *blocks;
  size_t nblocks;
  size_t bad_utf8;         /* invalid sequences replaced by U+FFFD while reading */
  char *name;              /* file name for messages, or "<memory>" */
  size_t blocks_cap;       /* allocated length of blocks */
  unsigned image_line, image_column;   /* where the front matter names the lead image */
  size_t picture_bytes;    /* decoded pictures, each file counted once */
  unsigned key_line[INK_KEY_COUNT_], key_column[INK_KEY_COUNT_];   /* where each key is */
};

extern const char *const ink__key_names[INK_KEY_COUNT_];
/* The article's field for key k. */
char **ink__article_field (ink_article_t *a, ink__key_t k);
/* Index of the key named s[0..len), or -1. */
int ink__key_lookup (const char *s, size_t len);

/* Block kind names in the JSON form ("paragraph", "subhead", ...). */
extern const char *const ink__block_kind_names[INK_BLOCK_KIND_COUNT_];

/* A value of the typography key: "smart" or "plain". */
bool ink__valid_typography (const char *s);
/* Straight quotes, apostrophes and "--" become the language's punctuation in the text of
 * every block (spans moved with it) and in the fields shown, unless typography is "plain"
 * (typography.c). */
ink_status_t ink__article_typography (ink_article_t *a, ink_diag_t *diag);

/* ISO 8601 date (YYYY-MM-DD, optionally followed by Thh:mm[:ss][Z|+hh:mm]). */
bool ink__valid_date (const char *s);
/* A well-formed BCP 47 tag (syntax only: subtags of 1-8 letters or digits). */
bool ink__valid_lang (const char *s);

/* Builder shared by the readers. */
ink_article_t *ink__article_new (ink_context_t *ctx, const char *name);
void ink__article_free (ink_article_t *a);
/* Appends a zeroed block; NULL with diag filled (INK_LIMIT or INK_NO_MEMORY in *st). */
ink__block_t *ink__article_add_block (ink_article_t *a, ink__block_kind_t kind, unsigned line,
                                      unsigned column, ink_status_t *st, ink_diag_t *diag);
/* Loads every figure's and the lead image relative to base_dir (NULL: none), then shrinks
 * the block array; warns about an empty body. */
ink_status_t ink__article_finish (ink_article_t *a, const char *base_dir, ink_diag_t *diag);
/* A recoverable problem: logged as "LINE:COLUMN: message" at INK_LOG_WARNING. */
void ink__article_warn (ink_context_t *ctx, unsigned line, unsigned column, const char *fmt,
                        ...) __attribute__ ((format (printf, 4, 5)));

/* Incremental source positions: line and column (code points) of byte offsets that mostly
 * increase, without rescanning from the start each time. */
typedef struct {
  const char *src;
  size_t len, off;
  unsigned line, column;
} ink__pos_t;
void ink__pos_init (ink__pos_t *p, const char *src, size_t len);
void ink__pos_at (ink__pos_t *p, size_t off, unsigned *line, unsigned *column);

/* The source position of byte off of b's text: from its marks, else the block's start. */
void ink__block_position (const ink__block_t *b, size_t off, unsigned *line, unsigned *column);

/* Fills diag with the position of byte off and the message; returns st. */
ink_status_t ink__article_diag_at (ink_context_t *ctx, ink_diag_t *diag, ink__pos_t *pos,
                                   ink_status_t st, size_t off, const char *fmt, ...)
  __attribute__ ((format (printf, 6, 7)));

/* Whether cp is a control character that is no text: C0 but tab, line feed and carriage
 * return; DEL; C1 but NEL. A feed's stray escape or unit separator would be drawn as a box,
 * so the readers take it out with a warning. */
bool ink__stray_control (uint32_t cp);

/* Input sanitation shared by the readers: when src has invalid UTF-8 or NUL bytes, *clean
 * receives a sanitized copy (free with ink__free (ctx, *clean, *clean_len + 1)), *bad the
 * count, and a warning names the first bad position. Stray controls (ink__stray_control) are
 * left out of the copy (vertical tab and form feed become spaces) with a warning naming the
 * first. Otherwise *clean is NULL. */
ink_status_t ink__article_sanitize (ink_context_t *ctx, const char *src, size_t len,
                                    char **clean, size_t *clean_len, size_t *bad,
                                    ink_diag_t *diag);

/* The Markdown source made ready for md4c (mdsource.c), in a copy of the same length that
 * *own holds once a change is needed (free it with ink__free (ctx, *own, *own_len + 1));
 * *src then points into it. ink__md_line_ends makes a CR alone an LF. */
ink_status_t ink__md_line_ends (ink_context_t *ctx, const char **src, size_t len, char **own,
                                size_t *own_len);
/* Footnote definitions "[^label]: text" from offset body on become paragraphs
 * "[^label] text"; the source range of each one outside block quotes and lists goes to notes. */
typedef struct {
  size_t start, end;                   /* source offsets: the definition's lines */
  unsigned first_line, last_line;      /* filled in by the reader once md4c is done */
} ink__md_note_t;
typedef struct { ink__md_note_t *v; size_t n, cap; } ink__md_notes_t;
ink_status_t ink__md_footnotes (ink_context_t *ctx, const char **src, size_t len, size_t body,
                                char **own, size_t *own_len, ink__md_notes_t *notes);

/* Decodes "&name;", "&#123;" or "&#x1F;" (n bytes at s) into UTF-8 in out (4 bytes room):
 * returns the byte count, or 0 for a name outside the table, which stays as written. A
 * number that is no character (0, a surrogate, past U+10FFFF) gives U+FFFD; a stray
 * control (ink__stray_control), U+2060 WORD JOINER. */
size_t ink__entity_decode (const char *s, size_t n, char *out);

/* Reads the front matter at the start of src into a's fields; *body receives the offset
 * of the body. Errors fill diag with a position found through pos. */
ink_status_t ink__front_matter_read (ink_article_t *a, const char *src, size_t len,
                                     ink__pos_t *pos, size_t *body, ink_diag_t *diag);

ink_status_t ink__markdown_read (ink_context_t *ctx, const char *src, size_t len,
                                 const char *base_dir, const char *name, ink_article_t **out,
                                 ink_diag_t *diag);
ink_status_t ink__json_read (ink_context_t *ctx, const char *src, size_t len,
                             const char *base_dir, const char *name, ink_article_t **out,
                             ink_diag_t *diag);

/* Decodes a PNG or JPEG (by signature) from memory into a grey or RGB image, with the
 * context's image limits. On error, fills diag's message (no position) and returns a status. */
ink_status_t ink__image_decode (ink_context_t *ctx, const void *data, size_t len,
                                ink__image_t **out, ink_diag_t *diag);
/* The same, refused with INK_LIMIT (from the header) when the decoded pixels would take more
 * than max_bytes: what is left of the picture budget. */
ink_status_t ink__image_decode_within (ink_context_t *ctx, const void *data, size_t len,
                                       size_t max_bytes, ink__image_t **out,
                                       ink_diag_t *diag);
void ink__image_destroy (ink_context_t *ctx, ink__image_t *img);
/* Reads and decodes the lead image and every figure's from base_dir (article/picture.c):
 * each file once, however often it is named, within INK_LIMIT_PICTURE_BYTES. */
ink_status_t ink__article_load_pictures (ink_article_t *a, const char *base_dir,
                                         ink_diag_t *diag);

#endif
