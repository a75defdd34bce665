/* text: the fontset (faces loaded once, by file name, from a directory or memory), and the
 * itemizer and shaper that turn one paragraph into shaped runs in logical order. Knows
 * nothing of lines, pages or pixels. */
#ifndef INK_TEXT_H
#define INK_TEXT_H

#include <inkset/inkset-font.h>
#include <hb.h>
#include <pthread.h>
#include "core.h"
#include "ucd.h"

typedef struct ink__face ink__face_t;

#define INK_FACE_VEXTENTS 512    /* glyph extents a face remembers (4 kB) */

struct ink__face {
  ink_fontset_t *fontset;
  char *name;                 /* file name the templates use, e.g. "NotoSerif-Bold.ttf" */
  const uint8_t *data;        /* the font file */
  size_t len;
  bool owns_data;             /* data is ours: len + 1 bytes from the context, or mapped */
  bool mapped;                /* data is the file mapped read-only (munmap len bytes) */
  unsigned index;             /* face index inside a collection */
  hb_blob_t *blob;
  hb_face_t *hb_face;
  hb_font_t *hb_font;         /* scaled to units per em: advances are linear in size */
  unsigned upem;
  int32_t ascender, descender, line_gap;   /* font units; descender negative */
  void *ft_face;              /* FT_Face, created on first rasterization */
  unsigned serial;            /* order of loading, for deterministic tie-breaks */
  /* Glyphs' vertical extents met so far (ink__face_vextent), each entry one word read and
   * written atomically: threads sharing the face need no lock. */
  uint64_t vextents[INK_FACE_VEXTENTS];
  /* Whether the face covers each code point below 256 (ink__face_covers): 0 not asked yet,
   * 1 no, 2 yes; bytes read and written atomically, a cache written through a const face. */
  uint8_t covers_low[256];
};

struct ink_fontset {
  ink_context_t *ctx;
  unsigned refcount;          /* atomic: documents on several threads hold references */
  pthread_mutex_t lock;       /* faces loaded on first use, FreeType, the hyphenator */
  char *dir;                  /* where faces named by file are looked up, or NULL */
  ink_font_paths_t paths;     /* whether template names may leave dir */
  INK_VEC (ink__face_t *) faces;
  void *ft_library;           /* FT_Library, allocating through ctx */
  void *ft_memory;
  struct ink__hyphenator *hyphenator;   /* loaded on first use, kept with the faces */
};

/* Serializes what changes a fontset shared between threads: finding (and loading) faces,
 * making the hyphenator, and each use of a face's FreeType face (ink__face_ft). */
void ink__fontset_lock (ink_fontset_t *fs);
void ink__fontset_unlock (ink_fontset_t *fs);
/* Finds a face by file name, loading it from the fontset's directory on first use. */
ink_status_t ink__fontset_face (ink_fontset_t *fs, const char *name, ink__face_t **out);
/* The fontset's hyphenator (patterns looked up in its directory, then the system's),
 * made on first use so that documents laid out with the fontset load patterns once. */
ink_status_t ink__fontset_hyphenator (ink_fontset_t *fs, struct ink__hyphenator **out);
/* True when the face maps cp to a glyph other than .notdef. */
bool ink__face_covers (const ink__face_t *face, uint32_t cp);
/* Glyph gid's y bearing and height in font units (hb_font_get_glyph_extents), remembered:
 * false when the face has no extents for it. */
bool ink__face_vextent (ink__face_t *face, uint32_t gid, int32_t *y_bearing, int32_t *height);
/* The FreeType face for rasterizing (FT_Face), created on first use; NULL on failure. Called,
 * and the face used, with the fontset locked. */
void *ink__face_ft (ink__face_t *face);

/* A style as the shaper sees it: what to shape a range of text with. */
typedef struct {
  ink__face_t *face;          /* first choice */
  float size_px;
  float tracking_em;
  uint8_t grey;
  bool uppercase;
  const hb_feature_t *features;
  unsigned nfeatures;
  bool bold, italic;          /* what a fallback face should be too, where its family has it */
} ink__text_style_t;

/* Chooses a face for a cluster the style's face does not cover: by script, then language,
 * of the style's weight and slant where the family has them. */
typedef ink__face_t *(*ink__fallback_fn) (void *user, const ink__text_style_t *style,
                                          hb_script_t script, const char *lang, uint32_t cp);

/* A range of a paragraph's text with one style. Ranges cover the text in order. */
typedef struct {
  size_t start, end;
  const ink__text_style_t *style;
  const char *lang;           /* NULL: the paragraph's */
} ink__style_range_t;

/* One shaped glyph. Positions in 1/64 px. cluster is a byte offset into the paragraph text. */
typedef struct {
  uint32_t gid;
  uint32_t cluster;
  int32_t advance, dx, dy;
  uint8_t unsafe;             /* HB_GLYPH_FLAG_UNSAFE_TO_BREAK */
} ink__glyph_t;

/* A run: one bidi level, script, face and style; its glyphs in visual order (HarfBuzz gives
 * RTL runs reversed). */
typedef struct {
  size_t start, end;
  uint8_t level;
  hb_script_t script;
  const char *lang;
  ink__face_t *face;
  const ink__text_style_t *style;
  size_t g0, ng;              /* into the shaped paragraph's glyphs */
  int32_t ascent, descent;    /* of the face at the style's size, 1/64 px, both >= 0; for
                               * signs a fallback face lends, of the text's face (shape.c) */
  bool lent;                  /* signs only (no letter), in a face other than the style's */
} ink__run_t;

typedef INK_VEC (ink__glyph_t) ink__glyph_vec_t;

/* Bytes of a language tag kept as the key of what is memoized for a paragraph (its break
 * opportunities, its Knuth–Plass items), the NUL included; with a longer tag nothing is kept. */
#define INK_LANG_KEY_SIZE 32

typedef struct {
  ink_context_t *ctx;
  const char *text;           /* borrowed; the caller's paragraph text */
  uint32_t *cps;              /* code points as shaped (after case mapping) */
  uint32_t *cp_off;           /* byte offset of each code point; cp_off[ncps] = len */
  size_t ncps;
  size_t len;
  uint8_t base_level;         /* 0 LTR, 1 RTL */
  uint8_t *levels;            /* per byte (the level of the code point the byte is in) */
  INK_VEC (ink__run_t) runs;
  ink__glyph_vec_t glyphs;
  size_t missing;             /* .notdef glyphs */
  bool by_loaded;             /* a cluster's face was looked for among the faces loaded so
                               * far (no chain's face covers it): shaped again later, after
                               * other text loaded faces, it may take another */
  uint8_t *brks;              /* para.c: the break opportunities found for brks_lang, len + 1
                               * bytes, kept for the paragraph's next setting; or NULL */
  char brks_lang[INK_LANG_KEY_SIZE];
  void *items;                /* para/itemsmemo.c: the Knuth–Plass items last built, one block
                               * of items_bytes, kept for the paragraph's next setting; or NULL */
  size_t items_bytes;
} ink__shaped_t;

typedef struct {
  const char *lang;           /* paragraph language, BCP 47 */
  int direction;              /* 0 from lang, else first strong; 1 LTR; 2 RTL */
  ink__fallback_fn fallback;
  void *fallback_user;
  hb_script_t script;         /* the text's main script, which Latin letters and figures
                               * follow in a paragraph of no letters of its own (a table cell
                               * of figures); 0: none */
} ink__shape_opts_t;

/* Itemizes (bidi, script, font per grapheme cluster, style, language) and shapes a
 * paragraph. text must be valid UTF-8. */
ink_status_t ink__shape_paragraph (ink_context_t *ctx, ink_fontset_t *fs, const char *text,
                                   size_t len, const ink__style_range_t *ranges, size_t nranges,
                                   const ink__shape_opts_t *opts, ink__shaped_t *out);
void ink__shaped_free (ink__shaped_t *sh);
/* dst becomes a copy of src that owns its own arrays, for text (src's text or bytes equal to
 * it), with the break opportunities and Knuth–Plass items src keeps. */
ink_status_t ink__shaped_copy (ink_context_t *ctx, const ink__shaped_t *src, const char *text,
                               ink__shaped_t *dst);

/* Shapes bytes [start, end) of a run again, without context across the ends (as a line
 * broken there shows them), appending to out in visual order. Returns the .notdef count
 * through missing (nullable). */
ink_status_t ink__shape_range (ink__shaped_t *sh, const ink__run_t *run, size_t start,
                               size_t end, ink__glyph_vec_t *out, size_t *missing);
/* Shapes bytes [start, end) of an Arabic-script run with count[k] tatweels (U+0640) inserted
 * before the code point at byte at[k] (sorted), for justification by kashida. */
ink_status_t ink__shape_kashida (ink__shaped_t *sh, const ink__run_t *run, size_t start,
                                 size_t end, const uint32_t *at, const uint8_t *count, size_t nat,
                                 ink__glyph_vec_t *out, size_t *missing);
/* What to shape: code points of a shaped paragraph as one run, with the code points in
 * [ca, cb) as context (HarfBuzz looks at a few on each side), and nat kashida positions:
 * count[k] tatweels (U+0640) go before the code point at byte at[k] (sorted). */
typedef struct {
  ink__shaped_t *sh;
  const ink__run_t *run;
  size_t ca, cb;
  const uint32_t *at;
  const uint8_t *count;
  size_t nat;
} ink__shape_job_t;
/* Shapes code points [a, b) of job's run in pieces of bounded length, appending glyphs in
 * visual order to out and the .notdef count to missing (nullable); see pieces.c. */
ink_status_t ink__shape_pieces (const ink__shape_job_t *job, size_t a, size_t b,
                                ink__glyph_vec_t *out, size_t *missing);
/* True for a code point that joins the grapheme cluster before it: a mark, a joiner, a
 * variation selector or an emoji modifier. */
bool ink__is_mark (uint32_t cp);
/* True for a letter (general category L*), and for a letter or a mark on one (Mn, Mc): a
 * character of a word, where a break may show a hyphen (letters.c). */
bool ink__is_letter (uint32_t cp);
bool ink__is_word_letter (uint32_t cp);
/* True for a decimal digit of any script (general category Nd: "3", "३", "৩"). */
bool ink__is_figure (uint32_t cp);
/* Index of the code point that contains byte off. */
size_t ink__shaped_cp_at (const ink__shaped_t *sh, size_t off);

/* c in capitals for an upper-case style, one code point; prev and next (0 at the ends) and
 * lang decide Greek accents and Turkish i (case.c). */
uint32_t ink__case_upper (uint32_t c, uint32_t prev, uint32_t next, const char *lang);
/* True for languages written right to left (ar, ur, fa, he, yi, ps, sd, ug, dv). */
bool ink__lang_is_rtl (const char *lang);
/* 1/64 px from font units at a size (inline: lines measure every glyph with it). */
static inline int32_t
ink__units_to_26d6 (const ink__face_t *face, float size_px, int32_t units)
{
  double v = (double) units * size_px * 64.0 / face->upem;
  return (int32_t) (v < 0 ? v - 0.5 : v + 0.5);
}

#endif
