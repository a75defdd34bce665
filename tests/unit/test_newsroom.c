/* Progress and cancel (ink_context_set_progress) and the output format call
 * (ink_pixfmt_for_template): a callback that stops after page 1 gets its own status back and
 * leaves nothing allocated; one that goes on changes nothing; the format call gives the bytes
 * `inkset render` writes for the same options. */
#define _POSIX_C_SOURCE 200809L
#include <inkset/inkset.h>

#include <stdlib.h>
#include <sys/wait.h>

#include "test.h"
#include "fixture.h"

typedef struct {
  ink_progress_stage_t stage;
  size_t calls, last_done, last_total, stop_at;
  ink_status_t give;
  bool decreasing;
} watch_t;

static ink_status_t
watch (void *user, ink_progress_stage_t stage, size_t done, size_t total)
{
  watch_t *w = user;
  w->decreasing |= w->calls && stage == w->stage && done < w->last_done;
  w->calls++;
  w->stage = stage;
  w->last_done = done;
  w->last_total = total;
  return w->stop_at && done >= w->stop_at ? w->give : INK_OK;
}

#define LONG_ARTICLE INK_SOURCE_DIR "/examples/articles/river-recovery.md"

/* Lays LONG_ARTICLE out on reader-6 (14 pages) with the callback set; the status. */
static ink_status_t
lay_out_watched (fixture_t *s, watch_t *w, ink_document_t **doc, size_t *leaked)
{
  ink_context_set_progress (s->ctx, watch, w);
  size_t before, after;
  ink_context_memory (s->ctx, &before, NULL);
  ink_status_t st = ink_document_layout (s->ctx, s->a, s->t, s->fs, NULL, doc);
  if (st != INK_OK) {
    ink_context_memory (s->ctx, &after, NULL);
    *leaked = after - before;
  }
  ink_context_set_progress (s->ctx, NULL, NULL);
  return st;
}

TEST (layout_stops_after_page_1)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, LONG_ARTICLE, "reader-6"))
    return;
  size_t pages = ink_document_page_count (s.doc);
  CHECK (pages > 2);
  watch_t w = { .stop_at = 1, .give = INK_CANCELLED };
  ink_document_t *doc = (ink_document_t *) &w;   /* must come back NULL */
  size_t leaked = 1;
  CHECK_EQ_INT (lay_out_watched (&s, &w, &doc, &leaked), INK_CANCELLED);
  CHECK (doc == NULL);
  CHECK_EQ_INT (w.calls, 1);
  CHECK_EQ_INT (w.stage, INK_PROGRESS_LAYOUT);
  CHECK_EQ_INT (w.last_total, 0);
  CHECK_EQ_INT (leaked, 0);
  CHECK (strstr (ink_context_error (s.ctx), "progress callback") != NULL);
  /* The callback's own status, whatever it is, is what the layout returns. */
  w = (watch_t) { .stop_at = 2, .give = INK_IO };
  CHECK_EQ_INT (lay_out_watched (&s, &w, &doc, &leaked), INK_IO);
  CHECK_EQ_INT (w.calls, 2);
  CHECK_EQ_INT (leaked, 0);
  fixture_tear_down (&s);
}

TEST (layout_goes_on_unchanged)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, LONG_ARTICLE, "reader-6"))
    return;
  const char *json;
  size_t len, len2;
  CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, &len), INK_OK);
  char *plain = strndup (json, len);
  watch_t w = { 0 };
  ink_document_t *doc = NULL;
  size_t leaked = 0;
  CHECK_EQ_INT (lay_out_watched (&s, &w, &doc, &leaked), INK_OK);
  /* One call per page but the last, which ends the text: counted 1, 2, ... */
  CHECK_EQ_INT (w.calls, ink_document_page_count (s.doc) - 1);
  CHECK_EQ_INT (w.last_done, w.calls);
  CHECK (!w.decreasing);
  CHECK_EQ_INT (ink_document_layout_json (doc, &json, &len2), INK_OK);
  CHECK (plain && len == len2 && memcmp (plain, json, len) == 0);
  free (plain);
  ink_document_destroy (doc);
  fixture_tear_down (&s);
}

TEST (drawing_stops_after_a_strip)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, LONG_ARTICLE, "reader-6"))
    return;
  ink_pixfmt_t fmt = { .bpp = 4 };
  ink_page_source_t src;
  ink_frame_t frame;
  CHECK_EQ_INT (ink_document_frame (s.doc, 0, &fmt, INK_DITHER_NONE, &src, &frame), INK_OK);
  size_t size = ink_frame_size (&fmt, frame.width, frame.height);
  uint8_t *buf = malloc (size);
  /* Drawn once first, so that the glyph cache it fills is not counted against the stop. */
  CHECK_EQ_INT (ink_frame_render (s.ctx, &frame, buf, size), INK_OK);
  watch_t w = { .stop_at = 1, .give = INK_CANCELLED };
  ink_context_set_progress (s.ctx, watch, &w);
  size_t before, after;
  ink_context_memory (s.ctx, &before, NULL);
  CHECK_EQ_INT (ink_frame_render (s.ctx, &frame, buf, size), INK_CANCELLED);
  ink_context_memory (s.ctx, &after, NULL);
  CHECK_EQ_INT (w.calls, 1);
  CHECK_EQ_INT (w.stage, INK_PROGRESS_DRAW);
  CHECK_EQ_INT (w.last_done, 64);   /* ink_frame_render's strip */
  CHECK_EQ_INT (w.last_total, frame.height);
  CHECK_EQ_INT (after, before);
  /* Going on: the rows are counted to the frame's height. */
  w = (watch_t) { 0 };
  CHECK_EQ_INT (ink_frame_render (s.ctx, &frame, buf, size), INK_OK);
  CHECK_EQ_INT (w.last_done, frame.height);
  CHECK (!w.decreasing);
  free (buf);
  fixture_tear_down (&s);
}

TEST (format_from_template)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, LONG_ARTICLE, "reader-6"))
    return;
  ink_pixfmt_t fmt;
  ink_dither_t d;
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, NULL, &fmt, &d), INK_OK);
  CHECK_EQ_INT (fmt.bpp, ink_template_bpp (s.t));
  ink_dither_t own = fmt.bpp == 1 ? INK_DITHER_BLUE_NOISE : INK_DITHER_FLOYD_STEINBERG;
  if (ink_template_dither (s.t))
    ink_dither_from_name (ink_template_dither (s.t), &own);
  CHECK_EQ_INT (d, own);
  ink_pixfmt_request_t rq = { .struct_size = sizeof rq, .panel = "acep7", .bpp = 2 };
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, &rq, &fmt, &d), INK_INVALID);
  CHECK (strstr (ink_context_error (s.ctx), "panel acep7 has a fixed depth") != NULL);
  rq = (ink_pixfmt_request_t) { .struct_size = sizeof rq, .panel = "no-such-panel" };
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, &rq, &fmt, &d), INK_NOT_FOUND);
  rq = (ink_pixfmt_request_t) { .struct_size = sizeof rq, .dither = "sparkle" };
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, &rq, &fmt, &d), INK_NOT_FOUND);
  static const uint8_t three[] = { 0, 128, 255 };
  rq = (ink_pixfmt_request_t) { .struct_size = sizeof rq, .bpp = 2, .levels = three,
                                .nlevels = 3 };
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, &rq, &fmt, &d), INK_INVALID);
  rq = (ink_pixfmt_request_t) { .struct_size = 4 };
  CHECK_EQ_INT (ink_pixfmt_for_template (s.ctx, s.t, &rq, &fmt, &d), INK_INVALID);
  fixture_tear_down (&s);
}

/* Page 1 as the library draws it for rq, against the CLI's --format raw file for args. */
static void
same_as_cli (fixture_t *s, const ink_pixfmt_request_t *rq, const char *args)
{
  char cmd[2048], path[1024];
  snprintf (cmd, sizeof cmd, "\"%s\" render \"%s\" -t reader-6 --format raw -o \"%s/newsroom-raw\" "
            "%s", INKSET_CLI, LONG_ARTICLE, INK_BINARY_DIR, args);
  int rc = system (cmd);
  CHECK (rc != -1 && WIFEXITED (rc) && WEXITSTATUS (rc) == 0);
  snprintf (path, sizeof path, "%s/newsroom-raw/page-001.raw", INK_BINARY_DIR);
  FILE *f = fopen (path, "rb");
  CHECK (f != NULL);
  if (!f)
    return;
  ink_pixfmt_t fmt;
  ink_dither_t d;
  CHECK_EQ_INT (ink_pixfmt_for_template (s->ctx, s->t, rq, &fmt, &d), INK_OK);
  ink_page_source_t src;
  ink_frame_t frame;
  CHECK_EQ_INT (ink_document_frame (s->doc, 0, &fmt, d, &src, &frame), INK_OK);
  size_t size = ink_frame_size (&fmt, frame.width, frame.height);
  uint8_t *mine = malloc (size), *cli = malloc (size + 1);
  CHECK_EQ_INT (ink_frame_render (s->ctx, &frame, mine, size), INK_OK);
  CHECK_EQ_INT (fread (cli, 1, size + 1, f), size);
  CHECK (memcmp (mine, cli, size) == 0);
  fclose (f);
  free (mine);
  free (cli);
}

TEST (format_gives_the_cli_bytes)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, LONG_ARTICLE, "reader-6"))
    return;
  same_as_cli (&s, NULL, "");
  static const uint8_t levels[] = { 0, 60, 90, 120, 140, 160, 175, 190, 200, 210, 220, 228, 236,
                                    244, 250, 255 };
  ink_pixfmt_request_t rq = { .struct_size = sizeof rq, .panel = "it8951-4", .rotate = INK_ROTATE_90,
                              .levels = levels, .nlevels = 16, .dither = "atkinson" };
  same_as_cli (&s, &rq, "--panel it8951-4 --rotate 90 --dither atkinson --levels "
               "0,60,90,120,140,160,175,190,200,210,220,228,236,244,250,255");
  rq = (ink_pixfmt_request_t) { .struct_size = sizeof rq, .bpp = 1 };
  same_as_cli (&s, &rq, "--bpp 1");
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (layout_stops_after_page_1);
  RUN (layout_goes_on_unchanged);
  RUN (drawing_stops_after_a_strip);
  RUN (format_from_template);
  RUN (format_gives_the_cli_bytes);
  return test_summary ();
}
