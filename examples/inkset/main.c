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

#include "cli.h"

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

void
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
void
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

int
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
int
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

/* The template, read once for every article; its errors go straight to stderr. */
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
  heapwarm_t hw;
  heap_warm (HEAP_WARM, &hw);
  o.articles = calloc ((size_t) argc, sizeof *o.articles);
  if (!o.articles) {
    fprintf (stderr, "inkset: out of memory\n");
    heap_warm_end (&hw);
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
  run_t run = { .o = &o, .heap_thread = pthread_self (), .heap_huge = hw.huge };
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
  heap_warm_end (&hw);
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
