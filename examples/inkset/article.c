/* inkset: one article's work on one thread (a slice, newsroom.c): it is read, laid out on its
 * own context and fontset, reported on (slice 0 only), and every count-th page written. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sheet.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Renders page p to path. On failure, *named says whether the context's message names path. */
static ink_status_t
write_page (ink_context_t *ctx, ink_document_t *doc, size_t p, const ink_pixfmt_t *fmt,
            ink_dither_t dither, bool raw, const char *path, bool *named)
{
  ink_page_source_t src;
  ink_frame_t frame;
  *named = false;
  ink_status_t st = ink_document_frame (doc, p, fmt, dither, &src, &frame);
  if (st != INK_OK)
    return st;
  if (!raw) {
    *named = true;
    return ink_png_render_file (ctx, path, &frame, 64);
  }
  size_t size = ink_frame_size (fmt, frame.width, frame.height);
  uint8_t *buf = malloc (size ? size : 1);
  st = buf ? ink_frame_render (ctx, &frame, buf, size) : INK_NO_MEMORY;
  if (st == INK_OK) {
    *named = true;
    st = ink_raw_write_file (ctx, path, fmt, frame.width, frame.height, buf, size);
  }
  free (buf);
  return st;
}

/* Each page is drawn and encoded in blocks of a megabyte or more (the PNG writer's filtered
 * frame), freed at the page's end. glibc gives blocks that big back to the system and the
 * next page faults them in again, a page of memory at a time, which costs more than drawing
 * on some machines (docs/performance.md): kept in the process, the next page reuses them.
 * Set once the layout is done, whose growing arrays are cheaper as blocks of their own. */
static void
keep_freed_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
#endif
}

/* Slice s's pages: those p with p % s->count == s->index. A failure is kept in s for the
 * article's report (newsroom.c), and the other slices are told to stop. */
static void
write_pages (ink_context_t *ctx, ink_document_t *doc, run_t *run, article_job_t *a, slice_t *s)
{
  bool raw = !strcmp (run->o->format, "raw");
  const char *ext = raw ? "raw" : "png";
  keep_freed_memory ();
  for (size_t p = s->index; p < s->pages; p += s->count) {
    s->unwritten = p;
    if (__atomic_load_n (&a->stop, __ATOMIC_ACQUIRE))
      return;
    char *path = page_path (a->outdir, p + 1, ext);
    bool named = false;
    ink_status_t st = path ? write_page (ctx, doc, p, &run->fmt, run->dither, raw, path, &named)
                           : INK_NO_MEMORY;
    if (st == INK_CANCELLED) {
      free (path);
      return;   /* another slice failed: it reports */
    }
    if (st != INK_OK) {
      const char *m = *ink_context_error (ctx) ? ink_context_error (ctx) : ink_status_to_string (st);
      s->failed = p;
      s->fail_path = named ? NULL : path;
      s->fail_msg = strdup (m);
      if (named)
        free (path);
      __atomic_store_n (&a->stop, 1, __ATOMIC_RELEASE);
      return;
    }
    free (path);
    __atomic_fetch_add (&run->pages_written, 1, __ATOMIC_RELAXED);
  }
  s->unwritten = SIZE_MAX;
}

#define MISSING_LINES 12

/* One line per run of characters no font has (at most MISSING_LINES of them), then the
 * count of glyphs drawn as boxes and where fonts go. */
static void
warn_missing (warn_ctx_t *wc, ink_document_t *doc, const char *article)
{
  size_t missing = ink_document_missing_glyphs (doc), n;
  const ink_missing_run_t *runs = ink_document_missing_runs (doc, &n);
  for (size_t i = 0; i < n && i < MISSING_LINES; i++) {
    const ink_missing_run_t *r = &runs[i];
    char ch[5] = { 0 };
    uint32_t c = r->first;
    if (c < 0x80) {
      ch[0] = (char) c;
    } else if (c < 0x800) {
      ch[0] = (char) (0xC0 | c >> 6), ch[1] = (char) (0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      ch[0] = (char) (0xE0 | c >> 12), ch[1] = (char) (0x80 | (c >> 6 & 0x3F));
      ch[2] = (char) (0x80 | (c & 0x3F));
    } else {
      ch[0] = (char) (0xF0 | c >> 18), ch[1] = (char) (0x80 | (c >> 12 & 0x3F));
      ch[2] = (char) (0x80 | (c >> 6 & 0x3F)), ch[3] = (char) (0x80 | (c & 0x3F));
    }
    bool quote = c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) &&
                 (c & 0xFFFE) != 0xFFFE && !(c >= 0xFDD0 && c <= 0xFDEF);
    char at[64] = "";
    if (r->line)
      snprintf (at, sizeof at, ":%u:%u", r->line, r->column);
    warn (wc, "inkset: %s%s: warning: no font has U+%04X%s%s%s (%s%s), %zu character%s in "
          "this run drawn as boxes", article, at, (unsigned) c, quote ? " '" : "",
          quote ? ch : "", quote ? "'" : "", r->script,
          strcmp (r->script, "Common") && strcmp (r->script, "Inherited") ? " script" : "",
          r->chars, r->chars == 1 ? "" : "s");
  }
  if (n > MISSING_LINES)
    warn (wc, "inkset: %s: warning: %zu more run%s of characters no font has", article,
          n - MISSING_LINES, n - MISSING_LINES == 1 ? "" : "s");
  if (missing)
    warn (wc, "inkset: %s: warning: %zu glyph%s missing from the fonts (drawn as boxes); a font "
          "for them goes in the font folder (--font-dir, $INKSET_FONT_DIR) or the template",
          article, missing, missing == 1 ? "" : "s");
}

/* One PDF of every page into file. */
static int
write_pdf (ink_context_t *ctx, ink_document_t *doc, const char *file, FILE *err)
{
  ink_status_t st = ink_pdf_write_file (doc, file);
  if (st == INK_OK)
    return 0;
  const char *m = *ink_context_error (ctx) ? ink_context_error (ctx) : ink_status_to_string (st);
  if (st == INK_UNSUPPORTED)
    fprintf (err, "inkset: %s: %s\n", file, m);
  else
    fprintf (err, "inkset: %s\n", m);   /* it names the file */
  return EXIT_OUTPUT;
}

/* Stops a slice's drawing when another slice of its article has failed. */
static ink_status_t
on_progress (void *user, ink_progress_stage_t stage, size_t done, size_t total)
{
  article_job_t *a = user;
  (void) stage, (void) done, (void) total;
  return __atomic_load_n (&a->stop, __ATOMIC_ACQUIRE) ? INK_CANCELLED : INK_OK;
}

/* Draws one page on a Linux framebuffer, or a regular file standing in for one. */
static int
draw_fb (ink_context_t *ctx, ink_document_t *doc, const run_t *run, FILE *err)
{
  const opts_t *o = run->o;
  size_t pages = ink_document_page_count (doc);
  size_t page = o->page > 0 ? (size_t) o->page - 1 : 0;
  if (page >= pages) {
    fprintf (err, "inkset: --page %ld: the article has %zu pages\n", o->page, pages);
    return EXIT_INPUT;
  }
  uint32_t w, h;
  ink_document_page_size (doc, &w, &h);
  ink_fb_options_t fo;
  memset (&fo, 0, sizeof fo);
  fo.struct_size = sizeof fo;
  /* A regular file stands in for a device of the page's size at 8 bits. */
  fo.width = run->fmt.rotate % 2 ? h : w;
  fo.height = run->fmt.rotate % 2 ? w : h;
  fo.bits_per_pixel = 8;
  ink_fb_t *fb = NULL;
  struct stat sb;
  if (stat (o->fb, &sb) != 0 && errno == ENOENT) {
    /* Nothing there yet: make the stand-in file. */
    FILE *f = fopen (o->fb, "wb");
    if (f)
      fclose (f);
  }
  ink_status_t st = ink_fb_open (ctx, o->fb, &fo, &fb);
  ink_page_source_t src;
  ink_frame_t frame;
  ink_pixfmt_t fb_fmt = run->fmt;
  fb_fmt.bpp = 8;
  fb_fmt.kind = INK_PIXKIND_GRAY;
  if (st == INK_OK)
    st = ink_document_frame (doc, page, &fb_fmt, run->dither, &src, &frame);
  if (st == INK_OK)
    st = ink_fb_draw (fb, &frame, 64);
  if (st == INK_OK) {
    ink_waveform_t wf = INK_WAVEFORM_FULL;
    if (o->waveform && !strcmp (o->waveform, "partial"))
      wf = INK_WAVEFORM_PARTIAL;
    else if (o->waveform && !strcmp (o->waveform, "fast"))
      wf = INK_WAVEFORM_FAST;
    st = ink_fb_refresh (fb, NULL, wf, true);
  }
  ink_fb_close (fb);
  if (st == INK_OK)
    return 0;
  if (*ink_context_error (ctx))
    fprintf (err, "inkset: %s\n", ink_context_error (ctx));
  else
    fprintf (err, "inkset: %s: %s\n", o->fb, ink_status_to_string (st));
  return EXIT_OUTPUT;
}

/* The article, from its file or from standard input's bytes (JSON when they open with '{'). */
static ink_status_t
load_article (ink_context_t *ctx, const article_job_t *a, ink_article_t **out, ink_diag_t *diag)
{
  if (!a->src)
    return ink_article_load (ctx, a->path, out, diag);
  size_t i = 0;
  while (i < a->len && (a->src[i] == ' ' || a->src[i] == '\t' || a->src[i] == '\n' ||
                        a->src[i] == '\r'))
    i++;
  if (i < a->len && a->src[i] == '{')
    return ink_article_parse_json (ctx, a->src, a->len, ".", out, diag);
  return ink_article_parse_markdown (ctx, a->src, a->len, ".", out, diag);
}

/* The layout failed (not an overflow): one line naming the article, or the font file. */
static int
fail_layout (FILE *err, ink_context_t *ctx, const char *name, ink_status_t st)
{
  if (st == INK_FONT && strstr (ink_context_error (ctx), ": "))
    fprintf (err, "inkset: %s\n", ink_context_error (ctx));   /* names the font file */
  else
    fprintf (err, "inkset: %s: %s\n", name, *ink_context_error (ctx) ? ink_context_error (ctx)
                                                                     : ink_status_to_string (st));
  return EXIT_INPUT;
}

/* The layout JSON, to a file or standard output. */
static int
write_layout_json (ink_context_t *ctx, ink_document_t *doc, const char *file, FILE *err)
{
  const char *json;
  size_t len;
  if (ink_document_layout_json (doc, &json, &len) != INK_OK) {
    fprintf (err, "inkset: %s: %s\n", file, ink_context_error (ctx));
    return EXIT_OUTPUT;
  }
  if (!strcmp (file, "-")) {
    errno = 0;
    if (fwrite (json, 1, len, stdout) != len || fflush (stdout) != 0) {
      fprintf (err, "inkset: standard output: %s\n", strerror (errno ? errno : EIO));
      return EXIT_OUTPUT;
    }
  } else if (ink_file_write (ctx, file, json, len) != INK_OK) {
    fprintf (err, "inkset: %s\n", ink_context_error (ctx));   /* it names the file */
    return EXIT_OUTPUT;
  }
  return 0;
}

/* A file an option names, for this article: as given for one article, else that file's name
 * in the article's folder. NULL when out of memory. */
static char *
article_file (const run_t *run, const article_job_t *a, const char *file)
{
  if (run->o->narticles == 1 || !strcmp (file, "-"))
    return strdup (file);
  const char *base = strrchr (file, '/') ? strrchr (file, '/') + 1 : file;
  size_t n = strlen (a->outdir) + strlen (base) + 2;
  char *p = malloc (n);
  if (p)
    snprintf (p, n, "%s/%s", a->outdir, base);
  return p;
}

/* What slice 0 does once the article is laid out, before any page is written: the overflow,
 * the warnings, --strict, the output folder, the layout JSON, the contact sheet, the PDF. */
static int
report_article (ink_context_t *ctx, ink_document_t *doc, const run_t *run, article_job_t *a,
                ink_status_t st)
{
  const opts_t *o = run->o;
  FILE *err = a->errf;
  int rc = 0;
  if (st == INK_OVERFLOW) {
    size_t ob, oc;
    ink_document_overflow (doc, &ob, &oc);
    fprintf (err, "inkset: %s: overflow: %zu characters in %zu blocks did not fit in %zu pages\n",
             a->name, oc, ob, ink_document_page_count (doc));
    rc = EXIT_OVERFLOW;
  }
  warn_missing (&a->wc, doc, a->name);
  if (o->strict && a->wc.count) {
    fprintf (err, "inkset: %s: %zu warning%s, which --strict makes errors; no pages "
             "written\n", a->name, a->wc.count, a->wc.count == 1 ? "" : "s");
    return EXIT_INPUT;
  }
  bool pdf = !strcmp (o->format, "pdf");
  int e = pdf && o->narticles == 1 ? 0 : make_dir (a->outdir);
  if (e) {
    if (e == ENAMETOOLONG)
      fprintf (err, "inkset: %s: cannot create the output folder: %s (the path is %zu "
               "characters long)\n", a->outdir, strerror (e), strlen (a->outdir));
    else
      fprintf (err, "inkset: %s: cannot create the output folder: %s\n", a->outdir, strerror (e));
    return EXIT_OUTPUT;
  }
  char *file = o->layout_json ? article_file (run, a, o->layout_json) : NULL;
  int frc = o->layout_json ? (file ? write_layout_json (ctx, doc, file, err) : EXIT_OUTPUT) : 0;
  free (file);
  if (frc)
    return frc;
  file = o->sheet ? article_file (run, a, o->sheet) : NULL;
  if (o->sheet && (!file || sheet_write (ctx, doc, file) != INK_OK)) {
    fprintf (err, "inkset: %s: %s\n", file ? file : o->sheet, *ink_context_error (ctx) ?
             ink_context_error (ctx) : "cannot write the contact sheet");
    free (file);
    return EXIT_OUTPUT;
  }
  free (file);
  if (pdf) {
    file = o->narticles == 1 ? strdup (o->outdir) : article_file (run, a, a->pdf);
    int prc = file ? write_pdf (ctx, doc, file, err) : EXIT_OUTPUT;
    free (file);
    return prc ? prc : rc;
  }
  return rc;
}

/* Slice 0 has checked the article: the other slices wait for its word. */
static bool
gate (article_job_t *a, slice_t *s, int set)
{
  pthread_mutex_lock (&a->lock);
  if (s->index == 0) {
    a->gate = set;
    pthread_cond_broadcast (&a->cond);
  }
  while (a->gate == 0)
    pthread_cond_wait (&a->cond, &a->lock);
  bool go = a->gate > 0;
  pthread_mutex_unlock (&a->lock);
  return go;
}

/* Documented in cli.h. */
void
render_slice (run_t *run, article_job_t *a, slice_t *s)
{
  const opts_t *o = run->o;
  bool lead = s->index == 0;
  ink_context_t *ctx = NULL;
  ink_article_t *article = NULL;
  ink_fontset_t *fonts = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag = { 0 };
  int rc = 0;
  ink_status_t st = INK_NO_MEMORY;
  pagemem_t mem = { .heap = run->heap_huge && pthread_equal (pthread_self (), run->heap_thread) };
  if (ink_context_create (pagemem_realloc, &mem, &ctx) != INK_OK) {
    fprintf (a->errf, "inkset: out of memory\n");
    rc = EXIT_INPUT;
    goto checked;
  }
  if (lead)
    ink_context_set_log (ctx, on_log, &a->wc);
  ink_context_set_progress (ctx, on_progress, a);
  st = load_article (ctx, a, &article, &diag);
  if (st != INK_OK) {
    rc = lead ? fail_diag (a->errf, a->name, st, &diag, ctx) : EXIT_INPUT;
    goto checked;
  }
  /* Each article has its own fontset: faces load on first use, on the thread that asks. */
  st = ink_fontset_create (ctx, o->font_dir, &fonts);
  if (st != INK_OK) {
    if (lead)
      fprintf (a->errf, "inkset: %s\n", ink_context_error (ctx));
    rc = EXIT_INPUT;
    goto checked;
  }
  ink_layout_options_t lo = { .struct_size = sizeof lo };
  lo.max_pages = (unsigned) (o->max_pages > 0 ? o->max_pages : 0);
  st = ink_document_layout (ctx, article, run->tpl, fonts, &lo, &doc);
  if (st != INK_OK && st != INK_OVERFLOW)
    rc = lead ? fail_layout (a->errf, ctx, a->name, st) : EXIT_INPUT;
  else if (lead)
    rc = report_article (ctx, doc, run, a, st);
checked:
  if (lead)
    a->rc = rc;
  bool pages = !strcmp (o->format, "pdf") ? false : rc == 0 || rc == EXIT_OVERFLOW;
  if (gate (a, s, pages ? 1 : -1) && !doc) {
    /* The lead's layout worked: this one was stopped by a failing slice, or ran out of
     * memory, which is then this slice's failure. */
    s->unwritten = s->index;
    if (st != INK_CANCELLED) {
      s->failed = s->index;
      s->fail_msg = strdup (*ink_context_error (ctx) ? ink_context_error (ctx) : "out of memory");
      __atomic_store_n (&a->stop, 1, __ATOMIC_RELEASE);
    }
  } else if (a->gate > 0) {
    s->pages = ink_document_page_count (doc);
    mem.pages = true;
    write_pages (ctx, doc, run, a, s);
    if (lead && o->fb && s->unwritten == SIZE_MAX && s->failed == SIZE_MAX) {
      int frc = draw_fb (ctx, doc, run, a->errf);
      a->rc = frc ? frc : a->rc;
    }
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fonts);
  ink_article_destroy (article);
  ink_context_destroy (ctx);
  pagemem_release (&mem);
}
