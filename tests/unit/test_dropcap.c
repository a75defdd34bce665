/* The drop cap (lib/paginate/dropcap.c) on print-a4, whose body sinks a cap three lines:
 * its box in the layout is its ink, which stays below the first line's top (an accent over
 * the capital included) and beside lines set narrower (a descender's too); a paragraph
 * too short for the cap takes a smaller one or none. */
#include "article.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"

#define FILLER                                                                            \
  " Una frase de relleno que ocupa sitio en la columna y deja ver la composición."       \
  " Una frase de relleno que ocupa sitio en la columna y deja ver la composición."       \
  " Una frase de relleno que ocupa sitio en la columna y deja ver la composición.\n\n"   \
  "Otro párrafo, para que el primero no sea el último de la página y la columna siga.\n"

/* The article: a head, then first (the first paragraph's text) and FILLER. */
static bool
set_up (fixture_t *s, const char *first)
{
  char md[2048];
  snprintf (md, sizeof md, "---\ntitle: Capitulares\n---\n\n%s%s", first, FILLER);
  return fixture_lay_out (s, md, NULL, "print-a4");
}

/* The lines of block 0, at most max, into v: the cap first when there is one. */
static size_t
first_para (const ink_document_t *doc, const ink__lrec_t **v, size_t max)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->lines.n && n < max; i++)
    if (doc->lines.v[i].role == INK_ROLE_BODY && doc->lines.v[i].block == 0)
      v[n++] = &doc->lines.v[i];
  return n;
}

/* The cap (v[0]) against the paragraph's lines after it: its ink from the first line's
 * top down, beside every line it reaches, on the baseline of one of them. Returns how
 * many lines it reaches. */
static size_t
check_cap (const ink__lrec_t *const *v, size_t n)
{
  const ink__lrec_t *cap = v[0];
  size_t beside = 0;
  bool on_a_baseline = false;
  CHECK (n >= 3);
  for (size_t k = 1; k < n; k++) {
    const ink__lrec_t *l = v[k];
    if (k > 1 && l->y <= v[k - 1]->y)   /* the next column */
      break;
    on_a_baseline |= l->baseline == cap->baseline;
    if (l->y < cap->y + cap->h && l->y + l->h > cap->y) {
      CHECK (l->x >= cap->x + cap->w);
      beside++;
    }
  }
  CHECK (n < 2 || cap->y >= v[1]->y);
  CHECK (on_a_baseline);
  return beside;
}

/* Whether v[0] is a cap: one letter, beside the lines. */
static bool
is_cap (const ink_document_t *doc, const ink__lrec_t *l)
{
  return l->text_len <= 4 && l->text_len > 0 && doc->text.s[l->text_off] != 'r';
}

TEST (accented_cap_below_first_line_top)
{
  fixture_t s;
  if (set_up (&s, "Érase una vez un párrafo bastante largo, que ocupa varias líneas.")) {
    const ink__lrec_t *v[32];
    size_t n = first_para (s.doc, v, 32);
    CHECK (n > 4 && is_cap (s.doc, v[0]));
    if (n > 4)
      CHECK_EQ_INT (check_cap (v, n), 3);
  }
  fixture_tear_down (&s);
}

TEST (descender_takes_a_line_more)
{
  static const char *const firsts[] = { "Quienes leen esto verán la cola de la letra.",
                                        "Juan llegó tarde a la cita con la imprenta." };
  for (size_t i = 0; i < 2; i++) {
    fixture_t s;
    if (set_up (&s, firsts[i])) {
      const ink__lrec_t *v[32];
      size_t n = first_para (s.doc, v, 32);
      CHECK (n > 5 && is_cap (s.doc, v[0]));
      if (n > 5)
        CHECK_EQ_INT (check_cap (v, n), 4);
    }
    fixture_tear_down (&s);
  }
}

TEST (plain_cap_sinks_three_lines)
{
  fixture_t s;
  if (set_up (&s, "Todo empieza con una letra sin acento ni cola que baje.")) {
    const ink__lrec_t *v[32];
    size_t n = first_para (s.doc, v, 32);
    CHECK (n > 4 && is_cap (s.doc, v[0]));
    if (n > 4) {
      CHECK_EQ_INT (check_cap (v, n), 3);
      CHECK_EQ_INT (v[0]->baseline, v[3]->baseline);
    }
  }
  fixture_tear_down (&s);
}

/* A paragraph of one line beside any cap has none: its first letter is on its line. */
TEST (short_paragraph_has_no_cap)
{
  fixture_t s;
  static const char md[] = "---\ntitle: Corto\n---\n\nÉrase una vez un párrafo corto.\n";
  if (fixture_lay_out (&s, md, NULL, "print-a4")) {
    const ink__lrec_t *v[4];
    size_t n = first_para (s.doc, v, 4);
    CHECK_EQ_INT (n, 1);
    if (n == 1)
      CHECK (!strncmp (s.doc->text.s + v[0]->text_off, "Érase", strlen ("Érase")));
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (accented_cap_below_first_line_top);
  RUN (descender_takes_a_line_more);
  RUN (plain_cap_sinks_three_lines);
  RUN (short_paragraph_has_no_cap);
  return test_summary ();
}
