/* The paragraph builder's allocations: the lines of a paragraph are made in scratch kept for
 * the whole build (ink__line_scratch_t), so that a line asks the allocator for no block of
 * its own; what still grows with the lines is the breaker's (its nodes) and the paragraph's
 * own arrays. Each line once took five blocks more (its runs' glyphs, their starts and
 * sources, their visual order): some 2,500 of the calls to malloc and free in a render of the
 * sample article. */
#include "test.h"
#include "paraenv.h"

/* Counts the blocks asked for, grown or new, through the context. */
typedef struct {
  size_t asked;
} count_t;

static void *
counting_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  (void) old_size;
  count_t *c = user;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  c->asked++;
  return realloc (ptr, new_size);
}

static const char text[] =
  "Diplomatic and military officials told The Express Tribune that Pakistan made overtures to "
  "China early this year when its relationship with the US was weakened by several "
  "controversies. Islamabad used backdoor and regular diplomatic channels in an attempt to "
  "convince the Chinese leadership that the agreement was mutually beneficial, the officials "
  "said. Experts appeared to be divided on how China is responding to Pakistan's request, "
  "while some of them said Beijing would weigh the pact against its other interests in the "
  "region before it answered, and others that it had answered already in private.";

/* Builds the shaped text at measure px, justified and hyphenated; the blocks asked for and
 * the lines made. */
static void
build_at (ink_context_t *ctx, ink__hyphenator_t *hy, ink__shaped_t *sh, count_t *c,
          int32_t px, size_t *asked, size_t *lines)
{
  int32_t measure = px * 64;
  ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, hy, 0, 0, 0, false,
                          false, false, false, 0, false, false };
  ink__para_t p;
  size_t before = c->asked;
  CHECK_EQ_INT (ink__para_build (ctx, sh, &po, &p), INK_OK);
  *asked = c->asked - before;
  *lines = p.lines.n;
  ink__para_free (&p);
}

/* Thirty lines more take fewer than two blocks a line more (six before). */
TEST (lines_share_scratch)
{
  count_t c = { 0 };
  ink_context_t *ctx = NULL;
  ink_fontset_t *fs = NULL;
  ink__hyphenator_t *hy = NULL;
  ink__face_t *serif = NULL;
  CHECK_EQ_INT (ink_context_create (counting_realloc, &c, &ctx), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &hy), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, "NotoSerif-Regular.ttf", &serif), INK_OK);
  ink__text_style_t style = { 0 };
  style.face = serif;
  style.size_px = 18;
  ink__style_range_t r = { 0, strlen (text), &style, NULL };
  ink__shape_opts_t so = { "en", 0, NULL, NULL, 0 };
  ink__shaped_t sh;
  CHECK_EQ_INT (ink__shape_paragraph (ctx, fs, text, strlen (text), &r, 1, &so, &sh), INK_OK);
  size_t wide_asked, wide_lines, narrow_asked, narrow_lines;
  build_at (ctx, hy, &sh, &c, 1200, &wide_asked, &wide_lines);   /* the items kept warm */
  build_at (ctx, hy, &sh, &c, 1200, &wide_asked, &wide_lines);
  build_at (ctx, hy, &sh, &c, 160, &narrow_asked, &narrow_lines);
  CHECK (narrow_lines >= wide_lines + 30);
  size_t more = narrow_asked > wide_asked ? narrow_asked - wide_asked : 0;
  if (more >= 2 * (narrow_lines - wide_lines))
    fprintf (stderr, "  %zu lines at 1200 px took %zu blocks, %zu at 160 px %zu\n", wide_lines,
             wide_asked, narrow_lines, narrow_asked);
  CHECK (more < 2 * (narrow_lines - wide_lines));
  ink__shaped_free (&sh);
  ink__hyphenator_destroy (hy);
  ink_fontset_destroy (fs);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (lines_share_scratch);
  return test_summary ();
}
