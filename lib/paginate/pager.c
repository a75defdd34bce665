/* paginate/pager: pages handed out one at a time, each as soon as it is set.
 *
 *   ink_pager_t *pager;
 *   ink_pager_create (ctx, article, tpl, fonts, NULL, INK_PAGER_TOTAL_OMIT, &pager);
 *   ink_document_t *page;
 *   while (ink_pager_next (pager, &page) != error && page) { draw page 0; destroy page; }
 *   ink_pager_destroy (pager);
 *
 * The flow is the one ink_document_layout runs (pages.c, a page at a time); what differs is
 * when units are built and where pages go. Units are built as the flow nears them, a frame's
 * height ahead (units.c). A page is final once the flow has stopped before the next
 * and the page has been evened; it is then copied out with its running lines, and its items,
 * glyphs and text are dropped from the pager's document. The flow must not have looked at
 * units that building more could still change (the last few: keeps, a list's spacing, the
 * source line's keep): when it did, more are built and the page is flowed again. Two make-up
 * passes read further: evening a page with floats waiting for the next sets the next two
 * pages on trial (floatpull.c; units are built for them first), and the end of the text may
 * set page 1 again with its pull quote across the top in its turn (quotehead.c; page 1 then
 * waits for the end). A short article with floats is laid out whole first, to see whether
 * they read in turn (floatorder.c): when none moves, the pages are handed out from that
 * layout; else they are set here with the floats moved, logging nothing more. */
#include "layout-internal.h"

#include <stdlib.h>
#include <string.h>

/* Units built past the flow before a page is flowed: this many, and frames of height. One
 * frame: with three, page 1 of a long article waited for some four pages of paragraphs set
 * (docs/performance.md, "The first page and the start-up"). */
#define AHEAD_UNITS 24
#define AHEAD_FRAMES 1
/* A page is final only when the flow stopped this many units before any that building more
 * could change: keeps look 8 units on, a float has at most 4. */
#define SAFE_UNITS 10
/* Evening a page may set it and the two after on trial (floatpull.c): units built this many
 * frames of height past its start, and SAFE_UNITS more. */
#define TRIAL_FRAMES 4

struct ink_pager {
  lay_t L;
  ink_document_t *doc;           /* the pages being made; those handed out hold nothing */
  bool hold;                     /* {pages} in a running line: pages wait for the total */
  bool started, ended, failed;
  bool quiet;                    /* the flow logs nothing: the layout in the article's order,
                                  * made to put the floats in reading order, logged it all */
  size_t handed;                 /* pages handed out */
  size_t final;                  /* pages [0, final) are final */
  size_t run_missing;            /* glyphs missing from the running lines handed out */
  size_t freed;                  /* units before this one had their paragraphs freed */
  size_t paras_freed;            /* set paragraphs freed so far */
  setpara_t gone[INK_ROLE_COUNT_]; /* a freed paragraph's stand-in, one per role, no lines:
                                  * make-up still asks what the text before a page held */
  size_t kept[2];                /* units before freed whose paragraphs stay (see longest),
                                  * or SIZE_MAX */
};

/* Whether a running head or foot of tpl names the total. */
static bool
names_total (const ink_template_t *t)
{
  const char *slots[6] = { t->header_left, t->header_center, t->header_right,
                           t->footer_left, t->footer_center, t->footer_right };
  for (int i = 0; i < 6; i++)
    if (slots[i] && strstr (slots[i], "{pages}"))
      return true;
  return false;
}

/* The article laid out whole with the float order *order, into the pager's layout, its
 * progress left unreported (the pager reports its pages as it hands them out). */
static ink_status_t
lay_out_whole (ink_pager_t *pg, ink_context_t *ctx, const ink_article_t *article,
               ink_template_t *tpl, ink_fontset_t *fonts, const ink_layout_options_t *opts,
               bool after, const ink__float_order_t *order)
{
  ink__quiet_t q = ink__quiet_progress (ctx);
  ink_status_t st = ink__lay_out (ctx, article, tpl, fonts, opts, after, order, &pg->L, &pg->doc);
  ink__quiet_end (ctx, q);
  return st;
}

/* A brief that may take fewer columns (briefcols.c) laid out whole as ink_document_layout
 * lays it out: in the article's order (the layout ink__float_order_plan made, or one made
 * here), again with its floats moved when they move (*order, then none left to move), then in
 * fewer columns when they end its page's columns together. Its pages are then all final. */
static ink_status_t
brief_whole (ink_pager_t *pg, ink_context_t *ctx, const ink_article_t *article,
             ink_template_t *tpl, ink_fontset_t *fonts, const ink_layout_options_t *opts,
             bool after, ink__float_order_t *order)
{
  ink_status_t st = INK_OK;
  if (!pg->doc)
    st = lay_out_whole (pg, ctx, article, tpl, fonts, opts, after, order);
  else if (ink__order_changes (order)) {
    ink__layout_free (&pg->L);
    ink_document_destroy (pg->doc);
    pg->doc = NULL;
    st = ink__lay_out_quiet (ctx, article, tpl, fonts, opts, after, order, &pg->L, &pg->doc);
  }
  if (st == INK_OK)
    st = ink__brief_columns (ctx, article, tpl, fonts, opts, after, &pg->L, &pg->doc);
  *order = (ink__float_order_t) { .n = 0 };
  if (st != INK_OK && pg->doc) {
    ink__layout_free (&pg->L);
    ink_document_destroy (pg->doc);
    pg->doc = NULL;
  }
  return st;
}

/* A short article laid out whole in its order, as ink_document_layout lays it out, so that a
 * runt last page can be drawn back under a smaller head (runtdoc.c) before page 1 goes out. */
static ink_status_t
short_whole (ink_pager_t *pg, ink_context_t *ctx, const ink_article_t *article,
             ink_template_t *tpl, ink_fontset_t *fonts, const ink_layout_options_t *opts,
             bool after)
{
  ink__float_order_t none = { .n = 0 };
  return lay_out_whole (pg, ctx, article, tpl, fonts, opts, after, &none);
}

/* The pager's layout begun: where its opening pull quote goes and whether floats move
 * (quoteplace.c, floatorder.c). A short article with floats was laid out whole to see their
 * order: when none moves, its pages are those, every one final (nothing is set again); else
 * it is begun again with them moved, and logs nothing more. On failure nothing is left to
 * free. */
static ink_status_t
begin (ink_pager_t *pg, ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
       ink_fontset_t *fonts, const ink_layout_options_t *opts)
{
  bool after;
  ink__float_order_t order;
  ink_status_t st = ink__short_quote_place (ctx, article, tpl, fonts, opts, &after);
  if (st == INK_OK)
    st = ink__float_order_plan (ctx, article, tpl, fonts, opts, after, &pg->L, &pg->doc, &order);
  if (st == INK_OK && ink__brief_worth (article, tpl))
    st = brief_whole (pg, ctx, article, tpl, fonts, opts, after, &order);
  if (st == INK_OK && article && !pg->doc && !ink__order_changes (&order) &&
      ink__short_article (article))
    st = short_whole (pg, ctx, article, tpl, fonts, opts, after);
  if (st == INK_OK && pg->doc && !ink__order_changes (&order))
    st = ink__runt_doc_head (ctx, article, tpl, fonts, opts, &pg->L, &pg->doc);
  if (st != INK_OK)
    return st;
  if (pg->doc && !ink__order_changes (&order)) {
    pg->started = pg->ended = true;
    pg->final = pg->doc->pages.n;
    return INK_OK;
  }
  if (pg->doc) {
    ink__layout_free (&pg->L);
    ink_document_destroy (pg->doc);
    pg->doc = NULL;
    pg->quiet = true;
  }
  ink__quiet_t q = pg->quiet ? ink__quiet (ctx) : (ink__quiet_t) { 0 };
  st = ink__layout_begin (ctx, article, tpl, fonts, opts, &order, &pg->L, &pg->doc);
  if (pg->quiet)
    ink__quiet_end (ctx, q);
  pg->L.short_quote_after = after;
  return st;
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_pager_create (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                  ink_fontset_t *fonts, const ink_layout_options_t *opts,
                  ink_pager_total_t total, ink_pager_t **out)
{
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (total != INK_PAGER_TOTAL_WAIT && total != INK_PAGER_TOTAL_OMIT)
    return ctx ? ink__error (ctx, INK_INVALID, "ink_pager_create: no such total: %d", (int) total)
               : INK_INVALID;
  ink_pager_t *pg = ctx ? ink__alloc (ctx, sizeof *pg) : NULL;
  if (!pg)
    return ctx ? ink__error (ctx, INK_NO_MEMORY, "out of memory") : INK_INVALID;
  memset (pg, 0, sizeof *pg);
  for (int r = 0; r < INK_ROLE_COUNT_; r++)
    pg->gone[r].role = r;
  pg->kept[0] = pg->kept[1] = SIZE_MAX;
  ink_status_t st = begin (pg, ctx, article, tpl, fonts, opts);
  if (st != INK_OK) {
    ink__free (ctx, pg, sizeof *pg);
    return st;
  }
  pg->hold = total == INK_PAGER_TOTAL_WAIT && names_total (tpl);
  pg->L.total_unknown = total == INK_PAGER_TOTAL_OMIT;
  *out = pg;
  return INK_OK;
}

/* Units built ahead of unit from, for a flow of page index page: all of them when that page
 * may meet the page limit, since what is left over is then counted as overflow. */
static ink_status_t
ahead (lay_t *L, size_t from, size_t page, size_t more)
{
  if (page + 1 >= L->max_pages)
    return ink__build_body_units (L);
  int64_t frame = (int64_t) L->ncols * (L->bottom - L->top);
  return ink__units_ahead (L, from, AHEAD_UNITS + more, AHEAD_FRAMES * frame);
}

/* The page just flowed stopped short of the units building more could change, or every unit
 * is built. */
static bool
settled (const lay_t *L)
{
  return L->units_done || (L->broke && L->next.ui + SAFE_UNITS <= ink__units_fixed (L));
}

/* Evening the page just flowed may pull the floats waiting after it onto it (floatpull.c),
 * setting it and the next two pages on trial: a page after the first with floats waiting for
 * the next, not across the columns. */
static bool
pulls_floats (const lay_t *L)
{
  return !L->units_done && L->broke && L->snap.page > 0 && L->next.pending != NO_FLOAT &&
         L->next.pending_span == NO_FLOAT;
}

/* Evens the page just flowed, with the units its trial of the next pages reads built first
 * (three pages hold less than TRIAL_FRAMES frames of units; keeps look SAFE_UNITS on). */
static ink_status_t
even_page (lay_t *L)
{
  if (!pulls_floats (L))
    return ink__pages_even (L);
  int64_t frame = (int64_t) L->ncols * (L->bottom - L->top);
  ink_status_t st = ink__units_ahead (L, L->snap.ui, AHEAD_UNITS, TRIAL_FRAMES * frame);
  if (st == INK_OK)
    st = ink__units_ahead (L, L->units.n, SAFE_UNITS, 0);
  L->units_trial = true;
  if (st == INK_OK)
    st = ink__pages_even (L);
  L->units_trial = false;
  return st;
}

/* Flows the next page (the first from the head), building units until the flow stops short
 * of those still to change, then evens it. */
static ink_status_t
flow_page (ink_pager_t *pg)
{
  lay_t *L = &pg->L;
  size_t from = pg->started ? L->next.ui : 0, page = pg->started ? L->next.page : 0;
  ink_status_t st = ahead (L, from, page, 0);
  if (st == INK_OK)
    st = pg->started ? ink__pages_resume (L) : ink__pages_start (L);
  pg->started = true;
  int32_t full[INK_MAKEUP_MAX_COLS];
  for (unsigned k = 0; k < INK_MAKEUP_MAX_COLS; k++)
    full[k] = L->bottom;
  for (size_t more = AHEAD_UNITS; st == INK_OK && !settled (L); more *= 2) {
    snap_t sn = L->snap;
    if ((st = ahead (L, sn.ui, sn.page, L->units.n - sn.ui + more)) == INK_OK)
      st = ink__set_page_cols (L, &sn, full);
  }
  return st == INK_OK ? even_page (L) : st;
}

/* Page q's items, records, glyphs and text copied into doc, a document of one page. */
static ink_status_t
copy_page (const ink_document_t *from, size_t q, ink_document_t *doc)
{
  const ink__page_t *P = &from->pages.v[q];
  size_t g0 = SIZE_MAX, g1 = 0, t0 = SIZE_MAX, t1 = 0;
  for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
    const ink__item_t *it = &from->items.v[i];
    if (it->kind != INK_ITEM_GLYPHS)
      continue;
    g0 = it->g0 < g0 ? it->g0 : g0, g1 = it->g0 + it->ng > g1 ? it->g0 + it->ng : g1;
    t0 = it->t0 < t0 ? it->t0 : t0, t1 = it->t0 + it->nt > t1 ? it->t0 + it->nt : t1;
  }
  for (size_t i = P->l0; i < P->l0 + P->nl; i++) {
    const ink__lrec_t *l = &from->lines.v[i];
    t0 = l->text_off < t0 ? l->text_off : t0;
    t1 = l->text_off + l->text_len > t1 ? l->text_off + l->text_len : t1;
  }
  g0 = g0 < g1 ? g0 : g1;
  t0 = t0 < t1 ? t0 : t1;
  ink_context_t *ctx = doc->ctx;
  ink__page_t one = { 0, P->ni, 0, P->nl, 0, 0, P->body_top, P->body_bottom, P->band_top,
                      P->ncols };
  if (!ink__vec_push (ctx, &doc->pages, one) ||
      !ink__vec_reserve (ctx, &doc->items, P->ni) || !ink__vec_reserve (ctx, &doc->lines, P->nl) ||
      !ink__vec_reserve (ctx, &doc->glyphs, g1 - g0 + 1) ||
      !ink__str_append (ctx, &doc->text, from->text.s ? from->text.s + t0 : "", t1 - t0))
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  for (size_t i = 0; i < P->ni; i++) {
    ink__item_t it = from->items.v[P->i0 + i];
    if (it.kind == INK_ITEM_GLYPHS)
      it.g0 -= g0, it.t0 -= t0;
    doc->items.v[doc->items.n++] = it;
  }
  for (size_t i = 0; i < P->nl; i++) {
    ink__lrec_t l = from->lines.v[P->l0 + i];
    l.text_off -= t0;
    doc->lines.v[doc->lines.n++] = l;
  }
  if (g1 > g0)
    memcpy (doc->glyphs.v, from->glyphs.v + g0, (g1 - g0) * sizeof *doc->glyphs.v);
  doc->glyphs.n = g1 - g0;
  return INK_OK;
}

/* The article's reports on its last page doc: overflow, missing glyphs and their runs (those
 * of every running line set, as ink_document_layout gathers them after its running lines). */
static ink_status_t
last_reports (ink_pager_t *pg, ink_document_t *doc)
{
  lay_t *L = &pg->L;
  ink_document_t *from = pg->doc;
  ink_status_t st = ink__missing_runs (L);
  if (st != INK_OK)
    return st;
  doc->overflow_blocks = from->overflow_blocks;
  doc->overflow_chars = from->overflow_chars;
  doc->missing = from->missing + pg->run_missing;
  size_t n = from->missing_runs.n;
  if (n && !ink__vec_reserve (doc->ctx, &doc->missing_runs, n))
    return ink__error (doc->ctx, INK_NO_MEMORY, "out of memory");
  if (n)
    memcpy (doc->missing_runs.v, from->missing_runs.v, n * sizeof *doc->missing_runs.v);
  doc->missing_runs.n = n;
  return INK_OK;
}

/* A document of one page, page q of the pager's, with its running lines; the last carries
 * the article's reports. */
static ink_status_t
page_doc (ink_pager_t *pg, size_t q, ink_document_t **out)
{
  lay_t *L = &pg->L;
  ink_document_t *from = pg->doc;
  ink_context_t *ctx = from->ctx;
  *out = NULL;
  ink_document_t *doc = ink__alloc (ctx, sizeof *doc);
  if (!doc)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  doc->ctx = ctx;
  doc->tpl = ink_template_reference (from->tpl);
  doc->fonts = ink_fontset_reference (from->fonts);
  doc->article = from->article;
  doc->width = from->width, doc->height = from->height, doc->dpi = from->dpi;
  doc->grid_step = from->grid_step, doc->grid_base = from->grid_base;
  bool last = pg->ended && q + 1 == from->pages.n;
  ink_status_t st = copy_page (from, q, doc);
  if (st == INK_OK) {
    if (q == 0)
      ink__head_open (L, doc);
    ink__close_head_gaps (L, doc);
    if (last)
      ink__source_foot (L, doc, 0);
    else
      ink__quote_foot (L, doc, 0);
    /* The running lines are set as on the whole document: as page q of its total. */
    ink_document_t *keep = L->doc;
    size_t page = L->page;
    L->doc = doc;
    L->page_base = q;
    L->page_total = pg->ended ? from->pages.n : 0;
    size_t n0 = L->paras.n;
    st = ink__running_lines (L);
    L->doc = keep;
    L->page = page;
    /* The running lines' paragraphs go with the page (their missing characters noted). */
    for (size_t i = n0; i < L->paras.n; i++) {
      if (st == INK_OK)
        st = ink__missing_para_runs (L, L->paras.v[i]);
      ink__setpara_free (L, L->paras.v[i]);
    }
    pg->paras_freed += L->paras.n - n0;
    L->paras.n = n0;
  }
  pg->run_missing += doc->missing;
  doc->missing = 0;
  if (st == INK_OK && last)
    st = last_reports (pg, doc);
  if (st != INK_OK) {
    ink_document_destroy (doc);
    return st;
  }
  *out = doc;
  return INK_OK;
}

/* The pages before the one the flow goes on with are handed out: their items, records,
 * glyphs and text go, and the flow's place moves down with what stays. */
static void
drop_handed (ink_pager_t *pg)
{
  ink_document_t *doc = pg->doc;
  snap_t *nx = &pg->L.next;
  size_t cut[4] = { nx->items, nx->glyphs, nx->lines, nx->text };
  memmove (doc->items.v, doc->items.v + cut[0], (doc->items.n - cut[0]) * sizeof *doc->items.v);
  doc->items.n -= cut[0];
  memmove (doc->glyphs.v, doc->glyphs.v + cut[1], (doc->glyphs.n - cut[1]) * sizeof *doc->glyphs.v);
  doc->glyphs.n -= cut[1];
  memmove (doc->lines.v, doc->lines.v + cut[2], (doc->lines.n - cut[2]) * sizeof *doc->lines.v);
  doc->lines.n -= cut[2];
  if (doc->text.s) {
    memmove (doc->text.s, doc->text.s + cut[3], doc->text.n - cut[3] + 1);
    doc->text.n -= cut[3];
  }
  nx->items = nx->glyphs = nx->lines = nx->text = 0;
  for (size_t q = 0; q < doc->pages.n; q++)
    doc->pages.v[q] = (ink__page_t) { 0 };
}

static int
by_address (const void *a, const void *b)
{
  uintptr_t x = (uintptr_t) *(setpara_t *const *) a, y = (uintptr_t) *(setpara_t *const *) b;
  return x < y ? -1 : x > y;
}

/* The set paragraphs in gone (sorted, n of them) leave L->paras and are freed, their missing
 * characters noted first. */
static ink_status_t
free_paras (lay_t *L, setpara_t **gone, size_t n)
{
  ink_status_t st = INK_OK;
  size_t w = 0;
  for (size_t i = 0; i < L->paras.n; i++) {
    setpara_t *p = L->paras.v[i];
    if (!n || !bsearch (&p, gone, n, sizeof *gone, by_address)) {
      L->paras.v[w++] = p;
      continue;
    }
    if (st == INK_OK)
      st = ink__missing_para_runs (L, p);
    ink__setpara_free (L, p);
  }
  L->paras.n = w;
  return st;
}

/* The longest body paragraph set and the longest other (the first of those as long), as
 * ink__line_step finds them: the one line step of the make-up (balance.c) reads them, so
 * they are not freed while they are the longest. */
static void
longest (const lay_t *L, setpara_t **keep)
{
  keep[0] = keep[1] = NULL;
  for (size_t i = 0; i < L->paras.n; i++) {
    setpara_t *p = L->paras.v[i];
    int kind = p->role == INK_ROLE_BODY ? 0 : 1;
    if (!keep[kind] || p->para.lines.n > keep[kind]->para.lines.n)
      keep[kind] = p;
  }
}

/* Unit u's paragraph (and its drop cap, unless kept) joins gone; a stand-in of its role
 * takes its place. */
static void
let_go (ink_pager_t *pg, unit_t *u, setpara_t *const *keep, setpara_t **gone, size_t *n)
{
  gone[(*n)++] = u->p;
  if (u->p->cap && u->p->cap != keep[0] && u->p->cap != keep[1])
    gone[(*n)++] = u->p->cap;
  u->p = &pg->gone[u->p->role];
}

/* The paragraphs of units the flow has left behind for good are freed: those before the page
 * it goes on with and before any float still waiting (comments_follow, the overflow count and
 * a pull quote set again read from there on), but for the longest (see longest). */
static ink_status_t
free_flowed (ink_pager_t *pg)
{
  lay_t *L = &pg->L;
  const snap_t *nx = &L->next;
  size_t end = nx->ui, waiting[2] = { nx->pending, nx->pending_span };
  for (int i = 0; i < 2; i++)
    end = waiting[i] != NO_FLOAT && waiting[i] < end ? waiting[i] : end;
  if (end <= pg->freed)
    return INK_OK;
  size_t cap = 2 * (end - pg->freed) + 4, n = 0;
  setpara_t **gone = ink__realloc_array (L->ctx, NULL, 0, cap, sizeof *gone);
  if (!gone)
    return oom (L);
  setpara_t *keep[2];
  longest (L, keep);
  for (int k = 0; k < 2; k++) {
    unit_t *u = pg->kept[k] != SIZE_MAX ? &L->units.v[pg->kept[k]] : NULL;
    if (u && u->p != keep[0] && u->p != keep[1]) {
      let_go (pg, u, keep, gone, &n);
      pg->kept[k] = SIZE_MAX;
    }
  }
  for (size_t i = pg->freed; i < end; i++) {
    unit_t *u = &L->units.v[i];
    if (u->kind != U_PARA || !u->p || u->p == &pg->gone[u->p->role])
      continue;
    if (u->p == keep[0] || u->p == keep[1])
      pg->kept[u->p == keep[0] ? 0 : 1] = i;
    else
      let_go (pg, u, keep, gone, &n);
  }
  qsort (gone, n, sizeof *gone, by_address);
  size_t before = L->paras.n;
  ink_status_t st = free_paras (L, gone, n);
  pg->paras_freed += before - L->paras.n;
  ink__realloc_array (L->ctx, gone, cap, 0, sizeof *gone);
  pg->freed = end;
  return st;
}

/* Makes the next page final, or all the rest when the text ends there (or on it). */
static ink_status_t
next_final (ink_pager_t *pg)
{
  lay_t *L = &pg->L;
  ink_status_t st = flow_page (pg);
  if (st != INK_OK)
    return st;
  if (L->broke && !(L->units_done && L->next.ui >= ink__comments_start (L))) {
    pg->final = L->next.page;
    return INK_OK;
  }
  /* The text ended on this page: it is final with the pages after it, as the end of the
   * text may set it again (early.c, a float moved before its text). */
  while (st == INK_OK && L->broke)
    st = flow_page (pg);
  if (st != INK_OK)
    return st;
  L->page_limit = 0;
  st = ink__flow_end (L);
  pg->ended = true;
  pg->final = pg->doc->pages.n;
  return st;
}

/* The article's first page is noted to be set again once the text has ended (quotehead.c,
 * tablemid.c): no page is final before then. */
static bool
first_noted (const lay_t *L)
{
  return L->quote_top_set || L->table_end_set || L->table_top_set;
}

/* Sets pages until one is final that is not handed out yet (all of them when they wait for
 * the total or for page 1 set again), logging nothing when the pager is quiet. */
static ink_status_t
set_pages (ink_pager_t *pager)
{
  ink_context_t *ctx = pager->L.ctx;
  ink__quiet_t q = pager->quiet ? ink__quiet (ctx) : (ink__quiet_t) { 0 };
  ink_status_t st = INK_OK;
  while (st == INK_OK && pager->handed == pager->final && !pager->ended)
    st = next_final (pager);
  while (st == INK_OK && (pager->hold || first_noted (&pager->L)) && !pager->ended)
    st = next_final (pager);
  if (pager->quiet)
    ink__quiet_end (ctx, q);
  return st;
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_pager_next (ink_pager_t *pager, ink_document_t **page)
{
  if (!page)
    return INK_INVALID;
  *page = NULL;
  if (!pager || pager->failed)
    return INK_INVALID;
  ink_status_t st = set_pages (pager);
  if (st == INK_OK && pager->handed < pager->final)
    st = page_doc (pager, pager->handed, page);
  if (st != INK_OK) {
    pager->failed = true;
    return st;
  }
  if (!*page)
    return INK_OK;
  pager->handed++;
  if (!pager->ended && pager->handed == pager->final) {
    drop_handed (pager);
    if ((st = free_flowed (pager)) != INK_OK) {
      ink_document_destroy (*page);
      *page = NULL;
      pager->failed = true;
      return st;
    }
  }
  return pager->ended && pager->handed == pager->final ? ink__layout_status (pager->doc)
                                                      : INK_OK;
}

/* Documented in include/inkset/inkset-document.h. */
size_t
ink_pager_progress (const ink_pager_t *pager, size_t *paragraphs)
{
  if (paragraphs)
    *paragraphs = pager ? pager->L.paras.n + pager->paras_freed : 0;
  return pager ? pager->handed : 0;
}

/* Documented in include/inkset/inkset-document.h. */
void
ink_pager_destroy (ink_pager_t *pager)
{
  if (!pager)
    return;
  ink_context_t *ctx = pager->doc->ctx;
  ink__layout_free (&pager->L);
  ink_document_destroy (pager->doc);
  ink__free (ctx, pager, sizeof *pager);
}
