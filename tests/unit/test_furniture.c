/* The page furniture: running heads and feet shortened rather than overprinting, and clear of
 * the frame; captions no wider than their picture; column rules between the head and the
 * columns' end, in each band around a quote across them; the lead picture before the text; a head too tall for page 1 fitted to it;
 * replies indented from the start side; attributions' dashes by language. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"
#include "example.h"

static bool
running (const ink__lrec_t *l)
{
  return l->role == INK_ROLE_HEADER || l->role == INK_ROLE_FOOTER;
}

/* The long title of school-meals in the running lines of every template (on the pages
 * after the first, which shows none: the headline stands there): within the frame,
 * shortened at a word with an ellipsis where it does not fit, never over another running
 * line. */
TEST (running_never_collide)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    fixture_t s;
    if (!set_up (&s, "school-meals.md", names[i]))
      continue;
    const char *title = ink_article_title (s.a);
    size_t shortened = 0, titles = 0;
    for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
      const ink__page_t *P = &s.doc->pages.v[pg];
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *x = &s.doc->lines.v[a];
        if (!running (x))
          continue;
        char buf[1024];
        const char *t = text_of (s.doc, x, buf, sizeof buf);
        CHECK (x->x >= s.t->margin_left * 64 - 64);
        CHECK (x->x + x->w <= (s.t->width_px - s.t->margin_right) * 64 + 64);
        size_t tl = strlen (t);
        if (tl > 3 && !strcmp (t + tl - 3, "\u2026")) {
          shortened++;
          CHECK (!strncmp (title, t, tl - 3));        /* a start of the title ... */
          CHECK (title[tl - 3] == ' ' || title[tl - 3] == ',');   /* ... cut at a word */
        } else if (!strcmp (t, title)) {
          titles++;
        }
        for (size_t b = a + 1; b < P->l0 + P->nl; b++) {
          const ink__lrec_t *y = &s.doc->lines.v[b];
          if (!running (y) || y->role != x->role)
            continue;
          CHECK (x->x + x->w <= y->x || y->x + y->w <= x->x);
        }
      }
    }
    CHECK (shortened + titles > 0);
    if (strcmp (names[i], "print-a4") == 0 || strcmp (names[i], "kiosk-10.3") == 0)
      CHECK (shortened > 0);
    fixture_tear_down (&s);
  }
}

/* Every caption line is no wider than the picture above it (same block, same page). */
static void
check_captions (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  size_t seen = 0;
  for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
    const ink__page_t *P = &s.doc->pages.v[pg];
    for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      if (l->role != INK_ROLE_CAPTION)
        continue;
      for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
        const ink__item_t *im = &s.doc->items.v[i];
        if (im->kind != INK_ITEM_IMAGE || im->block != l->block || im->y > l->y)
          continue;
        seen++;
        if (l->w > im->w + 64 || l->x < im->x - 64 || l->x + l->w > im->x + im->w + 64)
          fprintf (stderr, "%s on %s: caption line %.1f+%.1f, picture %.1f+%.1f\n", name,
                   tplname, l->x / 64.0, l->w / 64.0, im->x / 64.0, im->w / 64.0);
        CHECK (l->w <= im->w + 64);
        CHECK (l->x >= im->x - 64 && l->x + l->w <= im->x + im->w + 64);
      }
    }
  }
  CHECK (seen > 0);
  fixture_tear_down (&s);
}

TEST (captions_within_picture)
{
  check_captions ("rocket-recovery.md", "kiosk-10.3");
  check_captions ("rocket-recovery.md", "print-a4");
  check_captions ("shuttle-commanders.md", "print-a4");
  check_captions ("shuttle-commanders.md", "kiosk-10.3");
  check_captions ("dscovr-launch.md", "reader-6");
}

/* Column rules begin below the head's last line and end at the lowest column's end, with
 * text on both sides. */
static void
check_rules (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  size_t rules = 0;
  for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
    const ink__page_t *P = &s.doc->pages.v[pg];
    int32_t head = 0, low = 0;
    for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      if (l->role == INK_ROLE_HEADLINE || l->role == INK_ROLE_DECK || l->role == INK_ROLE_BYLINE)
        head = l->y + l->h > head ? l->y + l->h : head;
      else if (!running (l))
        low = l->y + l->h > low ? l->y + l->h : low;
    }
    for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
      const ink__item_t *it = &s.doc->items.v[i];
      if (it->kind != INK_ITEM_RULE || it->w > 64)
        continue;
      rules++;
      CHECK (it->y >= head);
      CHECK (it->y + it->h <= low);
      /* Text on both sides: no rule beside a column left empty. */
      bool left = false, right = false;
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *l = &s.doc->lines.v[a];
        if (running (l) || l->y + l->h <= it->y || l->y >= it->y + it->h)
          continue;
        left |= l->x + l->w <= it->x;
        right |= l->x >= it->x + it->w;
      }
      if (!left || !right)
        fprintf (stderr, "%s on %s page %zu: a column rule beside an empty column\n", name,
                 tplname, pg + 1);
      CHECK (left && right);
    }
  }
  CHECK (rules > 0);
  fixture_tear_down (&s);
}

TEST (column_rules_under_head)
{
  check_rules ("council-vote.md", "kiosk-7.5");
  check_rules ("rocket-recovery.md", "kiosk-10.3");
  check_rules ("shuttle-commanders.md", "kiosk-7.5");
  check_rules ("dscovr-launch.md", "print-a4");   /* page 2: three lines in one column */
}

/* Page 1 of name on tplname, set in bands around a pull quote across its columns' middle or
 * foot (band_top), has a column rule in the band over the quote. Before, rules began under
 * the lowest float across the columns: the band over a quote across the middle had none, and
 * a page whose quote stands at its foot none at all. */
static void
check_band_rules (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  const ink__page_t *P = &s.doc->pages.v[0];
  CHECK (P->band_top > 0);
  size_t over = 0;
  for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
    const ink__item_t *it = &s.doc->items.v[i];
    over += it->kind == INK_ITEM_RULE && it->w <= 64 && it->y >= P->band_top &&
            it->y + it->h <= P->body_top;
  }
  if (!over)
    fprintf (stderr, "%s on %s: no column rule over the quote\n", name, tplname);
  CHECK (over > 0);
  fixture_tear_down (&s);
}

TEST (column_rules_in_each_band)
{
  check_band_rules ("kazan-river-tram.ru.md", "print-a4");   /* a quote across the middle */
  check_band_rules ("lahore-smog.ur.md", "kiosk-10.3");      /* a quote across the foot */
}

/* A lead picture that would shrink to less than a column's width across the columns goes
 * into a column instead: the two-paragraph brief under a portrait fits on one 800x480 page,
 * its text beside the picture, not pushed to a page of its own under a thumbnail. */
TEST (lead_picture_narrower_than_a_column_goes_in_one)
{
  fixture_t s;
  if (!set_up (&s, "lecture-tickets.md", "kiosk-7.5"))
    return;
  CHECK_EQ_INT ((int) s.doc->pages.n, 1);
  size_t images = 0;
  for (size_t i = 0; i < s.doc->items.n; i++) {
    const ink__item_t *it = &s.doc->items.v[i];
    if (it->kind != INK_ITEM_IMAGE)
      continue;
    images++;
    /* In one of the two columns: wholly on one side of the page's middle. */
    int32_t mid = (int32_t) (s.t->width_px * 64 / 2);
    CHECK (it->x + it->w <= mid || it->x >= mid);
  }
  CHECK_EQ_INT ((int) images, 1);
  fixture_tear_down (&s);
}

/* Where the lead picture (the first image) and the first body line are: page, and on
 * their page the column (0 first in reading order, by x: these samples read left to right)
 * and top. */
typedef struct {
  size_t page;
  int32_t x, y, w, h;
} spot_t;

static bool
lead_and_text (const ink_document_t *doc, spot_t *pic, spot_t *text)
{
  bool got_pic = false, got_text = false;
  for (size_t pg = 0; pg < doc->pages.n; pg++) {
    const ink__page_t *P = &doc->pages.v[pg];
    for (size_t i = P->i0; i < P->i0 + P->ni && !got_pic; i++)
      if (doc->items.v[i].kind == INK_ITEM_IMAGE) {
        const ink__item_t *it = &doc->items.v[i];
        *pic = (spot_t) { pg, it->x, it->y, it->w, it->h };
        got_pic = true;
      }
    for (size_t a = P->l0; a < P->l0 + P->nl && !got_text; a++)
      if (doc->lines.v[a].role == INK_ROLE_BODY) {
        const ink__lrec_t *l = &doc->lines.v[a];
        *text = (spot_t) { pg, l->x, l->y, l->w, 0 };
        got_text = true;
      }
  }
  return got_pic && got_text;
}

/* The lead picture that leads the first column comes before the body text (leadcol.c): on
 * page 1 in an earlier column or above the text in the same one, never narrower than the
 * floor (least_w, thousandths of the column's width); or, where it fits under the head at no
 * such size, at the top of page 2's first column, the text begun under the head on page 1
 * (never a page 1 of the head alone) and the picture at its size. */
static void
check_lead_first (const char *name, const char *tplname, size_t want_page, int least_w)
{
  fixture_t s;
  bool own = strchr (name, '/') != NULL;   /* a test article, else an example */
  if (!(own ? fixture_lay_out_in (&s, ".", name, tplname) : set_up (&s, name, tplname)))
    return;
  spot_t pic = { 0 }, text = { 0 };
  int32_t colw = ink__frame_of (s.t).colw;
  CHECK (lead_and_text (s.doc, &pic, &text));
  if (pic.page != want_page || text.page != 0)
    fprintf (stderr, "%s on %s: picture on page %zu, text from page %zu\n", name, tplname,
             pic.page + 1, text.page + 1);
  CHECK_EQ_INT ((int) pic.page, (int) want_page);
  CHECK_EQ_INT ((int) text.page, 0);
  if (pic.page == 0) {
    CHECK (text.x >= pic.x + pic.w || (text.x + text.w > pic.x && text.y >= pic.y + pic.h));
    CHECK ((int64_t) pic.w * 1000 >= (int64_t) colw * least_w);
  } else {
    /* The first column's top: left of the first column's end, at the columns' top. */
    CHECK (pic.x < ink__frame_of (s.t).left + colw);
    CHECK_EQ_INT (pic.y, s.doc->pages.v[pic.page].body_top);
    /* Not squeezed: these samples' pictures stand a fifth of the page. */
    CHECK (pic.h >= (int32_t) s.t->height_px * 64 / 5);
  }
  fixture_tear_down (&s);
}

TEST (lead_picture_before_the_text)
{
  check_lead_first ("engine-works.md", "reader-6", 1, 0);
  check_lead_first ("shiraz-planetarium.fa.md", "reader-6", 1, 0);
  /* Made smaller, its caption beside it: on a page of two columns the text begins in the
   * next (they waited for page 2, the text begun under the head). At 525 thousandths of the
   * column it left room for two lines under it, one of them alone once the column gave a
   * line, or for one: made smaller by the template's picture-shrink (15%) to leave a line
   * more (leadcol.c, company_room), 450. */
  check_lead_first ("rocket-recovery.md", "kiosk-7.5", 0, 440);
  check_lead_first ("coastal-satellite.md", "kiosk-7.5", 0, 440);
  check_lead_first ("tests/unit/articles/kien-trung-palace.vi.md", "kiosk-7.5", 0,
                    INK_PICTURE_FLOOR);
  /* Made smaller, column 1: not the 141 px the column's caption fit left; 162 px, with room
   * for a line more under it (as rocket-recovery). */
  check_lead_first ("dscovr-launch.md", "kiosk-7.5", 0, 440);
  check_lead_first ("lecture-tickets.md", "kiosk-7.5", 0, 450); /* square: 65% of 259 px */
  check_lead_first ("lecture-tickets.md", "reader-6", 0, 0);    /* across, under the head */
}

/* A head too tall for page 1 is set smaller, its headline and deck fitted to leave room for
 * body lines under it, rather than its last lines sent to page 2: all of it on page 1, and at
 * least three body lines there. */
static void
check_head_fits (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  const ink__page_t *P = &s.doc->pages.v[0];
  size_t body = 0;
  for (size_t a = P->l0; a < P->l0 + P->nl; a++)
    body += s.doc->lines.v[a].role == INK_ROLE_BODY;
  for (size_t pg = 1; pg < s.doc->pages.n; pg++) {
    const ink__page_t *Q = &s.doc->pages.v[pg];
    for (size_t a = Q->l0; a < Q->l0 + Q->nl; a++) {
      int role = s.doc->lines.v[a].role;
      CHECK (role != INK_ROLE_HEADLINE && role != INK_ROLE_DECK && role != INK_ROLE_BYLINE);
    }
  }
  if (body < 3)
    fprintf (stderr, "%s on %s: %zu body lines under the head\n", name, tplname, body);
  CHECK (body >= 3);
  fixture_tear_down (&s);
}

TEST (long_head_fitted_to_page_one)
{
  check_head_fits ("school-meals.md", "reader-6");       /* its deck went to page 2 */
  check_head_fits ("marrakech-rail.ar.md", "reader-6");  /* its deck's last line, too */
  check_head_fits ("quetta-gas.ur.md", "kiosk-7.5");     /* page 1 held the head alone */
}

/* Comments in a right-to-left article: a reply is indented from the right, the start side,
 * and its left edge stays where the column's text may reach; author and meta are isolated
 * from each other so that "·" stays between them, before a number that starts the meta. */
TEST (rtl_replies_indented_from_right)
{
  static const char md[] =
    "---\ntitle: بازار\nlang: fa\n---\n\nمتن خبر.\n\n"
    "> [!comment] Sara K. | ۱۲ دقیقه پیش\n> نظر اول.\n>\n"
    "> > [!comment] علی | 3 ساعت پیش\n> > پاسخ.\n";
  fixture_t s;
  if (!fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    fixture_tear_down (&s);
    return;
  }
  const ink__lrec_t *comment = NULL, *reply = NULL, *authors[2] = { NULL, NULL };
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    if (l->role == INK_ROLE_COMMENT && !comment)
      comment = l;
    if (l->role == INK_ROLE_REPLY && !reply)
      reply = l;
    if (l->role == INK_ROLE_COMMENT_AUTHOR && (!authors[0] || !authors[1]))
      authors[authors[0] != NULL] = l;
  }
  CHECK (comment && reply && authors[0] && authors[1]);
  if (comment && reply && authors[0] && authors[1]) {
    /* RTL lines end at their box's right edge: the reply's is further in by its indent. */
    CHECK (reply->x + reply->w < comment->x + comment->w - 64 * 8);
    CHECK (authors[1]->x + authors[1]->w < authors[0]->x + authors[0]->w - 64 * 8);
    char buf[256];
    CHECK_EQ_STR (text_of (s.doc, authors[0], buf, sizeof buf),
                  "\u2068Sara K.\u2069\u00a0|\u2060 \u2068۱۲\u00a0دقیقه\u00a0پیش\u2069");
    CHECK_EQ_STR (text_of (s.doc, authors[1], buf, sizeof buf),
                  "\u2068علی\u2069\u00a0|\u2060 \u20683\u00a0ساعت\u00a0پیش\u2069");
    /* The layout JSON's text is the input's: the page's isolates are left out of it. */
    const char *json = NULL;
    size_t len = 0;
    CHECK (ink_document_layout_json (s.doc, &json, &len) == INK_OK && json);
    if (json) {
      CHECK (strstr (json, "\"text\": \"Sara K.\u00a0| ۱۲\u00a0دقیقه\u00a0پیش\"") != NULL);
      CHECK (strstr (json, "\u2068") == NULL && strstr (json, "\u2069") == NULL);
    }
  }
  fixture_tear_down (&s);
}

/* A pull quote's attribution follows two em dashes close up in Chinese and Japanese ("——港湾
 * …", as their papers set it; the article's "——" was set as one dash and a thin space), one
 * dash and a thin space elsewhere. */
static void
check_attribution_dash (const char *lang, const char *dash)
{
  char md[256];
  snprintf (md, sizeof md,
            "---\ntitle: T\nlang: %s\n---\n\nText.\n\n> [!quote] Words.\n> \u2014\u2014 Someone\n",
            lang);
  fixture_t s;
  if (fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    const ink__lrec_t *prefix = NULL;
    for (size_t i = 0; i < s.doc->lines.n && !prefix; i++)
      if (s.doc->lines.v[i].role == INK_ROLE_ATTRIBUTION)
        prefix = &s.doc->lines.v[i];
    CHECK (prefix != NULL);
    char buf[64];
    if (prefix)
      CHECK_EQ_STR (text_of (s.doc, prefix, buf, sizeof buf), dash);
  }
  fixture_tear_down (&s);
}

TEST (attribution_dash_by_language)
{
  check_attribution_dash ("ja", "\u2014\u2014");
  check_attribution_dash ("zh-Hant", "\u2014\u2014");
  check_attribution_dash ("en", "\u2014\u2009");
}


/* The page where the headline stands shows no running line naming the title again: on
 * every bundled template the title is in no header or footer of page 1, and is on page 2's. */
TEST (no_running_title_over_headline)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!set_up (&s, "storm-live.md", tpls[k]))
      continue;
    size_t titles[2] = { 0, 0 };
    const ink__page_t *pages = s.doc->pages.v;
    CHECK (s.doc->pages.n >= 2);
    for (size_t pg = 0; pg < 2 && pg < s.doc->pages.n; pg++)
      for (size_t i = pages[pg].l0; i < pages[pg].l0 + pages[pg].nl; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[i];
        char buf[256];
        if ((l->role == INK_ROLE_HEADER || l->role == INK_ROLE_FOOTER) &&
            strstr (text_of (s.doc, l, buf, sizeof buf), "Storm Harriet"))
          titles[pg]++;
      }
    CHECK_EQ_INT (titles[0], 0);
    CHECK (titles[1] >= 1);
    fixture_tear_down (&s);
  }
}

/* A head set in Nastaliq (turbat-dates.ur's section, "بلوچستان") is taller than kiosk-7.5's
 * top margin less its leading's white: centred there, its box ended 1.5 px over the frame's
 * top, where a pull quote across the columns draws its rule. On every page and template the
 * header's box now ends at least 2 px over the frame, as a rule keeps clear of text. */
TEST (head_clear_of_the_frame_top)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    fixture_t s;
    char path[1024];
    snprintf (path, sizeof path, "%s/tests/unit/articles/turbat-dates.ur.md", INK_SOURCE_DIR);
    if (!fixture_lay_out (&s, NULL, path, names[i])) {
      fixture_tear_down (&s);
      continue;
    }
    int32_t frame_top = (int32_t) (s.t->margin_top * 64.0f);
    size_t heads = 0;
    for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
      const ink__page_t *P = &s.doc->pages.v[pg];
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *l = &s.doc->lines.v[a];
        if (l->role != INK_ROLE_HEADER)
          continue;
        heads++;
        if (l->y + l->h > frame_top - 2 * 64)
          fprintf (stderr, "  %s page %zu: the head's box ends %.2f px over the frame\n",
                   names[i], pg + 1, (frame_top - l->y - l->h) / 64.0);
        CHECK (l->y >= 0 && l->y + l->h <= frame_top - 2 * 64);
      }
    }
    CHECK (heads > 0);
    fixture_tear_down (&s);
  }
}

int
main (void)
{
  RUN (running_never_collide);
  RUN (captions_within_picture);
  RUN (column_rules_under_head);
  RUN (column_rules_in_each_band);
  RUN (lead_picture_narrower_than_a_column_goes_in_one);
  RUN (lead_picture_before_the_text);
  RUN (long_head_fitted_to_page_one);
  RUN (rtl_replies_indented_from_right);
  RUN (attribution_dash_by_language);
  RUN (no_running_title_over_headline);
  RUN (head_clear_of_the_frame_top);
  return test_summary ();
}
