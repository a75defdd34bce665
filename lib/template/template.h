/* template: the page template model, its reader and validator, and the built-in templates.
 * A template is immutable once built and may be shared (ink_template_reference). Lengths are
 * in pixels of the page (floats: a template may say 1.5mm or 12pt; the reader converts with
 * the page's dpi). */
#ifndef INK_TEMPLATE_H
#define INK_TEMPLATE_H

#include <inkset/inkset-template.h>
#include "core.h"
#include "digits.h"

/* The roles a style can be given to. Keep in step with ink__role_names in template.c. */
typedef enum {
  INK_ROLE_KICKER, INK_ROLE_HEADLINE, INK_ROLE_DECK, INK_ROLE_BYLINE, INK_ROLE_DATELINE,
  INK_ROLE_BODY, INK_ROLE_SUBHEAD, INK_ROLE_QUOTE, INK_ROLE_ATTRIBUTION, INK_ROLE_RELATED,
  INK_ROLE_CAPTION, INK_ROLE_CREDIT, INK_ROLE_COMMENT_AUTHOR, INK_ROLE_COMMENT,
  INK_ROLE_REPLY, INK_ROLE_HEADER, INK_ROLE_FOOTER, INK_ROLE_SOURCE, INK_ROLE_LIST,
  INK_ROLE_BLOCKQUOTE, INK_ROLE_TABLE,
  INK_ROLE_COUNT_
} ink__role_t;
extern const char *const ink__role_names[INK_ROLE_COUNT_];   /* "kicker", "headline", ... */

typedef enum { INK_ALIGN_START, INK_ALIGN_END, INK_ALIGN_CENTER, INK_ALIGN_JUSTIFY } ink__align_t;

#define INK_MAX_FEATURES 8
typedef struct {
  char tag[4];             /* OpenType feature tag */
  uint32_t value;          /* 0 off, 1 on, n alternate */
} ink__feature_t;

typedef struct {
  const char *name;
  const char *family;      /* a family name declared in [fonts] */
  unsigned weight;         /* 400 regular, 700 bold */
  bool italic;
  float size_px;
  float leading_px;        /* baseline to baseline */
  float tracking_em;       /* extra letter spacing, em */
  float letter_spacing_em; /* justified lines: at most this much may go between letters when
                            * the spaces alone would stretch too far; 0 = never */
  ink__align_t align;
  float indent_px;         /* first-line indent */
  float space_before_px, space_after_px;
  bool hyphenate;
  bool uppercase;
  uint8_t grey;            /* ink level, 0 = black, 255 = white */
  bool span_columns;       /* set across all columns (pull quotes, head) */
  bool rule_above, rule_below;
  unsigned drop_cap_lines; /* 0 = none */
  ink__feature_t features[INK_MAX_FEATURES];
  unsigned nfeatures;
} ink__style_t;

/* A font family: up to four faces by weight and slant, file names relative to the font
 * directory. The fontset reads them only from inside that directory unless its caller
 * allows paths anywhere (ink_fontset_set_paths): a template is input like any other. */
typedef struct {
  const char *name;
  const char *regular, *bold, *italic, *bold_italic;
  unsigned line, column;   /* its [fonts] entry in the template; 0 for inkset's default */
} ink__family_t;

/* A per-script fallback chain of family names, e.g. script "Arab" -> "naskh". */
typedef struct {
  char script[5];          /* ISO 15924, e.g. "Arab", "Deva", "Hani", "Zyyy" for any */
  char lang[16];           /* "" for every language, else a BCP 47 tag ("ur"): this chain
                            * wins over the script's own for text in that language */
  const char *families[4];
  unsigned nfamilies;
} ink__fallback_t;

/* A [grid] entry: body lines of a script (in one language) step by step_px instead of the
 * body step, e.g. "Arab:ur" -> 84px for Nastaliq. */
typedef struct {
  char script[5];          /* ISO 15924 */
  char lang[16];           /* "" for every language, else a BCP 47 tag */
  float step_px;
} ink__grid_step_t;

#define INK_TEMPLATE_MAX_GRIDS 32   /* [grid] entries one template may give */

typedef enum {
  INK_TDITHER_DEFAULT = 0, INK_TDITHER_NONE, INK_TDITHER_FLOYD_STEINBERG, INK_TDITHER_ATKINSON,
  INK_TDITHER_BAYER, INK_TDITHER_BLUE_NOISE
} ink__tdither_t;   /* the panel default a template names */

struct ink_template {
  ink_context_t *ctx;
  unsigned refcount;
  char *name;
  const char *source;      /* what its messages name: its path, or its name */
  uint32_t width_px, height_px;
  float width_exact_px, height_exact_px;   /* the page as given, before rounding: a PDF's
                                            * page is this size in print units */
  float dpi;
  float bleed_px;          /* print: how far the PDF's bleed box reaches past the page */
  bool crop_marks;         /* print: crop marks in the PDF, outside the bleed */
  float margin_top, margin_right, margin_bottom, margin_left;
  unsigned columns;
  float gutter_px;
  bool column_rule;
  float baseline_px;       /* the body grid's step; 0: the body style's leading */
  ink__grid_step_t grids[INK_TEMPLATE_MAX_GRIDS];   /* [grid]: steps of taller scripts */
  size_t ngrids;
  ink__digits_rule_t digits[INK_DIGITS_MAX_RULES];  /* [digits]: a language's own choice */
  size_t ndigits;
  const char *header_left, *header_center, *header_right;   /* placeholders {page} ... */
  const char *footer_left, *footer_center, *footer_right;
  /* Which of the header's and the footer's left, center and right texts (bits 0, 1, 2) the
   * article's first page, where its headline stands, shows: [header] first-page. */
  uint8_t header_first, footer_first;
  unsigned widows, orphans;             /* minimum lines, 1 to 10 */
  bool comments_new_page;
  unsigned vertical_justify;             /* make-up may add at most this many line steps of
                                         * space at one place of a column; 0: none */
  unsigned lone_lines;                   /* make-up may leave at most this many lines of a
                                         * paragraph alone at a column's foot or top on a
                                         * page; 0: none */
  unsigned picture_shrink;               /* make-up may set the lead picture at most this
                                         * many percent smaller so that the article ends a
                                         * page earlier; 0: never */
  ink__family_t *families;
  size_t nfamilies;
  ink__fallback_t *fallbacks;
  size_t nfallbacks;
  ink__style_t styles[INK_ROLE_COUNT_]; /* resolved per role */
  /* Panel defaults, which the caller may override. */
  unsigned bpp;                         /* 1, 2, 4 or 8 */
  ink__tdither_t dither;
  /* Strings above point into this arena, freed with the template, or to static constants
   * (the default families and fallbacks). */
  char *arena;
  size_t arena_len;
};

/* What a template gets for what it leaves out (docs/templates.md). The reader resolves them;
 * the page engine reads the resolved values and keeps no defaults of its own. */
#define INK_DEFAULT_LEADING 1.25f   /* a declared style's leading, as a multiple of its size */
#define INK_DEFAULT_COLUMNS 1
#define INK_DEFAULT_WIDOWS 2
#define INK_DEFAULT_ORPHANS 2
#define INK_DEFAULT_VERTICAL_JUSTIFY 2
#define INK_DEFAULT_LONE_LINES 2
#define INK_DEFAULT_PICTURE_SHRINK 15
/* first-page: the running line's three texts, all shown on the first page too. */
#define INK_RUNNING_ALL 7

/* Caps on what one template may declare (beyond INK_LIMIT_TEMPLATE_BYTES). */
#define INK_TEMPLATE_MAX_FAMILIES 32
#define INK_TEMPLATE_MAX_FALLBACKS 64
#define INK_TEMPLATE_MAX_STYLES 64
#define INK_TEMPLATE_MAX_COLUMNS 12
#define INK_TEMPLATE_MAX_TEXT 256        /* bytes of one header or footer text, file name */
#define INK_TEMPLATE_MAX_BLEED_PX 2000   /* bleed: about 17 cm at 300 dpi */

/* A type size is at most this many px: a glyph's bitmap then takes at most about a
 * sixteenth of the glyph cache (INK_GLYPH_CACHE_BYTES), so drawing a page never empties the
 * cache glyph after glyph. */
#define INK_TEMPLATE_MAX_SIZE_PX 512
/* A column is at least this many ems of the body size wide. */
#define INK_MIN_COLUMN_EM 4

/* A value of a read template that would put a page or a line off the page. */
typedef struct {
  int role;                /* the role whose style is at fault, or -1 for [page] */
  int grid;                /* the [grid] entry at fault, or -1 */
  const char *keys[4];     /* keys that may hold the value, first choice first; NULL-ended */
  char message[sizeof ((ink_diag_t *) 0)->message];
} ink__template_fault_t;

/* True when every page and line of t stays on the page (lib/template/bounds.c); else false
 * with the first value out of bounds in fault. */
bool ink__template_check (const ink_template_t *t, ink__template_fault_t *fault);
/* Width of one column in px. */
float ink__template_column_px (const ink_template_t *t);

/* The built-in templates, generated at build time from examples/templates/NAME.ini
 * (lib/template/builtin.cmake). The first is the default. */
typedef struct {
  const char *name;
  const char *text;
  size_t len;
} ink__builtin_t;
extern const ink__builtin_t ink__builtins[];
extern const size_t ink__nbuiltins;
extern const char *const ink__builtin_names[];   /* NULL-terminated */

/* Parses src into a new template named name (messages use source, e.g. a path). */
ink_status_t ink__template_read (ink_context_t *ctx, const char *src, size_t len,
                                 const char *name, const char *source, ink_template_t **out,
                                 ink_diag_t *diag);

#endif
