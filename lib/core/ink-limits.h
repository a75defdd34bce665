/* Compile-time caps on untrusted input. A context may lower each at run time
 * (ink_context_set_limit) but never raise it past the value here. */
#ifndef INK_LIMITS_H
#define INK_LIMITS_H

#ifndef INK_MAX_ARTICLE_BYTES
#define INK_MAX_ARTICLE_BYTES (16u << 20)     /* article source, Markdown or JSON */
#endif
#ifndef INK_MAX_PARAGRAPH_BYTES
#define INK_MAX_PARAGRAPH_BYTES (1u << 20)    /* one block's text */
#endif
#ifndef INK_MAX_BLOCKS
#define INK_MAX_BLOCKS 100000u                /* blocks in one article */
#endif
#ifndef INK_MAX_FIELD_BYTES
#define INK_MAX_FIELD_BYTES 8192u             /* one front-matter value (title, deck, caption...)
                                               * or block field (attribution, comment author,
                                               * link target, credit, image path) */
#endif
#ifndef INK_MAX_NESTING
#define INK_MAX_NESTING 32u                   /* block quotes, lists, JSON depth */
#endif
#ifndef INK_MAX_TABLE_COLUMNS
#define INK_MAX_TABLE_COLUMNS 16u             /* a table wider is set as text, a row a line */
#endif
#ifndef INK_MAX_PAGES
#define INK_MAX_PAGES 10000u                  /* pages of one document */
#endif
#ifndef INK_MAX_IMAGE_PIXELS
#define INK_MAX_IMAGE_PIXELS (40u << 20)      /* decoded image, width * height */
#endif
#ifndef INK_MAX_IMAGE_SIDE
#define INK_MAX_IMAGE_SIDE 20000u             /* decoded image, either side */
#endif
#ifndef INK_MAX_TEMPLATE_BYTES
#define INK_MAX_TEMPLATE_BYTES (1u << 20)
#endif
#ifndef INK_MAX_FONT_BYTES
#define INK_MAX_FONT_BYTES (64u << 20)
#endif
#ifndef INK_MAX_PAGE_SIDE
#define INK_MAX_PAGE_SIDE 16384u              /* page width or height in px */
#endif
#ifndef INK_MAX_PAGE_PIXELS
#define INK_MAX_PAGE_PIXELS (40u << 20)       /* page width * height, px */
#endif
#ifndef INK_MAX_DOCUMENT_PIXELS
#define INK_MAX_DOCUMENT_PIXELS (UINT64_C (4) << 30) /* pages * page pixels of one document:
                                                      * what drawing every page may cost */
#endif
#ifndef INK_MAX_BREAK_WORK
#define INK_MAX_BREAK_WORK 4000000u           /* line-breaker steps per paragraph */
#endif

#ifndef INK_MAX_PATTERN_BYTES
#define INK_MAX_PATTERN_BYTES (8u << 20)      /* one hyphenation pattern file (German: 1 MB) */
#endif

#ifndef INK_MAX_PICTURE_BYTES
#define INK_MAX_PICTURE_BYTES (256u << 20)    /* decoded and scaled pictures of one document */
#endif

#endif
