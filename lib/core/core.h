/* core: the context, its allocator, errors and diagnostics, limits, UTF-8 decoding and the
 * small containers every module uses. Nothing here knows of text, pages or pixels. */
#ifndef INK_CORE_H
#define INK_CORE_H

#include <inkset/inkset-common.h>
#include <inkset/inkset-article.h>
#include <stdarg.h>
#include <string.h>
#include "ink-limits.h"


struct ink_context {
  ink_realloc_fn realloc_fn;
  void *realloc_user;
  ink_log_fn log_fn;
  void *log_user;
  ink_progress_fn progress_fn;
  void *progress_user;
  ink_picture_fn picture_fn;   /* articles' pictures from the embedder (inkset-article.h) */
  void *picture_user;
  size_t mem_current, mem_peak;
  size_t limits[INK_LIMIT_COUNT_];
  char error[256];
  /* A page source's render callback has no return value: it leaves its first failure here
   * (e.g. INK_NO_MEMORY for a glyph bitmap) and the frame renderer returns it. */
  ink_status_t render_status;
#ifdef INK_MOVE_ON_GROW
  bool move_on_grow;           /* core/moveongrow.c */
#endif
};

/* Allocation: every byte inkset allocates goes through these. */
void *ink__realloc (ink_context_t *ctx, void *p, size_t old_size, size_t new_size);
void *ink__alloc (ink_context_t *ctx, size_t size);             /* zeroed */
/* ink__alloc of n elements of elem bytes (zeroed; none: one byte, as ink__alloc (0)); NULL
 * on overflow or failure. Free it with ink__free (ctx, p, n * elem). */
void *ink__alloc_array (ink_context_t *ctx, size_t n, size_t elem);
void ink__free (ink_context_t *ctx, void *p, size_t size);
/* Grows or shrinks an array of n0 to n1 elements; NULL on overflow or failure (p kept). */
void *ink__realloc_array (ink_context_t *ctx, void *p, size_t n0, size_t n1, size_t elem);
char *ink__strndup (ink_context_t *ctx, const char *s, size_t len);
char *ink__strdup (ink_context_t *ctx, const char *s);
void ink__strfree (ink_context_t *ctx, char *s);               /* frees ink__strdup's */

/* Every error passes here: a single breakpoint catches them all. Records the message on
 * the context (for ink_context_error) and returns status. */
ink_status_t ink__error (ink_context_t *ctx, ink_status_t status, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
void ink__log (ink_context_t *ctx, ink_log_level_t level, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
/* Fills a caller's diag (nullable) and returns INK_PARSE (or the given status). */
ink_status_t ink__diag (ink_context_t *ctx, ink_diag_t *diag, ink_status_t status,
                        unsigned line, unsigned column, const char *fmt, ...)
  __attribute__ ((format (printf, 6, 7)));

size_t ink__limit (const ink_context_t *ctx, ink_limit_t which);

/* Tells the context's progress callback how far stage has come: INK_OK to go on, else the
 * callback's status, with the context's message saying the work was stopped. */
ink_status_t ink__progress (ink_context_t *ctx, ink_progress_stage_t stage, size_t done,
                            size_t total);

/* Public structs that begin with size_t struct_size (core/structsize.c). min is the size of
 * the first version (the end of its last field), known sizeof the struct here. _in copies a
 * caller's struct into copy, the fields it lacks zeroed: INK_INVALID below min, INK_UNSUPPORTED
 * when a field newer than this library is set. _out writes src into a caller's struct, no
 * more than its struct_size, and zeroes what this library does not know. */
ink_status_t ink__struct_in (ink_context_t *ctx, const void *given, size_t min, void *copy,
                             size_t known, const char *what);
ink_status_t ink__struct_out (ink_context_t *ctx, void *given, size_t min, const void *src,
                              size_t known, const char *what);

/* A pointer into a block held across a call that may move it: the sanitizer build (which
 * defines INK_MOVE_ON_GROW) run with INKSET_MOVE_ON_GROW=1 moves a growable array of at most
 * INK_MOVE_ON_GROW_BYTES on every push and reserve, and every block ink__realloc resizes, to
 * a fresh allocation and frees the old one, so that AddressSanitizer reports any stale
 * pointer as a use after free (core/moveongrow.c). Other builds compile it out. */
#ifdef INK_MOVE_ON_GROW
#define INK_MOVE_ON_GROW_BYTES 65536
#define INK__MOVES(ctx, bytes) ((ctx)->move_on_grow && (bytes) <= INK_MOVE_ON_GROW_BYTES)
#else
#define INK__MOVES(ctx, bytes) false
#endif
bool ink__move_on_grow_asked (void);
void *ink__realloc_moved (ink_context_t *ctx, void *p, size_t old_size, size_t new_size);

/* Growable array: a pointer, a length and a capacity in elements. */
#define INK_VEC(T) struct { T *v; size_t n, cap; }
bool ink__vec_grow (ink_context_t *ctx, void **v, size_t *cap, size_t need, size_t elem);
#define ink__vec_push(ctx, vec, item) \
  ((((vec)->n < (vec)->cap && !INK__MOVES ((ctx), (vec)->cap * sizeof *(vec)->v)) \
    || ink__vec_grow ((ctx), (void **) &(vec)->v, &(vec)->cap, (vec)->n + 1, sizeof *(vec)->v)) \
     ? ((vec)->v[(vec)->n++] = (item), true) : false)
/* ink__vec_push for an array pushed onto as a stream thousands of times a layout and only
 * ever indexed by position (the display list's line records): the guard above does not move
 * it on every push, which would copy it whole each time. */
#define ink__vec_append(ctx, vec, item) \
  ((((vec)->n < (vec)->cap) \
    || ink__vec_grow ((ctx), (void **) &(vec)->v, &(vec)->cap, (vec)->n + 1, sizeof *(vec)->v)) \
     ? ((vec)->v[(vec)->n++] = (item), true) : false)
#define ink__vec_reserve(ctx, vec, need) \
  (((need) <= (vec)->cap && !INK__MOVES ((ctx), (vec)->cap * sizeof *(vec)->v)) \
   || ink__vec_grow ((ctx), (void **) &(vec)->v, &(vec)->cap, (need), sizeof *(vec)->v))
#define ink__vec_free(ctx, vec) \
  (ink__free ((ctx), (vec)->v, (vec)->cap * sizeof *(vec)->v), (vec)->v = NULL, \
   (vec)->n = (vec)->cap = 0)

/* Growable byte string, always NUL-terminated when s is non-NULL. */
typedef struct { char *s; size_t n, cap; } ink__str_t;
bool ink__str_append (ink_context_t *ctx, ink__str_t *str, const char *s, size_t len);
bool ink__str_printf (ink_context_t *ctx, ink__str_t *str, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
bool ink__str_append_cp (ink_context_t *ctx, ink__str_t *str, uint32_t cp);
void ink__str_free (ink_context_t *ctx, ink__str_t *str);
/* Appends s as a JSON string literal, quotes included. */
bool ink__str_append_json (ink_context_t *ctx, ink__str_t *str, const char *s, size_t len);

/* UTF-8. Decodes one code point at s[*pos], advancing *pos by at least one byte. Invalid,
 * overlong, surrogate or truncated sequences give U+FFFD and return false; the maximal
 * invalid subpart is consumed, as Unicode recommends. */
bool ink__utf8_next_multi (const char *s, size_t len, size_t *pos, uint32_t *cp);   /* any byte */
static inline bool
ink__utf8_next (const char *s, size_t len, size_t *pos, uint32_t *cp)
{
  unsigned char c = (unsigned char) s[*pos];
  if (c < 0x80) {   /* ASCII inline: text is mostly ASCII, and this is called per character */
    *cp = c;
    *pos += 1;
    return true;
  }
  return ink__utf8_next_multi (s, len, pos, cp);
}
/* How many bytes from the start of s[0, n) are plain ASCII (no NUL, CR, LF or byte above
 * 0x7F), counted in whole 8-byte words: a fast first step over long text; the caller looks at
 * what is left a byte at a time. */
size_t ink__plain_ascii_words (const char *s, size_t n);
/* Encodes cp into out (4 bytes room); returns the byte count. */
size_t ink__utf8_encode (uint32_t cp, char *out);
/* Copies src to a new valid UTF-8 string, replacing bad sequences with U+FFFD. *bad counts
 * them (nullable). NUL bytes are kept out: they become U+FFFD too. */
char *ink__utf8_sanitize (ink_context_t *ctx, const char *src, size_t len, size_t *out_len,
                          size_t *bad);
/* Code points in valid UTF-8 s[0, len): the length of a text whatever its script, which
 * takes one byte a letter in English, two in Arabic or Hebrew, three in Hindi, Thai or Korean. */
size_t ink__utf8_count (const char *s, size_t len);
/* Line and column (1-based, column in code points) of byte offset off in src. */
void ink__text_position (const char *src, size_t len, size_t off, unsigned *line,
                         unsigned *column);
/* A position in a text: byte offset, line and column. { 0, 1, 1 } is the start. */
typedef struct {
  size_t off;
  unsigned line, column;
} ink__textpos_t;
/* Moves *at to byte offset off of src (as ink__text_position finds it): on from *at when off
 * is not before it, else from the start; for a reader that asks in order. */
void ink__text_position_at (const char *src, size_t len, size_t off, ink__textpos_t *at);

/* The closest of cands to word[0..len) by edit distance (a swap of two neighbours counts as
 * one slip; case and '_' against '-' as none), when close enough to be a likely typing slip:
 * one in a word of up to three characters, two in a longer one. NULL otherwise. */
const char *ink__did_you_mean (const char *word, size_t len, const char *const *cands,
                               size_t ncands);

/* Reads a whole file into memory allocated by ctx, up to max bytes. The buffer holds len + 1
 * bytes (a NUL follows); free it with ink__free (ctx, data, len + 1). */
ink_status_t ink__read_file (ink_context_t *ctx, const char *path, size_t max, char **data,
                             size_t *len);

/* An input file opened for reading: always a regular file (core/confined.c). */
typedef struct {
  int fd;
  uint64_t dev, ino, size;   /* identity and size from fstat */
} ink__file_t;
/* rel inside dir once links are resolved: INK_OK, INK_INVALID (leaves dir or not a regular
 * file), INK_NOT_FOUND, INK_IO. No message is set. */
ink_status_t ink__open_beneath (const char *dir, const char *rel, ink__file_t *out);
/* A path the embedder gave: INK_OK, INK_INVALID (not a regular file), INK_NOT_FOUND, INK_IO. */
ink_status_t ink__open_regular (const char *path, ink__file_t *out);
/* Reads f whole (refused with INK_LIMIT before reading when larger than max) and closes it;
 * free data with ink__free (ctx, data, len + 1). No message is set. */
ink_status_t ink__file_read (ink_context_t *ctx, ink__file_t *f, size_t max, char **data,
                             size_t *len);
void ink__file_close (ink__file_t *f);

#endif
