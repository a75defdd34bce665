/* A number keeps the word it counts or names: held-out heads read "day | 3", "15. |
 * децембра", "5 | km", "№ | 4". The rule (lib/text/numtie.c) ties the space in display lines
 * and prices it in running text; heads, decks and pull quotes of articles in five
 * languages on the four templates end no line on a number whose word begins the next. */
#include "article.h"
#include "breaks.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"
#include "paraenv.h"

static ink_context_t *ctx;

/* The byte of the space after the first occurrence of needle, which ends with a space. */
static size_t
space_after (const char *text, const char *needle)
{
  const char *p = strstr (text, needle);
  return p ? (size_t) (p - text) + strlen (needle) - 1 : 0;
}

static bool
tie (const char *text, const char *needle)
{
  return ink__number_tie (text, strlen (text), space_after (text, needle));
}

/* A number ties to the word it counts, in any script, a day's ordinal dot included. */
TEST (number_ties_to_what_it_counts)
{
  CHECK (tie ("after 15 years away", "15 "));
  CHECK (!tie ("after 15 years away", "after "));
  CHECK (tie ("отвара се 15. децембра после", "15. "));
  CHECK (tie ("पर 15 दिसंबर से 3 डिब्बों", "15 "));
  CHECK (tie ("पर 15 दिसंबर से 3 डिब्बों", "3 "));
  CHECK (tie ("প্রথম 3 মাস বিনা", "3 "));
  CHECK (tie ("ຍາວ 5 ກິໂລແມັດ ໃນ", "5 "));
  CHECK (tie ("किराया ₹20 से ₹40 के बीच", "₹20 "));
  /* A year that ends a sentence counts nothing after it; nor does a figure glued to letters. */
  CHECK (!tie ("since 2011. The café", "2011. "));
  CHECK (!tie ("ঢাকায় 5G নেটওয়ার্ক", "5G "));
  /* After a sign the number names: "No. 4" stays whole (units.c), "4 returns" may part. */
  CHECK (!tie ("Ferry route No. 4 returns on", "4 "));
}

/* A number that ends its phrase, or that a small word follows, ties to the word it names. */
TEST (number_ties_to_what_it_names)
{
  CHECK (tie ("On day 3 the first boat", "day "));
  CHECK (tie ("They met on day 3, and", "day "));
  CHECK (tie ("the ferry came back in 2011.", "in "));
  CHECK (tie ("Ferry route 12", "route "));
  CHECK (!tie ("On day 3 the first boat", "On "));
  CHECK (!tie ("after 15 years away", "after "));
  CHECK (!tie ("a detour of 40 km through", "of "));
}

/* Display lines lose the opportunity; "№ 4" and "бр. 4" and "5 км" lose it everywhere. */
TEST (ragged_lines_bar_ties)
{
  const char *t = "линија бр. 4 стаје на 5 км, а № 4 иде 15. децембра";
  size_t len = strlen (t);
  uint8_t brks[160];
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "sr", brks), INK_OK);
  CHECK_EQ_INT (brks[space_after (t, "бр. ")], INK_BRK_NO);
  CHECK_EQ_INT (brks[space_after (t, "№ ")], INK_BRK_NO);
  CHECK_EQ_INT (brks[space_after (t, "5 ")], INK_BRK_NO);
  CHECK_EQ_INT (brks[space_after (t, "15. ")], INK_BRK_ALLOW);   /* running text: a price */
  ink__number_ties (t, len, brks);
  CHECK_EQ_INT (brks[space_after (t, "15. ")], INK_BRK_NO);
  CHECK_EQ_INT (brks[space_after (t, "иде ")], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[space_after (t, "линија ")], INK_BRK_ALLOW);
}

/* Whether a line ends on a number (figures, a day's dot) that no sign names ("No. 4") and the
 * next begins with a letter. */
static bool
parts_number (const char *a, size_t alen, const char *b, size_t blen)
{
  size_t end = alen;
  if (end > 0 && a[end - 1] == '.')
    end--;
  if (end == 0 || blen == 0)
    return false;
  size_t s = end;
  while (s > 0 && a[s - 1] != ' ')
    s--;
  for (size_t i = s; i < end; i++)
    if (a[i] < '0' || a[i] > '9')
      return false;
  if (s > 1 && ink__number_sign_before (a, s - 1))
    return false;
  size_t pos = 0;
  uint32_t cp;
  return ink__utf8_next (b, blen, &pos, &cp) && ink__is_letter (cp);
}

TEST (heads_keep_numbers_with_their_words)
{
  static const char *const arts[] = { "novi-sad-bridge.sr.md", "bhopal-metro-line.hi.md",
                                      "estuary-ferry-returns.md", "chennai-metro-line.ta.md",
                                      "dhaka-5g.bn.md" };
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t a = 0; a < sizeof arts / sizeof *arts; a++)
    for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
      fixture_t s;
      if (!fixture_lay_out_article (&s, arts[a], tpls[k]))
        continue;
      const ink__lrec_t *prev = NULL;
      for (size_t i = 0; i < s.doc->lines.n; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[i];
        bool head = l->role == INK_ROLE_HEADLINE || l->role == INK_ROLE_DECK ||
                    l->role == INK_ROLE_QUOTE;
        if (head && prev && prev->role == l->role) {
          const char *pa = s.doc->text.s + prev->text_off, *la = s.doc->text.s + l->text_off;
          bool parted = parts_number (pa, prev->text_len, la, l->text_len);
          if (parted)
            fprintf (stderr, "  %s %s: \"%.*s | %.*s\"\n", arts[a], tpls[k],
                     (int) prev->text_len, pa, (int) l->text_len, la);
          CHECK (!parted);
        }
        prev = head ? l : NULL;
      }
      fixture_tear_down (&s);
    }
}

/* Breaks of a justified column that part a number from its word, over a range of measures. */
static size_t
priced_breaks (env_t *e, const char *text)
{
  size_t n = 0, len = strlen (text);
  for (int32_t px = 220; px <= 420; px += 8) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t style;
    if (set (e, text, "en", e->serif, 18, INK_PARA_JUSTIFY, true, px, 0, &sh, &p, &style) != INK_OK) {
      CHECK (false);
      continue;
    }
    for (size_t k = 1; k < p.lines.n; k++) {
      size_t at = p.lines.v[k].start;
      n += at > 0 && text[at - 1] == ' ' && ink__number_tie (text, len, at - 1);
    }
    ink__para_free (&p);
    ink__shaped_free (&sh);
  }
  return n;
}

/* Running text may still part a number from its word, at a price: over 26 measures a
 * column of news copy parts them 27 times, where it parted them 38 times at no price. */
TEST (running_text_prices_ties)
{
  env_t e;
  CHECK (env_open (&e));
  const char *t = "The ferry that last crossed the estuary in 2011 returned to service on "
                  "Wednesday, the third day of the bridge closure, carrying 412 passengers on "
                  "its first morning. The operator said the boat would run every 20 minutes "
                  "from 6 am until 11 pm, seven days a week, for as long as the bridge stays "
                  "shut. Commuters now face a detour of 40 km through the upper crossing, and "
                  "the council has laid on 2 extra buses to the terminal. Shops near the old "
                  "slipway reported their busiest week since 2019, and the café on Pier Road, "
                  "closed for 8 years, opened again on Monday with a queue of 30 people.";
  size_t n = priced_breaks (&e, t);
  fprintf (stderr, "  %zu breaks part a number from its word\n", n);
  CHECK (n <= 30);
  env_close (&e);
}

int
main (void)
{
  ink_context_create (NULL, NULL, &ctx);
  RUN (number_ties_to_what_it_counts);
  RUN (number_ties_to_what_it_names);
  RUN (ragged_lines_bar_ties);
  RUN (heads_keep_numbers_with_their_words);
  RUN (running_text_prices_ties);
  ink_context_destroy (ctx);
  return test_summary ();
}
