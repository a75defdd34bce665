/* inkset: the command-line tool. It uses only <inkset/inkset.h>.
 *
 *   inkset render ARTICLE [-t TEMPLATE] [-o OUTDIR] [--bpp 1|2|4|8] [--dither METHOD]
 *                 [--rotate 0|90|180|270] [--format png|raw|pdf] [--layout-json FILE]
 *                 [--max-pages N] [--panel PRESET] [--font-dir DIR] [--strict]
 *                 [--contact-sheet FILE]
 *   inkset templates
 *
 * Exit status: 0 success, 1 bad input or usage (or, with --strict, a warning), 2 a failure
 * writing output, 3 the article did not fit in --max-pages (what did not fit is reported). */
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

#include "sheet.h"

enum { EXIT_INPUT = 1, EXIT_OUTPUT = 2, EXIT_OVERFLOW = 3 };

static const char usage[] =
  "usage: inkset render ARTICLE [options]\n"
  "       inkset templates\n"
  "\n"
  "Sets ARTICLE (Markdown with front matter, or .json) on a page template and writes\n"
  "OUTDIR/page-001.png, page-002.png, ... Each file is written whole or not at all. Pages\n"
  "of an earlier render beyond this one's last (page-NNN of the same format) are removed.\n"
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
  "  --strict                   any warning about the content (characters no font has,\n"
  "                             Markdown not set as written, ...) is an error: no pages\n"
  "                             are written and the exit status is 1\n"
  "  -h, --help                 this help\n"
  "  --version                  the version\n"
  "\n"
  "exit status: 0 success (warnings, if any, on stderr), 1 bad input or usage, or a\n"
  "warning with --strict, 2 a failure writing output, 3 the article did not fit in\n"
  "--max-pages\n";

/* Warnings wait here and are printed at the end, so that when the command fails its error
 * is the first line of stderr. */
typedef struct {
  const char *file;
  char *buf;
  size_t len, cap;
  size_t dropped;   /* warnings past WARN_MAX bytes: only counted */
  size_t count;     /* warnings given, shown or not */
} warn_ctx_t;

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

static void
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
fail_diag (const char *file, ink_status_t st, const ink_diag_t *diag, ink_context_t *ctx)
{
  if (st == INK_PARSE || diag->message[0]) {
    if (diag->line)
      fprintf (stderr, "inkset: %s:%u:%u: %s\n", file, diag->line, diag->column, diag->message);
    else if (strncmp (diag->message, file, strlen (file)) == 0
             && diag->message[strlen (file)] == ':')
      fprintf (stderr, "inkset: %s\n", diag->message);   /* it names the file already */
    else
      fprintf (stderr, "inkset: %s: %s\n", file, diag->message);
  } else {
    const char *m = ink_context_error (ctx);
    size_t n = strlen (file);
    /* A message that already names a file ("x.md: No such file", "fonts/x.ttf: not a font")
     * stands on its own. */
    if (*m && ((strncmp (m, file, n) == 0 && m[n] == ':') || (m[0] == '/' && strstr (m, ": "))))
      fprintf (stderr, "inkset: %s\n", m);
    else
      fprintf (stderr, "inkset: %s: %s\n", file, *m ? m : ink_status_to_string (st));
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
static char *
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
static int
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

typedef struct {
  const char *article, *tpl, *outdir, *layout_json, *font_dir, *panel, *format;
  int bpp, rotate;
  const char *dither;
  long max_pages;
  const char *levels, *fb, *waveform;
  long page;
  bool strict;
  const char *sheet;
} opts_t;

static int
bad_option (const char *msg, const char *arg)
{
  fprintf (stderr, "inkset: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  fprintf (stderr, "Try 'inkset --help'.\n");
  return EXIT_INPUT;
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
    } else if (a[0] == '-' && a[1]) {
      return bad_option ("unknown option", a);
    } else if (!o->article) {
      o->article = a;
    } else {
      return bad_option ("one article at a time; extra argument", a);
    }
#undef TAKE
  }
  if (!o->article)
    return bad_option ("render needs an ARTICLE", NULL);
  return 0;
}

/* Why fmt cannot be made, in the options' terms: each suspect is undone in turn and the
 * library's own check asked again. */
static const char *
pixfmt_problem (const ink_pixfmt_t *fmt, const opts_t *o, char *buf, size_t size)
{
  ink_pixfmt_t t = *fmt;
  t.bpp = 0;
  if (o->bpp && o->panel && ink_pixfmt_check (&t) == INK_OK)
    snprintf (buf, size, "--panel %s has a fixed depth, which --bpp %d does not match", o->panel,
              o->bpp);
  else if (t = *fmt, t.gray_steps = 0, ink_pixfmt_check (&t) == INK_OK)
    snprintf (buf, size, "the %u grey steps of --panel %s need 8 bits per pixel, not %u",
              fmt->gray_steps, o->panel ? o->panel : "", fmt->bpp);
  else if (t = *fmt, memset (t.levels, 0, sizeof t.levels), ink_pixfmt_check (&t) == INK_OK)
    snprintf (buf, size, "--levels must not decrease from one code to the next: %s", o->levels);
  else
    snprintf (buf, size, "%u bits per pixel%s%s are not a format inkset writes", fmt->bpp,
              o->panel ? " on --panel " : "", o->panel ? o->panel : "");
  return buf;
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

/* The line for page written + 1 (path, freed here) that could not be written; the pages an
 * earlier render left from it on are removed. Returns the exit status. */
static int
write_failed (ink_context_t *ctx, const char *outdir, const char *ext, size_t written, char *path,
              bool named, ink_status_t st)
{
  size_t removed;
  char *failed;
  const char *m = *ink_context_error (ctx) ? ink_context_error (ctx) : ink_status_to_string (st);
  fprintf (stderr, "inkset: %s%s%s", named ? "" : path, named ? "" : ": ", m);
  free (path);
  if (written > 0) {
    remove_pages_from (outdir, ext, written + 1, &removed, &failed);
    free (failed);
    fprintf (stderr, "; pages 1 to %zu of this render were written", written);
    if (removed)
      fprintf (stderr, " and %zu pages of an earlier render after them removed", removed);
  }
  fputc ('\n', stderr);
  return EXIT_OUTPUT;
}

/* The pages an earlier render left after page pages are removed; the exit status. */
static int
remove_after (const char *outdir, const char *ext, size_t pages)
{
  size_t removed;
  char *failed;
  int err = remove_pages_from (outdir, ext, pages + 1, &removed, &failed);
  if (err) {
    fprintf (stderr, "inkset: %s: cannot remove a page left by an earlier render: %s\n",
             failed ? failed : outdir, strerror (err));
    free (failed);
    return EXIT_OUTPUT;
  }
  return 0;
}

/* Every page, then the pages an earlier render left after the last. On a failure the pages
 * written stay, the earlier render's pages from the failing one on are removed (so the folder
 * never holds pages of two renders) and the error line says so (docs/output.md). */
static int
write_pages (ink_context_t *ctx, ink_document_t *doc, const opts_t *o, const ink_pixfmt_t *fmt,
             ink_dither_t dither)
{
  bool raw = !strcmp (o->format, "raw");
  const char *ext = raw ? "raw" : "png";
  size_t pages = ink_document_page_count (doc), written = 0;
  for (; written < pages; written++) {
    char *path = page_path (o->outdir, written + 1, ext);
    if (!path) {
      fprintf (stderr, "inkset: out of memory\n");
      return EXIT_OUTPUT;
    }
    bool named;
    ink_status_t st = write_page (ctx, doc, written, fmt, dither, raw, path, &named);
    if (st != INK_OK)
      return write_failed (ctx, o->outdir, ext, written, path, named, st);
    free (path);
  }
  return remove_after (o->outdir, ext, pages);
}

/* Each page as the pager sets it: written, then freed, so page 1 is on disk before later
 * pages are set and memory stays flat with the article's length. Then, as write_pages does,
 * the pages an earlier render left after the last are removed. *last receives the last page,
 * which carries the article's overflow and missing characters; *st the pager's status. */
static int
stream_pages (ink_context_t *ctx, ink_pager_t *pager, const opts_t *o, const ink_pixfmt_t *fmt,
              ink_dither_t dither, ink_document_t **last, ink_status_t *st)
{
  bool raw = !strcmp (o->format, "raw");
  const char *ext = raw ? "raw" : "png";
  size_t written = 0;
  ink_document_t *page = NULL;
  *last = NULL;
  bool overflow = false;
  while (((*st = ink_pager_next (pager, &page)) == INK_OK || *st == INK_OVERFLOW) && page) {
    overflow |= *st == INK_OVERFLOW;   /* said with the last page */
    ink_document_destroy (*last);
    *last = page;
    char *path = page_path (o->outdir, written + 1, ext);
    if (!path) {
      fprintf (stderr, "inkset: out of memory\n");
      return EXIT_OUTPUT;
    }
    bool named;
    ink_status_t wst = write_page (ctx, page, 0, fmt, dither, raw, path, &named);
    if (wst != INK_OK)
      return write_failed (ctx, o->outdir, ext, written, path, named, wst);
    free (path);
    written++;
  }
  if (*st != INK_OK && *st != INK_OVERFLOW)
    return 0;   /* the caller reports the layout's failure */
  *st = overflow ? INK_OVERFLOW : INK_OK;
  return remove_after (o->outdir, ext, written);
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

/* The line for a layout that failed; the exit status. */
static int
layout_failed (ink_context_t *ctx, ink_status_t st, const char *article)
{
  if (st == INK_FONT && strstr (ink_context_error (ctx), ": "))
    fprintf (stderr, "inkset: %s\n", ink_context_error (ctx));   /* names the font file */
  else
    fprintf (stderr, "inkset: %s: %s\n", article, *ink_context_error (ctx) ?
             ink_context_error (ctx) : ink_status_to_string (st));
  return EXIT_INPUT;
}

/* The line for text that did not fit in pages pages (doc, or the last page, has the counts);
 * the exit status. */
static int
report_overflow (ink_document_t *doc, const char *article, size_t pages)
{
  size_t ob, oc;
  ink_document_overflow (doc, &ob, &oc);
  fprintf (stderr, "inkset: %s: overflow: %zu characters in %zu blocks did not fit in %zu pages\n",
           article, oc, ob, pages);
  return EXIT_OVERFLOW;
}

/* One PDF of every page into o->outdir, a file. */
static int
write_pdf (ink_context_t *ctx, ink_document_t *doc, const opts_t *o)
{
  ink_status_t st = ink_pdf_write_file (doc, o->outdir);
  if (st == INK_OK)
    return 0;
  const char *m = *ink_context_error (ctx) ? ink_context_error (ctx) : ink_status_to_string (st);
  if (st == INK_UNSUPPORTED)
    fprintf (stderr, "inkset: %s: %s\n", o->outdir, m);
  else
    fprintf (stderr, "inkset: %s\n", m);   /* it names the file */
  return EXIT_OUTPUT;
}

static int
render (int argc, char **argv)
{
  static const char default_out[] = "out";
  opts_t o = { 0 };
  o.outdir = default_out;
  o.format = "png";
  o.rotate = -1;
  int rc = parse (argc, argv, &o);
  if (rc)
    return rc;
  bool pdf = !strcmp (o.format, "pdf");
  if (pdf && o.outdir == default_out)
    o.outdir = "out.pdf";
  if (pdf && o.fb)
    return bad_option ("--fb draws pixels, not a PDF: leave out", "--format pdf");

  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK) {
    fprintf (stderr, "inkset: out of memory\n");
    return EXIT_INPUT;
  }
  warn_ctx_t wc = { o.article, NULL, 0, 0, 0, 0 };
  ink_context_set_log (ctx, on_log, &wc);
  ink_article_t *article = NULL;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fonts = NULL;
  ink_document_t *doc = NULL;
  ink_pager_t *pager = NULL;
  ink_diag_t diag = { 0 };
  ink_status_t st;
  rc = 0;

  st = ink_article_load (ctx, o.article, &article, &diag);
  if (st != INK_OK) {
    rc = fail_diag (o.article, st, &diag, ctx);
    goto done;
  }
  const char *tname = o.tpl ? o.tpl : "kiosk-10.3";
  wc.file = tname;
  memset (&diag, 0, sizeof diag);
  st = ink_template_open (ctx, tname, &tpl, &diag);
  if (st == INK_NOT_FOUND && !is_file (tname)) {
    fprintf (stderr, "inkset: %s: no such template (bundled: ", tname);
    const char *const *n = ink_template_builtin_names ();
    for (size_t i = 0; n[i]; i++)
      fprintf (stderr, "%s%s", i ? ", " : "", n[i]);
    fprintf (stderr, "; or give a path)\n");
    rc = EXIT_INPUT;
    goto done;
  }
  if (st != INK_OK) {
    rc = fail_diag (tname, st, &diag, ctx);
    goto done;
  }
  wc.file = o.article;
  st = ink_fontset_create (ctx, o.font_dir, &fonts);
  if (st != INK_OK) {
    fprintf (stderr, "inkset: %s\n", ink_context_error (ctx));
    rc = EXIT_INPUT;
    goto done;
  }
  ink_layout_options_t lo = { .struct_size = sizeof lo };
  lo.max_pages = (unsigned) (o.max_pages > 0 ? o.max_pages : 0);
  /* Only pages to write: each is written as soon as it is set (stream_pages). A template whose
   * running heads name the total still waits for the last page, so the pages are the same. */
  bool stream = !pdf && !o.layout_json && !o.sheet && !o.strict && !o.fb;
  st = stream ? ink_pager_create (ctx, article, tpl, fonts, &lo, INK_PAGER_TOTAL_WAIT, &pager)
              : ink_document_layout (ctx, article, tpl, fonts, &lo, &doc);
  if (st != INK_OK && st != INK_OVERFLOW) {
    rc = layout_failed (ctx, st, o.article);
    goto done;
  }
  if (st == INK_OVERFLOW)
    rc = report_overflow (doc, o.article, ink_document_page_count (doc));
  if (!stream)
    warn_missing (&wc, doc, o.article);
  if (o.strict && wc.count) {
    fprintf (stderr, "inkset: %s: %zu warning%s, which --strict makes errors; no pages "
             "written\n", o.article, wc.count, wc.count == 1 ? "" : "s");
    rc = EXIT_INPUT;
    goto done;
  }

  int err = pdf ? 0 : make_dir (o.outdir);
  if (err) {
    if (err == ENAMETOOLONG)
      fprintf (stderr, "inkset: %s: cannot create the output folder: %s (the path is %zu "
               "characters long)\n", o.outdir, strerror (err), strlen (o.outdir));
    else
      fprintf (stderr, "inkset: %s: cannot create the output folder: %s\n", o.outdir, strerror (err));
    rc = EXIT_OUTPUT;
    goto done;
  }
  if (o.layout_json) {
    const char *json;
    size_t len;
    if (ink_document_layout_json (doc, &json, &len) != INK_OK) {
      fprintf (stderr, "inkset: %s: %s\n", o.layout_json, ink_context_error (ctx));
      rc = EXIT_OUTPUT;
      goto done;
    }
    if (!strcmp (o.layout_json, "-")) {
      errno = 0;
      if (fwrite (json, 1, len, stdout) != len || fflush (stdout) != 0) {
        fprintf (stderr, "inkset: standard output: %s\n", strerror (errno ? errno : EIO));
        rc = EXIT_OUTPUT;
        goto done;
      }
    } else if (ink_file_write (ctx, o.layout_json, json, len) != INK_OK) {
      fprintf (stderr, "inkset: %s\n", ink_context_error (ctx));   /* it names the file */
      rc = EXIT_OUTPUT;
      goto done;
    }
  }

  if (o.sheet && sheet_write (ctx, doc, o.sheet) != INK_OK) {
    fprintf (stderr, "inkset: %s: %s\n", o.sheet, *ink_context_error (ctx) ?
             ink_context_error (ctx) : "cannot write the contact sheet");
    rc = EXIT_OUTPUT;
    goto done;
  }
  if (pdf) {
    int prc = write_pdf (ctx, doc, &o);
    rc = prc ? prc : rc;
    goto done;
  }

  /* The pixel format: a preset, else grey at the template's depth, then the options. */
  ink_pixfmt_t fmt;
  memset (&fmt, 0, sizeof fmt);
  if (o.panel && ink_pixfmt_preset (o.panel, &fmt) != INK_OK) {
    fprintf (stderr, "inkset: unknown --panel preset: %s (known:", o.panel);
    for (size_t i = 0; ink_pixfmt_preset_name (i); i++)
      fprintf (stderr, " %s", ink_pixfmt_preset_name (i));
    fprintf (stderr, ")\n");
    rc = EXIT_INPUT;
    goto done;
  }
  if (!o.panel)
    fmt.bpp = (uint8_t) ink_template_bpp (tpl);
  if (o.bpp)
    fmt.bpp = (uint8_t) o.bpp;
  if (o.rotate >= 0)
    fmt.rotate = (ink_rotate_t) (o.rotate / 90);
  if (o.levels) {
    /* A measured calibration: one grey per code, in order. */
    unsigned n = 0;
    const char *p = o.levels;
    while (*p && n < 16) {
      char *end;
      long v = strtol (p, &end, 10);
      if (end == p || v < 0 || v > 255)
        break;
      fmt.levels[n++] = (uint8_t) v;
      p = *end == ',' ? end + 1 : end;
      if (*end != ',' && *end)
        break;
    }
    unsigned want = fmt.bpp && fmt.bpp <= 4 ? 1u << fmt.bpp : 0;
    if (*p || n != want) {
      fprintf (stderr, "inkset: --levels wants %u greys from 0 to 255, separated by commas, for "
               "%u bpp: %s\n", want, fmt.bpp ? fmt.bpp : 8, o.levels);
      rc = EXIT_INPUT;
      goto done;
    }
  }
  ink_dither_t dither = INK_DITHER_FLOYD_STEINBERG;
  if (fmt.bpp == 1)
    dither = INK_DITHER_BLUE_NOISE;
  const char *tdither = ink_template_dither (tpl);
  if (tdither && !o.bpp)
    ink_dither_from_name (tdither, &dither);
  if (o.dither && ink_dither_from_name (o.dither, &dither) != INK_OK) {
    rc = bad_option ("--dither takes none, floyd-steinberg, atkinson, bayer or blue-noise, not",
                     o.dither);
    goto done;
  }
  if (ink_pixfmt_check (&fmt) != INK_OK) {
    char why[256];
    fprintf (stderr, "inkset: that pixel format cannot be made: %s\n",
             pixfmt_problem (&fmt, &o, why, sizeof why));
    rc = EXIT_INPUT;
    goto done;
  }
  if (stream) {
    ink_document_t *last = NULL;
    int wrc = stream_pages (ctx, pager, &o, &fmt, dither, &last, &st);
    if (!wrc && st != INK_OK && st != INK_OVERFLOW)
      wrc = layout_failed (ctx, st, o.article);
    else if (!wrc && st == INK_OVERFLOW)
      rc = report_overflow (last, o.article, ink_pager_progress (pager, NULL));
    if (last)
      warn_missing (&wc, last, o.article);
    ink_document_destroy (last);
    rc = wrc ? wrc : rc;
    goto done;
  }
  size_t pages = ink_document_page_count (doc);
  int wrc = write_pages (ctx, doc, &o, &fmt, dither);
  if (wrc) {
    rc = wrc;
    goto done;
  }

  if (o.fb) {
    size_t page = o.page > 0 ? (size_t) o.page - 1 : 0;
    if (page >= pages) {
      fprintf (stderr, "inkset: --page %ld: the article has %zu pages\n", o.page, pages);
      rc = EXIT_INPUT;
      goto done;
    }
    uint32_t w, h;
    ink_document_page_size (doc, &w, &h);
    ink_fb_options_t fo;
    memset (&fo, 0, sizeof fo);
    fo.struct_size = sizeof fo;
    /* A regular file stands in for a device of the page's size at 8 bits. */
    fo.width = fmt.rotate % 2 ? h : w;
    fo.height = fmt.rotate % 2 ? w : h;
    fo.bits_per_pixel = 8;
    ink_fb_t *fb = NULL;
    struct stat sb;
    if (stat (o.fb, &sb) != 0 && errno == ENOENT) {
      /* Nothing there yet: make the stand-in file. */
      FILE *f = fopen (o.fb, "wb");
      if (f)
        fclose (f);
    }
    st = ink_fb_open (ctx, o.fb, &fo, &fb);
    ink_page_source_t src;
    ink_frame_t frame;
    ink_pixfmt_t fb_fmt = fmt;
    fb_fmt.bpp = 8;
    fb_fmt.kind = INK_PIXKIND_GRAY;
    if (st == INK_OK)
      st = ink_document_frame (doc, page, &fb_fmt, dither, &src, &frame);
    if (st == INK_OK)
      st = ink_fb_draw (fb, &frame, 64);
    if (st == INK_OK) {
      ink_waveform_t wf = INK_WAVEFORM_FULL;
      if (o.waveform && !strcmp (o.waveform, "partial"))
        wf = INK_WAVEFORM_PARTIAL;
      else if (o.waveform && !strcmp (o.waveform, "fast"))
        wf = INK_WAVEFORM_FAST;
      st = ink_fb_refresh (fb, NULL, wf, true);
    }
    ink_fb_close (fb);
    if (st != INK_OK) {
      if (*ink_context_error (ctx))
        fprintf (stderr, "inkset: %s\n", ink_context_error (ctx));
      else
        fprintf (stderr, "inkset: %s: %s\n", o.fb, ink_status_to_string (st));
      rc = EXIT_OUTPUT;
      goto done;
    }
  }

done:
  warn_flush (&wc, o.article);
  ink_pager_destroy (pager);
  ink_document_destroy (doc);
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_article_destroy (article);
  ink_context_destroy (ctx);
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
