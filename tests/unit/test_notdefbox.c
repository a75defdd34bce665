/* A character no font has shows a box, whichever face the cluster was shaped with, and the
 * warning names the character that is missing. The bundled symbol faces are subsets whose
 * .notdef has no outline: "❤️‍🔥" (a heart, a joiner and a fire the faces lack) was drawn as
 * the heart and a blank, and the warning named the heart, which is drawn. */
#include <inkset/inkset.h>
#include <string.h>

#include "raster.h"
#include "test.h"
#include "fixture.h"

/* Pixels glyph 0 of font file `name` covers at 24 px (mono or anti-aliased). */
static unsigned
notdef_ink (const char *name, bool mono)
{
  fixture_t f;
  unsigned ink = 0;
  CHECK (fixture_lay_out (&f, "---\ntitle: T\n---\n\nx\n", NULL, "kiosk-10.3"));
  ink__face_t *face = NULL;
  CHECK_EQ_INT (ink__fontset_face (f.fs, name, &face), INK_OK);
  ink__gbitmap_t b = { 0 };
  if (face)
    CHECK_EQ_INT (ink__glyph_get (f.doc, face, 24.0f, 0, 0, mono, &b), INK_OK);
  for (int y = 0; y < b.h; y++)
    for (int x = 0; x < b.w; x++)
      ink += b.bits[y * b.stride + x] > 127;
  fixture_tear_down (&f);
  return ink;
}

/* Every bundled face draws something for .notdef: its own box, or inkset's where its own is
 * empty (the three symbol subsets). */
TEST (every_face_draws_a_box_for_notdef)
{
  static const char *const faces[] = { "NotoSerif-Regular.ttf", "NotoSansSymbols2-Subset.ttf",
                                       "NotoSansSymbols-Subset.ttf", "NotoSansMath-Subset.ttf" };
  for (size_t i = 0; i < sizeof faces / sizeof *faces; i++) {
    CHECK (notdef_ink (faces[i], false) >= 20);
    CHECK (notdef_ink (faces[i], true) >= 20);
  }
}

/* The first missing code point of each run: the fire of "❤️‍🔥", the keycap's enclosing mark
 * (the digit is drawn), a flag's first regional indicator (none of it is drawn). */
TEST (warning_names_the_character_missing)
{
  fixture_t f;
  CHECK (fixture_lay_out (&f, "---\ntitle: Feria\nlang: es\n---\n\n"
                              "La feria \u2764\uFE0F\u200D\U0001F525 abre. Tecla 1\uFE0F\u20E3 y "
                              "bandera \U0001F1EA\U0001F1F8 fin.\n",
                          NULL, "kiosk-10.3"));
  size_t n = 0;
  const ink_missing_run_t *r = ink_document_missing_runs (f.doc, &n);
  CHECK_EQ_INT (n, 3);
  if (n == 3) {
    CHECK_EQ_INT (r[0].first, 0x1F525);
    CHECK_EQ_INT (r[1].first, 0x20E3);
    CHECK_EQ_INT (r[2].first, 0x1F1EA);
    CHECK_EQ_INT (r[0].line, 6);
    CHECK_EQ_INT (r[0].column, 10);
  }
  fixture_tear_down (&f);
}

int
main (void)
{
  RUN (every_face_draws_a_box_for_notdef);
  RUN (warning_names_the_character_missing);
  return test_summary ();
}
