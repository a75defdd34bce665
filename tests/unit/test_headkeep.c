/* A subhead keeps the first lines of its text in its column, with the floats that come
 * between them (lib/paginate/flow.c, keeps_fit): when they do not fit, the column breaks
 * before the head. The break is not taken where it gains nothing: when the floats between
 * the head and its text would not leave the text's first lines room at the column's top
 * either, the head stays, over its first float, as in a column of floats alone. */
#include <inkset/inkset.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"

#define CASES INK_SOURCE_DIR "/tests/makeup/property-cases/"

/* Random seed 210 on reader-6: two lines, a subhead, then a pull quote of six lines, a related
 * box and another pull quote before the subhead's paragraph. Broken before the subhead, page 1
 * held the two lines alone, page 2 the subhead and its floats, page 3 the text: three pages
 * where two do. */
TEST (head_not_broken_off_for_floats_taller_than_a_column)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, CASES "head-over-tall-floats.zh.md", "reader-6"))
    CHECK_EQ_INT ((int) s.doc->pages.n, 2);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (head_not_broken_off_for_floats_taller_than_a_column);
  return test_summary ();
}
