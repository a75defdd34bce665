/* inkset: the command-line tool. It uses only <inkset/inkset.h>.
 *
 *   inkset render ARTICLE... [-t TEMPLATE] [-o OUTDIR] [--bpp 1|2|4|8] [--dither METHOD]
 *                 [--rotate 0|90|180|270] [--format png|raw|pdf] [--layout-json FILE]
 *                 [--max-pages N] [--panel PRESET] [--font-dir DIR] [--strict]
 *                 [--contact-sheet FILE] [-j N]
 *   inkset templates
 *
 * Exit status: 0 success, 1 bad input or usage (or, with --strict, a warning), 2 a failure
 * writing output, 3 the article did not fit in --max-pages (what did not fit is reported); with
 * several articles, the status of the first that failed. */
#define _POSIX_C_SOURCE 200809L /* opendir, unlink */
#include <inkset/inkset.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newsroom.h"
#include "sheet.h"

static const char usage[] =
  "usage: inkset render ARTICLE... [options]\n"
  "       inkset templates\n"
  "\n"
  "Sets ARTICLE (Markdown with front matter, or .json; - reads one from standard input) on a\n"
  "page template and writes OUTDIR/page-001.png, page-002.png, ... With several articles,\n"
  "each article's files go to OUTDIR/STEM/ (STEM: the file name without its extension, stdin\n"
  "for -, then -2, -3, ... for a name an earlier article has): its pages, its --layout-json\n"
  "and --contact-sheet files by their names, and with --format pdf STEM.pdf. Each file is\n"
  "written whole or not at all. Pages of an earlier render beyond this one's last\n"
  "(page-NNN of the same format) are removed.\n"
  "If writing fails on a later page, the pages this render wrote stay and the earlier\n"
  "render's pages from there on are removed; the error says which were written.\n"
  "\n"
  "options:\n"
  "  -t, --template NAME|PATH   a bundled template (see 'inkset templates') or a file;\n"
  "                             default kiosk-10.3\n"
  "  -o, --output DIR           where pages go (default: out)\n"
  "  --bpp 1|2|4|8              bits per pixel (default: the template's panel)\n"
  "  --dither METHOD            none, floyd-steinberg, atkinson, bayer, blue-noise:\n"
  "                             how pictures are dithered; text never is\n"
  "  --rotate 0|90|180|270      rotate pages clockwise for the panel\n"
  "  --format png|raw|pdf       PNG at the panel's depth, the packed bytes it takes, or one\n"
  "                             PDF of all pages (then -o names the file; default out.pdf)\n"
  "  --panel PRESET             a pixel format preset (gray8, gray4, mono, ssd1680,\n"
  "                             epdiy4, it8951-4, inkplate1, bwr, acep7, spectra6, ...)\n"
  "  --layout-json FILE         write what the pages hold as JSON (- for standard output)\n"
  "  --contact-sheet FILE       also write every page side by side, scaled down, as one PNG\n"
  "  --max-pages N              at most N pages; what does not fit is reported (exit 3)\n"
  "  --font-dir DIR             where fonts are found (default: $INKSET_FONT_DIR, then\n"
  "                             the installed fonts)\n"
  "  --levels L0,L1,...         the greys the panel really shows for each code (0 black ..\n"
  "                             255 white), measured: a calibration for 2 and 4 bpp\n"
  "  --fb PATH                  also draw one page on a Linux framebuffer (/dev/fb0) and\n"
  "                             refresh it; a regular file stands in for a device\n"
  "  --page N                   the page --fb draws (default 1)\n"
  "  --waveform full|partial|fast   the e-ink refresh --fb asks for (default full)\n"
  "  -j, --jobs N               render on N threads (default 1): several articles at once,\n"
  "                             or one article's pages; the files and messages are the same\n"
  "                             as with one thread. On a terminal, a progress line\n"
  "  --strict                   any warning about the content (characters no font has,\n"
  "                             Markdown not set as written, ...) is an error: no pages\n"
  "                             are written and the exit status is 1\n"
  "  -h, --help                 this help\n"
  "  --version                  the version\n"
  "\n"
  "exit status: 0 success (warnings, if any, on stderr), 1 bad input or usage, or a\n"
  "warning with --strict, 2 a failure writing output, 3 the article did not fit in\n"
  "--max-pages. With several articles, each one's messages name its file, and the status\n"
  "is the first failing article's\n";

#define WARN_MAX ((size_t) 1 << 20)

static void
warn (warn_ctx_t *w, const char *fmt, ...)
{
  va_list ap;
  w->count++;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  size_t need = w->len + (size_t) (n > 0 ? n : 0) + 2;
  if (n < 0 || need > WARN_MAX) {
    w->dropped++;
    return;
  }
  if (need > w->cap) {
    size_t cap = w->cap ? w->cap : 4096;
    while (cap < need)
      cap *= 2;
    char *b = realloc (w->buf, cap);
    if (!b) {
      w->dropped++;
      return;
    }
    w->buf = b;
    w->cap = cap;
  }
  va_start (ap, fmt);
  vsnprintf (w->buf + w->len, w->cap - w->len, fmt, ap);
  va_end (ap);
  w->len += (size_t) n;
  w->buf[w->len++] = '\n';
}

void
warn_flush (warn_ctx_t *w, const char *article)
{
  if (w->len)
    fwrite (w->buf, 1, w->len, stderr);
  if (w->dropped)
    fprintf (stderr, "inkset: %s: warning: %zu more warnings not shown\n", article, w->dropped);
  free (w->buf);
}

/* Warnings come as "LINE:COLUMN: text" or plain text; they are prefixed with the file. */
static void
on_log (void *user, ink_log_level_t level, const char *message)
{
  warn_ctx_t *w = user;
  if (level > INK_LOG_WARNING)
    return;
  size_t n = strlen (w->file);
  if (strncmp (message, w->file, n) == 0 && message[n] == ':') {
    warn (w, "inkset: %s", message);   /* it names the file already */
    return;
  }
  const char *kind = level == INK_LOG_WARNING ? "warning: " : "";
  unsigned line, col;
  int at = 0;
  if (sscanf (message, "%u:%u: %n", &line, &col, &at) == 2 && at > 0)
    warn (w, "inkset: %s:%u:%u: %s%s", w->file, line, col, kind, message + at);
  else
    warn (w, "inkset: %s: %s%s", w->file, kind, message);
}

static int
fail_diag (FILE *err, const char *file, ink_status_t st, const ink_diag_t *diag,
           ink_context_t *ctx)
{
  if (st == INK_PARSE || diag->message[0]) {
    if (diag->line)
      fprintf (err, "inkset: %s:%u:%u: %s\n", file, diag->line, diag->column, diag->message);
    else if (strncmp (diag->message, file, strlen (file)) == 0
             && diag->message[strlen (file)] == ':')
      fprintf (err, "inkset: %s\n", diag->message);   /* it names the file already */
    else
      fprintf (err, "inkset: %s: %s\n", file, diag->message);
  } else {
    const char *m = ink_context_error (ctx);
    size_t n = strlen (file);
    /* A message that already names a file ("x.md: No such file", "fonts/x.ttf: not a font")
     * stands on its own. */
    if (*m && ((strncmp (m, file, n) == 0 && m[n] == ':') || (m[0] == '/' && strstr (m, ": "))))
      fprintf (err, "inkset: %s\n", m);
    else
      fprintf (err, "inkset: %s: %s\n", file, *m ? m : ink_status_to_string (st));
  }
  return EXIT_INPUT;
}

/* Makes dir and its parents; 0, or the errno of the failing call. */
static int
make_dir (const char *dir)
{
  size_t n = strlen (dir);
  if (n == 0)
    return ENOENT;
  char *buf = malloc (n + 1);
  if (!buf)
    return ENOMEM;
  memcpy (buf, dir, n + 1);
  int err = 0;
  for (size_t i = 1; i <= n && !err; i++) {
    if (buf[i] == '/' || buf[i] == 0) {
      char c = buf[i];
      buf[i] = 0;
      if (mkdir (buf, 0777) != 0 && errno != EEXIST)
        err = errno;
      buf[i] = c;
    }
  }
  free (buf);
  struct stat st;
  if (!err && stat (dir, &st) != 0)
    err = errno;
  else if (!err && !S_ISDIR (st.st_mode))
    err = ENOTDIR;
  return err;
}

/* OUTDIR/page-NNN.EXT, allocated to its length (never cut); NULL when out of memory. */
char *
page_path (const char *dir, size_t page, const char *ext)
{
  int n = snprintf (NULL, 0, "%s/page-%03zu.%s", dir, page, ext);
  char *p = n > 0 ? malloc ((size_t) n + 1) : NULL;
  if (p)
    snprintf (p, (size_t) n + 1, "%s/page-%03zu.%s", dir, page, ext);
  return p;
}

/* The page number of a name this tool writes (page-NNN.EXT, as page_path spells it), or 0. */
static size_t
page_number (const char *name, const char *ext)
{
  if (strncmp (name, "page-", 5) != 0)
    return 0;
  char *end;
  errno = 0;
  unsigned long long n = strtoull (name + 5, &end, 10);
  if (errno || n == 0 || n > SIZE_MAX || *end != '.' || strcmp (end + 1, ext) != 0)
    return 0;
  char canon[64];
  snprintf (canon, sizeof canon, "page-%03zu.%s", (size_t) n, ext);
  return strcmp (canon, name) == 0 ? (size_t) n : 0;
}

/* Removes OUTDIR's pages numbered from `from` on, left by an earlier render; counts them in
 * removed. 0, or the errno of the first failing call with its path in failed (malloc'd); the
 * others are still tried. */
int
remove_pages_from (const char *dir, const char *ext, size_t from, size_t *removed, char **failed)
{
  *removed = 0;
  *failed = NULL;
  DIR *d = opendir (dir);
  if (!d)
    return errno;
  int err = 0;
  struct dirent *e;
  while ((e = readdir (d)) != NULL) {
    size_t n = page_number (e->d_name, ext);
    if (n < from || n == 0)
      continue;
    char *path = page_path (dir, n, ext);
    if (path && unlink (path) == 0)
      (*removed)++;
    else if (!err) {
      err = path ? errno : ENOMEM;
      *failed = path;
      continue;
    }
    free (path);
  }
  closedir (d);
  return err;
}

static bool
is_file (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

static int
list_templates (void)
{
  for (const char *const *n = ink_template_builtin_names (); *n; n++)
    printf ("%s\n", *n);
  return 0;
}

static int
bad_option (const char *msg, const char *arg)
{
  fprintf (stderr, "inkset: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  fprintf (stderr, "Try 'inkset --help'.\n");
  return EXIT_INPUT;
}

#define MAX_JOBS 256

/* What several articles rule out: one standard input, one stream of JSON, one screen. */
static int
check_articles (const opts_t *o)
{
  if (!o->narticles)
    return bad_option ("render needs an ARTICLE", NULL);
  size_t stdin_count = 0;
  for (size_t i = 0; i < o->narticles; i++)
    stdin_count += !strcmp (o->articles[i], "-");
  if (stdin_count > 1)
    return bad_option ("standard input ('-') can be read once", NULL);
  if (o->narticles > 1 && o->layout_json && !strcmp (o->layout_json, "-"))
    return bad_option ("--layout-json - takes one article; with several, give a file name",
                       NULL);
  if (o->narticles > 1 && o->fb)
    return bad_option ("--fb draws a page of one article; several were given", NULL);
  return 0;
}

static int
parse (int argc, char **argv, opts_t *o)
{
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define TAKE(field) \
  do { \
    if (!v) \
      return bad_option ("option needs a value", a); \
    o->field = v; \
    i++; \
  } while (0)
    if (!strcmp (a, "-t") || !strcmp (a, "--template"))
      TAKE (tpl);
    else if (!strcmp (a, "-o") || !strcmp (a, "--output"))
      TAKE (outdir);
    else if (!strcmp (a, "--layout-json"))
      TAKE (layout_json);
    else if (!strcmp (a, "--contact-sheet"))
      TAKE (sheet);
    else if (!strcmp (a, "--font-dir"))
      TAKE (font_dir);
    else if (!strcmp (a, "--panel"))
      TAKE (panel);
    else if (!strcmp (a, "--dither"))
      TAKE (dither);
    else if (!strcmp (a, "--levels"))
      TAKE (levels);
    else if (!strcmp (a, "--fb"))
      TAKE (fb);
    else if (!strcmp (a, "--waveform")) {
      TAKE (waveform);
      if (strcmp (o->waveform, "full") && strcmp (o->waveform, "partial") && strcmp (o->waveform, "fast"))
        return bad_option ("--waveform takes full, partial or fast, not", o->waveform);
    } else if (!strcmp (a, "--page")) {
      if (!v)
        return bad_option ("option needs a value", a);
      i++;
      char *end;
      o->page = strtol (v, &end, 10);
      if (*end || o->page < 1 || o->page > 100000)
        return bad_option ("--page takes a page number from 1, not", v);
    }
    else if (!strcmp (a, "--format")) {
      TAKE (format);
      if (strcmp (o->format, "png") && strcmp (o->format, "raw") && strcmp (o->format, "pdf"))
        return bad_option ("--format takes png, raw or pdf, not", o->format);
    } else if (!strcmp (a, "--bpp")) {
      if (!v)
        return bad_option ("option needs a value", a);
      i++;
      if (strcmp (v, "1") && strcmp (v, "2") && strcmp (v, "4") && strcmp (v, "8"))
        return bad_option ("--bpp takes 1, 2, 4 or 8, not", v);
      o->bpp = atoi (v);
    } else if (!strcmp (a, "--rotate")) {
      if (!v)
        return bad_option ("option needs a value", a);
      i++;
      if (strcmp (v, "0") && strcmp (v, "90") && strcmp (v, "180") && strcmp (v, "270"))
        return bad_option ("--rotate takes 0, 90, 180 or 270, not", v);
      o->rotate = atoi (v);
    } else if (!strcmp (a, "--max-pages")) {
      if (!v)
        return bad_option ("option needs a value", a);
      i++;
      char *end;
      o->max_pages = strtol (v, &end, 10);
      if (*end || o->max_pages < 1 || o->max_pages > 100000)
        return bad_option ("--max-pages takes a number from 1 to 100000, not", v);
    } else if (!strcmp (a, "--strict")) {
      o->strict = true;
    } else if (!strcmp (a, "-j") || !strcmp (a, "--jobs")) {
      if (!v)
        return bad_option ("option needs a value", a);
      i++;
      char *end;
      o->jobs = strtol (v, &end, 10);
      if (*end || o->jobs < 1 || o->jobs > MAX_JOBS)
        return bad_option ("-j takes a number of threads from 1 to 256, not", v);
    } else if (a[0] == '-' && a[1]) {
      return bad_option ("unknown option", a);
    } else {
      o->articles[o->narticles++] = a;
    }
#undef TAKE
  }
  return check_articles (o);
}

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

/* Slice s's pages: those p with p % s->count == s->index. A failure is kept in s for the
 * article's report (newsroom.c), and the other slices are told to stop. */
static void
write_pages (ink_context_t *ctx, ink_document_t *doc, run_t *run, article_job_t *a, slice_t *s)
{
  bool raw = !strcmp (run->o->format, "raw");
  const char *ext = raw ? "raw" : "png";
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
    warn (wc, "inkset: %s: warning: %zu more runs of characters no font has", article,
          n - MISSING_LINES);
  if (missing)
    warn (wc, "inkset: %s: warning: %zu glyphs missing from the fonts (drawn as boxes); a font "
          "for them goes in the font folder (--font-dir, $INKSET_FONT_DIR) or the template",
          article, missing);
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

/* Documented in newsroom.h. */
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
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK) {
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
    s->failed = s->unwritten = s->index;   /* lead's layout worked: this one ran out of memory */
    s->fail_msg = strdup (*ink_context_error (ctx) ? ink_context_error (ctx) : "out of memory");
    __atomic_store_n (&a->stop, 1, __ATOMIC_RELEASE);
  } else if (a->gate > 0) {
    s->pages = ink_document_page_count (doc);
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
}

/* Options that need a value take it as the next argument. */
static int
open_template (ink_context_t *ctx, const opts_t *o, warn_ctx_t *wc, ink_template_t **tpl)
{
  const char *tname = o->tpl ? o->tpl : "kiosk-10.3";
  ink_diag_t diag = { 0 };
  wc->file = tname;
  ink_status_t st = ink_template_open (ctx, tname, tpl, &diag);
  if (st == INK_NOT_FOUND && !is_file (tname)) {
    fprintf (stderr, "inkset: %s: no such template (bundled: ", tname);
    const char *const *n = ink_template_builtin_names ();
    for (size_t i = 0; n[i]; i++)
      fprintf (stderr, "%s%s", i ? ", " : "", n[i]);
    fprintf (stderr, "; or give a path)\n");
    return EXIT_INPUT;
  }
  return st != INK_OK ? fail_diag (stderr, tname, st, &diag, ctx) : 0;
}

/* --levels: one grey per code, in order; -1 when the list is not one of numbers. */
static int
parse_levels (const char *s, uint8_t *levels)
{
  int n = 0;
  const char *p = s;
  while (*p && n < 16) {
    char *end;
    long v = strtol (p, &end, 10);
    if (end == p || v < 0 || v > 255)
      return -1;
    levels[n++] = (uint8_t) v;
    p = *end == ',' ? end + 1 : end;
    if (*end != ',' && *end)
      return -1;
  }
  return *p ? -1 : n;
}

/* The pixel format and dither, as the library chooses them for the template and the options. */
static int
pick_format (ink_context_t *ctx, run_t *run)
{
  const opts_t *o = run->o;
  uint8_t levels[16];
  ink_pixfmt_request_t rq = { .struct_size = sizeof rq, .panel = o->panel,
                              .bpp = (unsigned) o->bpp, .dither = o->dither };
  rq.rotate = o->rotate >= 0 ? (ink_rotate_t) (o->rotate / 90) : INK_ROTATE_0;
  int n = o->levels ? parse_levels (o->levels, levels) : 0;
  if (n < 0) {
    fprintf (stderr, "inkset: --levels wants greys from 0 to 255, separated by commas: %s\n",
             o->levels);
    return EXIT_INPUT;
  }
  rq.levels = o->levels ? levels : NULL;
  rq.nlevels = (size_t) n;
  ink_status_t st = ink_pixfmt_for_template (ctx, run->tpl, &rq, &run->fmt, &run->dither);
  ink_dither_t d;
  if (st == INK_OK)
    return 0;
  if (st == INK_NOT_FOUND && o->dither && ink_dither_from_name (o->dither, &d) != INK_OK)
    return bad_option ("--dither takes none, floyd-steinberg, atkinson, bayer or blue-noise, not",
                       o->dither);
  if (st == INK_NOT_FOUND) {
    fprintf (stderr, "inkset: unknown --panel preset: %s (known:", o->panel);
    for (size_t i = 0; ink_pixfmt_preset_name (i); i++)
      fprintf (stderr, " %s", ink_pixfmt_preset_name (i));
    fprintf (stderr, ")\n");
    return EXIT_INPUT;
  }
  fprintf (stderr, "inkset: %s\n", ink_context_error (ctx));
  return EXIT_INPUT;
}

static int
render (int argc, char **argv)
{
  static const char default_out[] = "out";
  opts_t o = { 0 };
  o.outdir = default_out;
  o.format = "png";
  o.rotate = -1;
  o.jobs = 1;
  o.articles = calloc ((size_t) argc, sizeof *o.articles);
  if (!o.articles) {
    fprintf (stderr, "inkset: out of memory\n");
    return EXIT_INPUT;
  }
  int rc = parse (argc, argv, &o);
  bool pdf = !strcmp (o.format, "pdf");
  if (!rc && pdf && o.outdir == default_out)
    o.outdir = o.narticles == 1 ? "out.pdf" : default_out;
  if (!rc && pdf && o.fb)
    rc = bad_option ("--fb draws pixels, not a PDF: leave out", "--format pdf");
  ink_context_t *ctx = NULL;
  if (!rc && ink_context_create (NULL, NULL, &ctx) != INK_OK) {
    fprintf (stderr, "inkset: out of memory\n");
    rc = EXIT_INPUT;
  }
  /* The template is read once and shared by every article's layout, read-only. */
  warn_ctx_t wc = { NULL, NULL, 0, 0, 0, 0 };
  ink_context_set_log (ctx, on_log, &wc);
  run_t run = { .o = &o };
  if (!rc)
    rc = open_template (ctx, &o, &wc, &run.tpl);
  if (!rc && !pdf)
    rc = pick_format (ctx, &run);
  if (!rc)
    rc = newsroom_run (&run);
  warn_flush (&wc, wc.file ? wc.file : "");
  ink_template_destroy (run.tpl);
  ink_context_destroy (ctx);
  free (o.articles);
  return rc;
}


int
main (int argc, char **argv)
{
  if (argc < 2 || !strcmp (argv[1], "-h") || !strcmp (argv[1], "--help") || !strcmp (argv[1], "help")) {
    fputs (usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_INPUT : 0;
  }
  if (!strcmp (argv[1], "--version")) {
    printf ("inkset %s\n", ink_version_string ());
    return 0;
  }
  if (!strcmp (argv[1], "templates"))
    return list_templates ();
  if (!strcmp (argv[1], "render")) {
    for (int i = 2; i < argc; i++)
      if (!strcmp (argv[i], "-h") || !strcmp (argv[i], "--help")) {
        fputs (usage, stdout);
        return 0;
      }
    return render (argc, argv);
  }
  return bad_option ("unknown command (try render or templates)", argv[1]);
}
