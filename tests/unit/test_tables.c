/* Tables: a table in the columns is set on the body's baseline grid, each row's last
 * baseline on it, where its rows are no taller for it (kiosk-10.3). */
/* Tables: a cell too narrow for its word breaks it at the word's hyphenation points, in the
 * bold header row as in the body, whether the table's style hyphenates or not; an emergency
 * break between two letters ("Inve-stiti-on", "Jäh-rliche") only where a stretch between
 * two points is wider than the cell. */
#include "article.h"
#include "breaks.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include <stdio.h>

static const char table_md[] =
  "---\ntitle: Wärme\nlang: de\n---\n\nDie Stadtwerke rechnen vor.\n\n"
  "| Heizungsart | Investition | Jährliche Heizkosten | Kohlendioxidausstoß |\n"
  "|---|---:|---:|---:|\n"
  "| Fernwärme | 2.900 € | 2.150 € | 0,9 t |\n"
  "| Luftwasserwärmepumpe | 14.500 € | 1.780 € | 1,3 t |\n"
  "| Holzpelletkessel | 22.000 € | 1.950 € | 0,6 t |\n";

/* A header of long compounds over narrow columns ("Beförderungsfälle" in a column of
 * figures). */
static const char header_md[] =
  "---\ntitle: Fähren\nlang: de\n---\n\nDie Übersicht zeigt die Fahrgastzahlen.\n\n"
  "| Linie | Beförderungsfälle | Veränderung | Verspätungsquote |\n"
  "|:------|------------------:|------------:|-----------------:|\n"
  "| F1 Bahnhof–Wellingdorf | 1.420.000 | +41 % | 2,1 % |\n"
  "| F1 Wellingdorf–Dietrichsdorf | 610.000 | +36 % | 1,8 % |\n"
  "| F1 Dietrichsdorf–Friedrichsort | 385.000 | +29 % | 2,4 % |\n"
  "| F2 Holtenau–Möltenort | 96.000 | +9 % | 1,5 % |\n"
  "| Sommerlinie Laboe–Heikendorf | 87.000 | +64 % | 4,1 % |\n"
  "| Nachtfähre am Wochenende | 31.000 | neu | 1,9 % |\n";

/* A header cell of a short word and a long one ("In Prüfung") in a column of figures: the
 * cell's ragged first line "In" may end short, so that the long word breaks at its point
 * ("Prü-fung"), not between any two letters ("In Pr-" / "üfung" on print-a4). */
static const char short_word_md[] =
  "---\ntitle: Anträge\nlang: de\n---\n\nDas Bauamt meldet den Stand der Verfahren.\n\n"
  "| Bezirk | Gemeldet | Erledigt | Vertagt | In Prüfung |\n"
  "|---|---:|---:|---:|---:|\n"
  "| Altstadt (Kern) | 48 | 12 | 30 | 6 |\n"
  "| Wiehre | 131 | 80 | 9 | 42 |\n"
  "| Herdern | 97 | 61 | 4 | 32 |\n"
  "| Gesamt | 276 | 153 | 43 | 80 |\n";

/* The piece of a table line from byte `from` of its text to the next space (or its end). */
static size_t
token_end (const char *s, size_t len, size_t from)
{
  while (from < len && s[from] != ' ')
    from++;
  return from;
}

/* Whether byte `at` of word w (a break after that many bytes) is a hyphenation point. */
static bool
at_point (ink__hyphenator_t *hy, const char *w, size_t len, size_t at)
{
  uint8_t points[128];
  if (len > sizeof points || at == 0)
    return false;
  ink__hyphenate (hy, "de", w, len, 0, 0, 0, points);
  return points[at - 1] != 0;
}

/* Each word a table line breaks with a hyphen, put together from its lines, breaks at its
 * hyphenation points only; *broken counts the breaks seen. */
static void
check_breaks (const ink_document_t *doc, ink__hyphenator_t *hy, const char *tpl,
              size_t *broken)
{
  char word[128];
  size_t wlen = 0, cuts[8], ncuts = 0;
  long block = -2;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_TABLE || l->generated)
      continue;
    const char *s = doc->text.s + l->text_off;
    size_t n = l->text_len, from = 0;
    if (ncuts && l->block == block) {   /* the word goes on from the line before */
      size_t e = token_end (s, n, 0);
      if (wlen + e < sizeof word)
        memcpy (word + wlen, s, e), wlen += e;
      from = e;
      if (!(l->hyphenated && e == n)) {
        for (size_t k = 0; k < ncuts; k++) {
          bool ok = at_point (hy, word, wlen, cuts[k]);
          if (!ok)
            fprintf (stderr, "  %s: \"%.*s\" broken after byte %zu\n", tpl, (int) wlen, word,
                     cuts[k]);
          CHECK (ok);
          ++*broken;
        }
        ncuts = 0;
      } else if (ncuts < 8) {
        cuts[ncuts++] = wlen;
        continue;
      }
    }
    if (!l->hyphenated)
      continue;
    size_t last = n;
    while (last > from && s[last - 1] != ' ')
      last--;
    wlen = n - last < sizeof word ? n - last : 0;
    memcpy (word, s + last, wlen);
    cuts[0] = wlen;
    ncuts = wlen ? 1 : 0;
    block = l->block;
  }
}

/* The next line of doc after line i in its cell (same block, overlapping it across) when it
 * stands under it, else SIZE_MAX. */
static size_t
line_under (const ink_document_t *doc, size_t i)
{
  const ink__lrec_t *a = &doc->lines.v[i];
  for (size_t k = i + 1; k < doc->lines.n; k++) {
    const ink__lrec_t *l = &doc->lines.v[k];
    if (l->role == INK_ROLE_TABLE && !l->generated && l->block == a->block &&
        l->x < a->x + a->w && a->x < l->x + l->w)
      return l->y > a->y ? k : SIZE_MAX;
  }
  return SIZE_MAX;
}

/* No word of the table's header row (the first table block) is broken twice: a hyphenated
 * line of a header cell is never followed by one that is a single piece of word ending with
 * a hyphen again. *hyphens counts the header's hyphenated lines. */
static void
check_header (const ink_document_t *doc, const char *tpl, size_t *hyphens)
{
  long head = -1;
  for (size_t i = 0; i < doc->lines.n && head < 0; i++)
    if (doc->lines.v[i].role == INK_ROLE_TABLE)
      head = doc->lines.v[i].block;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_TABLE || l->generated || l->block != head || !l->hyphenated)
      continue;
    ++*hyphens;
    size_t k = line_under (doc, i);
    if (k == SIZE_MAX)
      continue;
    const ink__lrec_t *b = &doc->lines.v[k];
    bool twice = b->hyphenated && !memchr (doc->text.s + b->text_off, ' ', b->text_len);
    if (twice)
      fprintf (stderr, "  %s: header \"%.*s\" then \"%.*s\"\n", tpl, (int) l->text_len,
               doc->text.s + l->text_off, (int) b->text_len, doc->text.s + b->text_off);
    CHECK (!twice);
  }
}

typedef void (*doc_check_t) (const ink_document_t *doc, const char *tpl, void *data);

static ink__hyphenator_t *check_hy;

static void
breaks_check (const ink_document_t *doc, const char *tpl, void *data)
{
  check_breaks (doc, check_hy, tpl, data);
}

static void
header_check (const ink_document_t *doc, const char *tpl, void *data)
{
  check_header (doc, tpl, data);
}

static void
check_layout (const char *md, const char *name, const char *extra, doc_check_t fn, void *data)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, strlen (md), NULL, &a, NULL), INK_OK);
  size_t len = 0;
  const char *src = ink_template_builtin_source (name, &len);
  char buf[16384];
  CHECK (src && len + strlen (extra) < sizeof buf);
  if (src && len + strlen (extra) < sizeof buf) {
    memcpy (buf, src, len);
    memcpy (buf + len, extra, strlen (extra));
    CHECK_EQ_INT (ink_template_parse (ctx, buf, len + strlen (extra), name, &t, NULL), INK_OK);
  }
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && t && fs &&
      ink_document_layout (ctx, a, t, fs, NULL, &doc) == INK_OK)
    fn (doc, name, data);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* The bundled templates as they are, and kiosk-10.3 with a larger table style that
 * hyphenates or not (its cells then about ten letters wide). */
TEST (cells_break_at_hyphenation_points)
{
  ink_context_t *ctx = NULL;
  ink__hyphenator_t *hy = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &hy), INK_OK);
  check_hy = hy;
  size_t broken = 0;
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++)
    check_layout (table_md, names[i], "", breaks_check, &broken);
  CHECK (broken >= 4);   /* the cells are narrow enough to break words */
  broken = 0;
  for (size_t i = 0; names[i]; i++)
    check_layout (short_word_md, names[i], "", breaks_check, &broken);
  CHECK (broken >= 4);
  static const char *const extras[] = {
    "\n[style table]\nfamily = sans\nsize = 28px\nhyphenate = no\n",
    "\n[style table]\nfamily = sans\nsize = 28px\nhyphenate = yes\n",
  };
  for (size_t k = 0; k < sizeof extras / sizeof *extras; k++) {
    broken = 0;
    check_layout (table_md, "kiosk-10.3", extras[k], breaks_check, &broken);
    CHECK (broken >= 4);
  }
  ink__hyphenator_destroy (hy);
  ink_context_destroy (ctx);
}

/* A header too wide for its columns is set smaller, or its columns wider, so that none of
 * its words breaks twice ("Beförde-rungsfäl-le" in a column of kiosk-7.5), on the templates
 * whose column takes the table's figures whole (print-a4's breaks "1.420.000" itself); the
 * header is narrow enough to be hyphenated at all. */
TEST (header_words_break_once)
{
  static const char *const names[] = { "kiosk-7.5", "kiosk-10.3", "reader-6" };
  size_t hyphens = 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    check_layout (header_md, names[i], "", header_check, &hyphens);
  CHECK (hyphens >= 2);
}

/* A short table of one-line rows and a row of two lines between two paragraphs, on one
 * page. */
static const char grid_md[] =
  "---\ntitle: Ferries\nlang: en\n---\n\nThe harbour board counted the passengers of "
  "each line over the year and found that the short crossings grew fastest.\n\n"
  "| Line | Passengers | Change |\n"
  "|:-----|-----------:|-------:|\n"
  "| North | 41,000 | +4 % |\n"
  "| South | 38,500 | +2 % |\n"
  "| Night ferry on weekends and holidays | 6,100 | new |\n"
  "| East | 12,900 | -1 % |\n\n"
  "The board expects the night ferry to carry twice as many next summer.\n";

/* Each row's lowest baseline (the table lines of its block) and every body line's sit on the
 * document's grid, in the phase of the page's first body line; *rows counts the rows. */
static void
grid_check (const ink_document_t *doc, const char *tpl, void *data)
{
  size_t *rows = data;
  int32_t step = doc->grid_step, phase = -1;
  CHECK (step > 0);
  for (size_t i = 0; i < doc->lines.n && step > 0; i++)
    if (doc->lines.v[i].role == INK_ROLE_BODY && phase < 0)
      phase = doc->lines.v[i].baseline % step;
  for (size_t i = 0; i < doc->lines.n && step > 0; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->generated || (l->role != INK_ROLE_TABLE && l->role != INK_ROLE_BODY))
      continue;
    int32_t low = l->baseline;
    for (size_t k = 0; k < doc->lines.n; k++)
      if (doc->lines.v[k].role == l->role && doc->lines.v[k].block == l->block &&
          !doc->lines.v[k].generated && doc->lines.v[k].baseline > low)
        low = doc->lines.v[k].baseline;
    if (low != l->baseline)
      continue;   /* not its row's lowest */
    *rows += l->role == INK_ROLE_TABLE;   /* a line on its row's last baseline */
    int32_t off = ((low - phase) % step + step) % step;
    bool on = off <= 64 || step - off <= 64;
    if (!on)
      fprintf (stderr, "  %s: \"%.*s\" %.2f px off the grid\n", tpl, (int) l->text_len,
               doc->text.s + l->text_off, off / 64.0);
    CHECK (on);
  }
}

TEST (rows_end_on_the_grid)
{
  size_t rows = 0;
  check_layout (grid_md, "kiosk-10.3", "", grid_check, &rows);
  CHECK (rows >= 5);   /* the header and the four rows at least */
}

/* A results table of six columns whose figures do not all fit print-a4's column (its cells
 * broke "1,412" as "1" / ",4" / "12" there), with a subhead over it. */
static const char wide_md[] =
  "---\ntitle: Count\nlang: en\n---\n\nThe count in the four wards ended before dawn, "
  "and the returning officer read the results from the steps of the town hall.\n\n"
  "## Results\n\n"
  "| Ward | Winner | Party | Votes | Majority | Turnout |\n"
  "|:-----|:-------|:------|------:|---------:|--------:|\n"
  "| Kilbride North | Agnes Munro | Independent | 1,412 | 388 | 31.4% |\n"
  "| Lochend | Callum Reid | Green | 1,098 | 274 | 27.9% |\n"
  "| Mains of Ardoch | Isla Fraser | Independent | 1,655 | 612 | 29.2% |\n"
  "| Burnside | Neil Grant | Labour | 873 | 41 | 24.6% |\n\n"
  "The new members take their seats at the council's next meeting, in a fortnight.\n";

/* Whether code point c goes inside a figure: a digit or its separators. */
static bool
in_figure (char c)
{
  return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '%';
}

typedef struct {
  size_t broken;       /* figures broken between two lines of a cell */
  int32_t widest;      /* the widest extent of one row's lines, 1/64 px */
  int32_t colw;        /* the template's column */
  int32_t size;        /* the tallest table line, 1/64 px */
} figures_t;

/* No line of a cell ends inside a figure that its next line goes on with; the extent of the
 * rows and the height of their lines in *data. */
static void
figures_check (const ink_document_t *doc, const char *tpl, void *data)
{
  figures_t *f = data;
  f->colw = ink__frame_of (doc->tpl).colw;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_TABLE || l->generated || !l->text_len)
      continue;
    f->size = l->h > f->size ? l->h : f->size;
    for (size_t k = 0; k < doc->lines.n; k++) {
      const ink__lrec_t *m = &doc->lines.v[k];
      if (m->role == INK_ROLE_TABLE && !m->generated && m->block == l->block &&
          m->x + m->w - l->x > f->widest)
        f->widest = m->x + m->w - l->x;
    }
    size_t k = line_under (doc, i);
    const char *a = doc->text.s + l->text_off;
    char last = a[l->text_len - 1], before = l->text_len > 1 ? a[l->text_len - 2] : ' ';
    if (k == SIZE_MAX || l->hyphenated || !in_figure (last) ||
        !((last >= '0' && last <= '9') || (before >= '0' && before <= '9')))
      continue;   /* a separator ends a figure's piece only after a digit ("1," not "Mains,") */
    const ink__lrec_t *b = &doc->lines.v[k];
    char first = b->text_len ? doc->text.s[b->text_off] : ' ';
    bool digit = last >= '0' && last <= '9';
    if (digit ? in_figure (first) : first >= '0' && first <= '9') {
      fprintf (stderr, "  %s: \"%.*s\" / \"%.*s\"\n", tpl, (int) l->text_len, a,
               (int) b->text_len, doc->text.s + b->text_off);
      f->broken++;
    }
  }
}

/* A table too wide for a column is set across the columns of print-a4, and smaller in
 * reader-6's one column: on no template does a cell break a figure. (kiosk-7.5's column
 * takes it, its words broken at their hyphenation points; its rows stood across the columns
 * only when it was split, the header drawn again beside them.) */
TEST (figures_never_broken)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    figures_t f = { 0 };
    check_layout (wide_md, names[i], "", figures_check, &f);
    CHECK_EQ_INT ((int) f.broken, 0);
    if (!strcmp (names[i], "print-a4"))
      CHECK (f.widest > f.colw);
  }
}

/* Land registry figures in a narrow column: a column of ten-digit figures beside a column of
 * codes that have no hyphenation point and one of long compounds, which have room beyond
 * their syllables to give (tablewidths.c, figures_first). */
static const char registry_md[] =
  "---\ntitle: Grundbuch\nlang: de\n---\n\nDas Land hat die Zahlen der Grundbuchämter "
  "für das vergangene Jahr veröffentlicht.\n\n"
  "| Kennung | Verfahren | Betrag |\n"
  "|:--|:--|--:|\n"
  "| GBA-NORDWESTMECKLENBURG | Grundstücksverkehrsgenehmigungen | 1.234.567.890 |\n"
  "| GBA-VORPOMMERNGREIFSWALD | Zwangsversteigerungsverfahren | 234.567.890 |\n"
  "| GBA-LUDWIGSLUSTPARCHIM | Eigentumsumschreibungen | 34.567.890 |\n\n"
  "Die Ämter sollen bis zum Jahresende zusätzliches Personal erhalten.\n";

/* The registry table on each bundled template, and on kiosk-10.3 with a table style so large
 * that its codes break between letters: no figure broken ("1.23" / "4.56" / "7.890" there
 * before the figures' column took its room first). */
TEST (figure_columns_first)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    figures_t f = { 0 };
    check_layout (registry_md, names[i], "", figures_check, &f);
    CHECK_EQ_INT ((int) f.broken, 0);
  }
  figures_t f = { 0 };
  check_layout (registry_md, "kiosk-10.3",
                "\n[style table]\nfamily = sans\nsize = 64px\nhyphenate = yes\n", figures_check,
                &f);
  CHECK_EQ_INT ((int) f.broken, 0);
}

/* A French results table: rates with a decimal comma and a space before the percent sign,
 * which a line never breaks ("88,9 %" is one piece, ink__breaks), in a column narrower than
 * that piece but wider than "88,9" (kiosk-10.3's cells broke "88" / ",9 %"). */
static const char percent_md[] =
  "---\ntitle: Brevet\nlang: fr\n---\n\nLes résultats du brevet sont en ligne depuis "
  "mercredi, série par série, pour les collèges de l'académie.\n\n"
  "| Série | Inscrits | Reçus | Taux 2025 | Taux 2024 | Écart |\n"
  "|:------|---------:|------:|----------:|----------:|------:|\n"
  "| Générale | 31 480 | 28 269 | 89,8 % | 88,9 % | +0,9 |\n"
  "| Technologique | 9 207 | 8 263 | 89,7 % | 88,2 % | +1,5 |\n"
  "| Professionnelle | 16 734 | 13 471 | 80,5 % | 79,2 % | +1,3 |\n"
  "| **Ensemble** | **57 421** | **50 003** | **87,1 %** | **86,2 %** | **+0,9** |\n\n"
  "Les candidats absents passeront la session de remplacement en septembre.\n";

/* A figure kept with its unit by a space is measured whole: no template's cell breaks it. */
TEST (figures_with_units_never_broken)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    figures_t f = { 0 };
    check_layout (percent_md, names[i], "", figures_check, &f);
    CHECK_EQ_INT ((int) f.broken, 0);
  }
}

/* The same table in reader-6's column at the table style's size, and set smaller when
 * its figures do not fit the column at that size. */
TEST (table_set_smaller_in_one_column)
{
  static const char bigger[] = "\n[style table]\nfamily = sans\nsize = 40px\n";
  figures_t f = { 0 }, big = { 0 };
  check_layout (grid_md, "reader-6", bigger, figures_check, &f);
  check_layout (wide_md, "reader-6", bigger, figures_check, &big);
  CHECK_EQ_INT ((int) big.broken, 0);
  CHECK (big.size < f.size);
  CHECK (big.widest <= big.colw);
}

/* wide_md's table with a bold ward and an italic winner. */
static const char emph_md[] =
  "---\ntitle: Count\nlang: en\n---\n\nThe count ended before dawn.\n\n"
  "| Ward | Winner | Party | Votes | Majority | Turnout |\n"
  "|:-----|:-------|:------|------:|---------:|--------:|\n"
  "| **Kilbride North** | *Agnes Munro* | Independent | 1,412 | 388 | 31.4% |\n"
  "| Lochend | Callum Reid | Green | 1,098 | 274 | 27.9% |\n\nThe members take their seats.\n";

typedef struct {
  const ink__face_t *bold, *italic, *plain;
  float size;          /* the bold cell's size, px */
} faces_t;

/* The faces of the glyph runs that show "Kilbride", "Agnes" and "Lochend". */
static void
faces_check (const ink_document_t *doc, const char *tpl, void *data)
{
  (void) tpl;
  faces_t *f = data;
  for (size_t i = 0; i < doc->items.n; i++) {
    const ink__item_t *it = &doc->items.v[i];
    const char *t = doc->text.s + it->t0;
    if (it->kind != INK_ITEM_GLYPHS || it->nt < 5)
      continue;
    if (!strncmp (t, "Kilbride", 8))
      f->bold = it->face, f->size = it->size_px;
    else if (!strncmp (t, "Agnes", 5))
      f->italic = it->face;
    else if (!strncmp (t, "Lochend", 7))
      f->plain = it->face;
  }
}

/* Words of table cells broken twice (a hyphenated line of a cell, then one that is a single
 * piece of word ending with a hyphen again: "Profes-" / "sion-" / "nelle"), in *data. */
static void
twice_check (const ink_document_t *doc, const char *tpl, void *data)
{
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    size_t k = l->role == INK_ROLE_TABLE && !l->generated && l->hyphenated ? line_under (doc, i)
                                                                           : SIZE_MAX;
    const ink__lrec_t *b = k == SIZE_MAX ? NULL : &doc->lines.v[k];
    if (b && b->hyphenated && !memchr (doc->text.s + b->text_off, ' ', b->text_len)) {
      fprintf (stderr, "  %s: \"%.*s\" / \"%.*s\"\n", tpl, (int) l->text_len,
               doc->text.s + l->text_off, (int) b->text_len, doc->text.s + b->text_off);
      ++*(size_t *) data;
    }
  }
}

/* The French results table: no template breaks a word of its cells twice (kiosk-10.3's
 * first column broke "Profes-" / "sion-" / "nelle"): the columns are shared again so that
 * each word breaks once at most, or the table is set smaller. */
TEST (cell_words_break_once)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    size_t twice = 0;
    check_layout (percent_md, names[i], "", twice_check, &twice);
    CHECK_EQ_INT ((int) twice, 0);
  }
}

/* A table set smaller to fit reader-6's column keeps its cells' bold and italic (they were
 * set in the plain face once the table's size was scaled). In serif, whose italic the
 * fonts hold. */
TEST (smaller_table_keeps_emphasis)
{
  static const char bigger[] = "\n[style table]\nfamily = serif\nsize = 40px\n";
  faces_t f = { 0 };
  check_layout (emph_md, "reader-6", bigger, faces_check, &f);
  CHECK (f.bold && f.italic && f.plain);
  CHECK (f.size > 0 && f.size < 40);
  CHECK (f.bold != f.plain);
  CHECK (f.italic != f.plain);
  CHECK (f.bold != f.italic);
}

/* Table lines that end with a hyphen, in *data. */
static void
hyphens_check (const ink_document_t *doc, const char *tpl, void *data)
{
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role == INK_ROLE_TABLE && !l->generated && l->hyphenated) {
      fprintf (stderr, "  %s: \"%.*s\"\n", tpl, (int) l->text_len, doc->text.s + l->text_off);
      ++*(size_t *) data;
    }
  }
}

/* A table whose words all fit kiosk-10.3's column a little smaller than its size (the
 * port's monthly figures under long headings, its style made larger) is set so, its words
 * whole, rather than at its size with "un-" / "loaded" and "along-" / "side" in its header. */
TEST (table_words_kept_whole)
{
  static const char bigger[] = "\n[style table]\nfamily = sans\nsize = 33px\n";
  size_t len = 0, hyphens = 0;
  char *md = read_file (INK_SOURCE_DIR "/tests/unit/articles/grain-terminal.md", &len);
  CHECK (md != NULL);
  if (md)
    check_layout (md, "kiosk-10.3", bigger, hyphens_check, &hyphens);
  CHECK_EQ_INT ((int) hyphens, 0);
  free (md);
}

/* Where the table's last row and its note start: the page and the line of each (the last
 * line of a table's cells, the first of the note). */
typedef struct {
  long row_block, note_block;
  size_t row_page, note_page;
  const ink__lrec_t *row, *note; /* found: valid while the document lives */
  ink__lrec_t row_at, note_at;    /* their copies, read after it is destroyed */
} note_place_t;

static void
note_check (const ink_document_t *doc, const char *tpl, void *data)
{
  note_place_t *n = data;
  for (size_t p = 0; p < doc->pages.n; p++)
    for (size_t i = 0; i < doc->pages.v[p].nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[doc->pages.v[p].l0 + i];
      if (l->role == INK_ROLE_TABLE && l->block == n->row_block && !l->generated) {
        n->row = l;
        n->row_page = p;
      } else if (l->block == n->note_block && !n->note) {
        n->note = l;
        n->note_page = p;
      }
    }
  if (n->row)
    n->row_at = *n->row;
  if (n->note)
    n->note_at = *n->note;
  if (n->row && n->note &&
      (n->row_page != n->note_page || n->note->y < n->row->y ||
       n->note->x > n->row->x + n->row->w || n->note->x + n->note->w < n->row->x))
    fprintf (stderr, "  %s: the note on page %zu at (%d, %d), the last row on page %zu at (%d, %d)\n",
             tpl, n->note_page + 1, n->note->x / 64, n->note->y / 64, n->row_page + 1,
             n->row->x / 64, n->row->y / 64);
}

/* A table's source note (the italic paragraph under it) goes with the table, under its last
 * row in its column (tablenote.c), on every bundled template: ferry-delays on kiosk-10.3 set
 * the table at page 1's foot and its note at the top of page 2. */
TEST (table_note_under_its_table)
{
  size_t len = 0;
  char *md = read_file (INK_SOURCE_DIR "/tests/unit/articles/ferry-delays.md", &len);
  CHECK (md != NULL);
  const char *const *names = ink_template_builtin_names ();
  for (size_t t = 0; md && names[t]; t++) {
    note_place_t n = { 14, 15, 0, 0, NULL, NULL, { 0 }, { 0 } };
    check_layout (md, names[t], "", note_check, &n);
    CHECK (n.row && n.note);
    if (n.row && n.note) {
      CHECK_EQ_INT ((int) n.note_page, (int) n.row_page);
      CHECK (n.note_at.y > n.row_at.y);
      CHECK (n.note_at.x < n.row_at.x + n.row_at.w && n.note_at.x + n.note_at.w > n.row_at.x);
    }
  }
  free (md);
}

/* How far the first line of body block `block` starts in from its column's start: the
 * least x of the page's body lines at most INDENT_MOST px left of it; -1 when it is not set. */
typedef struct {
  long block;
  int32_t indent;
} first_indent_t;

enum { INDENT_MOST = 200 };

static void
first_indent (const ink_document_t *doc, const char *tpl, void *data)
{
  (void) tpl;
  first_indent_t *w = data;
  w->indent = -1;
  for (size_t p = 0; p < doc->pages.n && w->indent < 0; p++) {
    const ink__lrec_t *l0 = &doc->lines.v[doc->pages.v[p].l0];
    for (size_t i = 0; i < doc->pages.v[p].nl && w->indent < 0; i++) {
      if (l0[i].block != w->block || l0[i].role != INK_ROLE_BODY)
        continue;
      int32_t least = l0[i].x;
      for (size_t k = 0; k < doc->pages.v[p].nl; k++)
        if (l0[k].role == INK_ROLE_BODY && l0[k].x < least && l0[k].x >= l0[i].x - INDENT_MOST * 64)
          least = l0[k].x;
      w->indent = (l0[i].x - least) / 64;
    }
  }
}

/* A table's note is set flush, and the paragraph after it is indented as the text before the
 * table says: flush after a list, indented after a paragraph. Before, the note was indented
 * as a paragraph, and so was the text after it, even when a list stood before the table. */
TEST (table_note_flush_and_text_after_by_text_before)
{
  static const char *const before[] = { "Lead-in:\n\n1. First item of the list here.\n"
                                        "2. Second item of the list here.\n",
                                        "A paragraph before the table, long enough." };
  static const char *const tail =
    "\n\n| A | B |\n|---|---:|\n| one | 1 |\n| two | 2 |\n\n*Source: the board.*\n\n"
    "After the table the text goes on for a good while, so that its first line is a whole "
    "line and its second one too, with words enough to fill them both and more.\n";
  const char *const *names = ink_template_builtin_names ();
  for (size_t k = 0; k < 2; k++) {
    char md[1024];
    snprintf (md, sizeof md, "---\ntitle: Notes\n---\n\nOpening words of the story.\n\n%s%s",
              before[k], tail);
    long first_after = k == 0 ? 4 : 2;   /* blocks: para, [lead-in, item, item | para], rows */
    for (size_t t = 0; names[t]; t++) {
      first_indent_t note = { first_after + 3, 0 }, text = { first_after + 4, 0 };
      check_layout (md, names[t], "", first_indent, &note);
      check_layout (md, names[t], "", first_indent, &text);
      if (note.indent != 0 || (text.indent > 0) != (k == 1))
        fprintf (stderr, "  %s, after a %s: the note starts %d px in, the text after it %d px\n",
                 names[t], k ? "paragraph" : "list", note.indent, text.indent);
      CHECK_EQ_INT (note.indent, 0);
      CHECK ((text.indent > 0) == (k == 1));
    }
  }
}

static void
count_warning (void *user, ink_log_level_t level, const char *message)
{
  if (level == INK_LOG_WARNING && strstr (message, "table too wide"))
    ((size_t *) user)[strncmp (message, "7:", 2) == 0 ? 0 : 1]++;
}

/* A table whose figures fit no measure of the page even at its least size is reported once,
 * at its first row's line. */
TEST (table_too_wide_warns)
{
  static const char md[] =
    "| A | B | C | D | E | F | G | H |\n|---|---|---|---|---|---|---|---|\n"
    "| 1,234,567,890,123 | 2,345,678,901,234 | 3,456,789,012,345 | 4,567,890,123,456 | "
    "5,678,901,234,567 | 6,789,012,345,678 | 7,890,123,456,789 | 8,901,234,567,890 |\n";
  char buf[1024];
  snprintf (buf, sizeof buf, "---\ntitle: Wide\n---\n\nBefore.\n\n%s\nAfter.\n", md);
  /* the table's header row is on line 7 of buf */
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  size_t seen[2] = { 0 };
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  ink_context_set_log (ctx, count_warning, seen);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, buf, strlen (buf), NULL, &a, NULL), INK_OK);
  CHECK_EQ_INT (ink_template_builtin (ctx, "reader-6", &t), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && t && fs)
    CHECK_EQ_INT (ink_document_layout (ctx, a, t, fs, NULL, &doc), INK_OK);
  CHECK_EQ_INT ((int) seen[0], 1);
  CHECK_EQ_INT ((int) seen[1], 0);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (rows_end_on_the_grid);
  RUN (cells_break_at_hyphenation_points);
  RUN (header_words_break_once);
  RUN (figures_never_broken);
  RUN (figures_with_units_never_broken);
  RUN (figure_columns_first);
  RUN (table_set_smaller_in_one_column);
  RUN (smaller_table_keeps_emphasis);
  RUN (cell_words_break_once);
  RUN (table_words_kept_whole);
  RUN (table_too_wide_warns);
  RUN (table_note_under_its_table);
  RUN (table_note_flush_and_text_after_by_text_before);
  return test_summary ();
}
