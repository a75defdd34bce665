/* Reader comments as a column sets them: every line of a comment starts at the column's start
 * edge (the right in Arabic, Urdu and Hebrew, the left otherwise) and each level of reply
 * moves that start in by the same step, while the other edge stays within the column. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include "fixture.h"

#include <math.h>

/* A comment, its reply and a reply to that, in one language. */
typedef struct {
  const char *lang;
  const char *md;
} thread_t;

static const thread_t threads[] = {
  { "ur", "---\ntitle: کرایہ\nlang: ur\n---\n\nبس کا کرایہ بڑھ گیا ہے۔\n\n"
          "> [!comment] نوید خان | 2 گھنٹے پہلے\n> میں روزانہ صدر جاتا ہوں۔\n>\n"
          ">> [!comment] صائمہ | 1 گھنٹہ پہلے\n>> میرے گھر میں چار لوگ روز سفر کرتے ہیں۔\n>>\n"
          ">>> [!comment] نوید | 50 منٹ پہلے\n>>> یہ بات درست ہے۔\n" },
  { "ar", "---\ntitle: الميزانية\nlang: ar\n---\n\nأقر المجلس الميزانية.\n\n"
          "> [!comment] سامي | قبل ساعتين\n> متى تبدأ الأعمال؟\n>\n"
          ">> [!comment] ليلى | قبل ساعة\n>> في الربيع كما قيل في الجلسة.\n>>\n"
          ">>> [!comment] سامي | قبل 10 دقائق\n>>> شكرًا.\n" },
  { "he", "---\ntitle: הנמל\nlang: he\n---\n\nהנמל ייסגר ביום שני.\n\n"
          "> [!comment] דני | לפני שעתיים\n> מתי הוא ייפתח שוב?\n>\n"
          ">> [!comment] רותי | לפני שעה\n>> ביום רביעי, לפי ההודעה.\n>>\n"
          ">>> [!comment] דני | לפני 5 דקות\n>>> תודה.\n" },
  { "en", "---\ntitle: Fares\nlang: en\n---\n\nBus fares rise in January.\n\n"
          "> [!comment] Ned | 2 hours ago\n> I ride every day.\n>\n"
          ">> [!comment] Sam | 1 hour ago\n>> Four of us ride every day.\n>>\n"
          ">>> [!comment] Ned | 50 minutes ago\n>>> Fair point.\n" },
};

/* The columns line i of doc is set in: its page's (a brief set in fewer, wider columns,
 * briefcols.c), else the template's. */
static unsigned
columns_at (const ink_document_t *doc, const ink_template_t *t, size_t i)
{
  for (size_t p = 0; p < doc->pages.n; p++) {
    const ink__page_t *pg = &doc->pages.v[p];
    if (i >= pg->l0 && i < pg->l0 + pg->nl && pg->ncols)
      return pg->ncols;
  }
  return t->columns;
}

/* The column of page geometry t in n columns that holds x (1/64 px); its edges into *left,
 * *right. */
static bool
column_of (const ink_template_t *t, unsigned n, int32_t x, int32_t *left, int32_t *right)
{
  int32_t l = (int32_t) lroundf (t->margin_left * 64.0f);
  int32_t r = (int32_t) lroundf (((float) t->width_px - t->margin_right) * 64.0f);
  int32_t gutter = (int32_t) lroundf (t->gutter_px * 64.0f);
  int32_t colw = (r - l - gutter * (int32_t) (n - 1)) / (int32_t) n;
  for (unsigned c = 0; c < n; c++) {
    *left = l + (int32_t) c * (colw + gutter);
    *right = *left + colw;
    if (x >= *left - 64 && x < *right + 64)
      return true;
  }
  return false;
}

/* Each comment line's start edge is its column's start edge less one step per reply level,
 * the step the same at every level and more than a few pixels; its end stays inside. */
static void
check_thread (const thread_t *th, const char *tplname)
{
  fixture_t s;
  if (!fixture_lay_out (&s, th->md, NULL, tplname)) {
    fixture_tear_down (&s);
    return;
  }
  const ink_template_t *t = s.t;
  bool rtl = strcmp (th->lang, "ur") == 0 || strcmp (th->lang, "ar") == 0 ||
             strcmp (th->lang, "he") == 0;
  int32_t step = -1;
  size_t seen[3] = { 0, 0, 0 };
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    if (l->generated || l->block < 0 || s.a->blocks[l->block].kind != INK_BLOCK_COMMENT)
      continue;
    unsigned level = s.a->blocks[l->block].level;
    int failures = test_failures_;
    int32_t cl = 0, cr = 0;
    CHECK (column_of (t, columns_at (s.doc, t, i), rtl ? l->x + l->w - 1 : l->x, &cl, &cr));
    CHECK_EQ_INT (l->rtl, rtl);
    int32_t in = rtl ? cr - (l->x + l->w) : l->x - cl;   /* from the start edge */
    int32_t out = rtl ? l->x - cl : cr - (l->x + l->w);  /* room left at the end edge */
    CHECK (out >= -64);
    if (level == 0)
      CHECK (in >= -64 && in <= 64);
    else if (step < 0 && level == 1)
      step = in;
    else if (step >= 0)
      CHECK (in >= (int32_t) level * step - 64 && in <= (int32_t) level * step + 64);
    if (level < 3)
      seen[level]++;
    if (test_failures_ != failures)
      fprintf (stderr, "  %s on %s: level %u line at %.2f..%.2f in column %.2f..%.2f\n",
               th->lang, tplname, level, l->x / 64.0, (l->x + l->w) / 64.0, cl / 64.0,
               cr / 64.0);
  }
  CHECK (seen[0] >= 2 && seen[1] >= 2 && seen[2] >= 2);   /* author and text at each level */
  CHECK (step >= 8 * 64);
  fixture_tear_down (&s);
}

TEST (replies_indented_from_start_edge)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t i = 0; i < sizeof threads / sizeof *threads; i++)
    for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++)
      check_thread (&threads[i], tpls[k]);
}

/* A comment reads in the direction of its own first letter: an English comment and an English
 * reply under a Hebrew article run left to right, with their question mark at the end, and so
 * do their author lines ("Mike R. · Chicago"); the Hebrew ones run right to left. */
TEST (comment_takes_its_own_direction)
{
  static const char md[] =
    "---\ntitle: הטיילת\nlang: he\n---\n\nעיריית טבריה תשפץ את הטיילת לאורך הכנרת.\n\n"
    "> [!comment] רונית | טבריה\n> סוף סוף! הטיילת במצב מביש כבר שנים.\n\n"
    "> [!comment] Mike R. | Chicago\n> We walked the promenade in October and loved the fish "
    "restaurants. Will they stay open while the work goes on?\n>\n"
    ">> [!comment] אבי | בעל מסעדה\n>> כן, נמשיך לעבוד כל הזמן.\n>>\n"
    ">>> [!comment] Mike R. | Chicago\n>>> Good to hear. We will be back next spring!\n";
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out (&s, md, NULL, tpls[k])) {
      fixture_tear_down (&s);
      continue;
    }
    size_t ltr = 0, rtl = 0;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      if (l->generated || l->block < 0 || s.a->blocks[l->block].kind != INK_BLOCK_COMMENT)
        continue;
      const ink__block_t *b = &s.a->blocks[l->block];
      bool latin = b->text_len && (b->text[0] & 0x80) == 0;
      CHECK_EQ_INT (l->rtl, !latin);
      ltr += !l->rtl;
      rtl += l->rtl;
    }
    CHECK (ltr >= 2 && rtl >= 4);
    fixture_tear_down (&s);
  }
}

/* Whether line l of doc ends with the string end. */
static bool
line_ends_with (const ink_document_t *doc, const ink__lrec_t *l, const char *end)
{
  size_t n = strlen (end);
  return l->text_len >= n && memcmp (doc->text.s + l->text_off + l->text_len - n, end, n) == 0;
}

/* A comment's author line keeps the name whole on its first line; a line too narrow for all
 * of it breaks just after the separator, then at the meta's commas, never inside a tied part
 * of the meta, and no line starts with a space. On three templates main set "Bartholomew" /
 * "Pennington · Former crane driver", the meta's tied words binding the name to them. */
TEST (author_line_breaks_after_the_separator)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  static const char *const names[] = { "Bartholomew Pennington", "Rosalind Ashworth-Lyle",
                                       "Ferdinand Okonkwo-Hale" };
  char path[1024];
  snprintf (path, sizeof path, "%s/tests/unit/articles/crane-yard-comments.md", INK_SOURCE_DIR);
  size_t broken = 0;
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out (&s, NULL, path, tpls[k])) {
      fixture_tear_down (&s);
      continue;
    }
    size_t seen = 0;
    long block = -1;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i], *next = i + 1 < s.doc->lines.n ? l + 1 : NULL;
      if (l->role != INK_ROLE_COMMENT_AUTHOR)
        continue;
      const char *t = s.doc->text.s + l->text_off;
      bool first = l->block != block, more = next && next->role == INK_ROLE_COMMENT_AUTHOR &&
                                                next->block == l->block;
      bool ok = l->text_len && t[0] != ' ' && (unsigned char) t[0] != 0xC2;
      if (first) {
        const char *name = names[seen++ % 3];
        ok = ok && l->text_len >= strlen (name) && strncmp (t, name, strlen (name)) == 0;
      }
      if (more)
        ok = ok && line_ends_with (s.doc, l, first ? "\u00b7" : ",");
      broken += more;
      block = l->block;
      CHECK (ok);
      if (!ok)
        fprintf (stderr, "  %s: author line \"%.*s\"\n", tpls[k], (int) l->text_len, t);
    }
    CHECK_EQ_INT (seen, 3);
    fixture_tear_down (&s);
  }
  CHECK (broken >= 3);
}

int
main (void)
{
  RUN (replies_indented_from_start_edge);
  RUN (comment_takes_its_own_direction);
  RUN (author_line_breaks_after_the_separator);
  return test_summary ();
}
