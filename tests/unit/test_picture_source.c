/* The picture source (ink_context_set_picture_source): an article's pictures from the
 * embedder's memory, with or without a folder; the same bytes decoded once; a source that
 * has no such picture, or fails, named at the picture's line and column. */
#include "article.h"
#include "test.h"

#define IMAGES INK_SOURCE_DIR "/examples/articles/images"

static char *png, *jpg;
static size_t png_len, jpg_len;

/* What the source was asked, and what it gives: "eileen.png" and "launch.jpg" from memory,
 * "broken" fails, anything else it does not have. */
typedef struct {
  unsigned calls;
  char last[64];
} asked_t;

static ink_status_t
source (void *user, const char *path, const void **data, size_t *len)
{
  asked_t *a = user;
  a->calls++;
  snprintf (a->last, sizeof a->last, "%s", path);
  if (strcmp (path, "eileen.png") == 0) {
    *data = png;
    *len = png_len;
    return INK_OK;
  }
  if (strcmp (path, "launch.jpg") == 0) {
    *data = jpg;
    *len = jpg_len;
    return INK_OK;
  }
  return strcmp (path, "broken") == 0 ? INK_IO : INK_NOT_FOUND;
}

static ink_status_t
parse (ink_context_t *ctx, const char *src, const char *dir, ink_article_t **a, ink_diag_t *d)
{
  return ink_article_parse_markdown (ctx, src, strlen (src), dir, a, d);
}

/* A context whose picture source is source (), counting into *asked. */
static ink_context_t *
with_source (asked_t *asked)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    abort ();
  ink_context_set_picture_source (ctx, source, asked);
  return ctx;
}

TEST (from_memory_without_folder)
{
  asked_t asked = { 0 };
  ink_context_t *ctx = with_source (&asked);
  ink_article_t *a;
  ink_diag_t d;
  const char *src = "---\ntitle: T\nimage: launch.jpg\n---\n\nText.\n\n![One](eileen.png)\n\n"
                    "More.\n\n![Two](eileen.png)\n";
  CHECK_EQ_INT (parse (ctx, src, NULL, &a, &d), INK_OK);
  CHECK_EQ_INT (asked.calls, 3);
  CHECK (a && a->image && a->image->width > 0);
  ink__image_t *one = NULL, *two = NULL;
  for (size_t i = 0; a && i < a->nblocks; i++)
    if (a->blocks[i].kind == INK_BLOCK_FIGURE)
      *(one ? &two : &one) = a->blocks[i].image;
  CHECK (one && one == two);   /* the same bytes, decoded once */
  CHECK (one && one->refs == 2);
  CHECK (one && one->width == 512 && one->height > 0);
  ink_article_destroy (a);
  CHECK_CONTEXT_FREED (ctx);
}

TEST (source_first_then_folder)
{
  asked_t asked = { 0 };
  ink_context_t *ctx = with_source (&asked);
  ink_article_t *a;
  ink_diag_t d;
  /* The source has no "eileen-collins.png": the folder gives it. */
  CHECK_EQ_INT (parse (ctx, "---\ntitle: T\n---\n\n![C](eileen-collins.png)\n", IMAGES, &a, &d),
                INK_OK);
  CHECK_EQ_INT (asked.calls, 1);
  CHECK_EQ_STR (asked.last, "eileen-collins.png");
  CHECK (a && a->blocks[0].image && a->blocks[0].image->width == 512);
  ink_article_destroy (a);
  /* With the source removed, no folder: nothing is loaded, the path is kept. */
  ink_context_set_picture_source (ctx, NULL, NULL);
  CHECK_EQ_INT (parse (ctx, "---\ntitle: T\n---\n\n![C](eileen.png)\n", NULL, &a, &d), INK_OK);
  CHECK_EQ_INT (asked.calls, 1);
  CHECK (a && !a->blocks[0].image);
  CHECK_EQ_STR (a ? a->blocks[0].image_path : NULL, "eileen.png");
  ink_article_destroy (a);
  CHECK_CONTEXT_FREED (ctx);
}

TEST (missing_and_failing)
{
  asked_t asked = { 0 };
  ink_context_t *ctx = with_source (&asked);
  ink_article_t *a;
  ink_diag_t d;
  CHECK_EQ_INT (parse (ctx, "---\ntitle: T\n---\n\nText.\n\n![C](nothing.png)\n", NULL, &a, &d),
                INK_IO);
  CHECK (a == NULL);
  CHECK_EQ_INT (d.line, 7);
  CHECK_EQ_INT (d.column, 1);
  CHECK (strstr (d.message, "nothing.png") && strstr (d.message, "no such picture"));
  CHECK_EQ_INT (parse (ctx, "---\ntitle: T\n---\n\n![C](broken)\n", NULL, &a, &d), INK_IO);
  CHECK (strstr (d.message, "\"broken\": the picture source failed") != NULL);
  /* Bytes that are no picture are refused as a file's would be. */
  char junk[] = "not a picture";
  char *saved = png;
  size_t saved_len = png_len;
  png = junk;
  png_len = sizeof junk - 1;
  CHECK_EQ_INT (parse (ctx, "---\ntitle: T\n---\n\n![C](eileen.png)\n", NULL, &a, &d),
                INK_UNSUPPORTED);
  CHECK (strstr (d.message, "eileen.png") != NULL);
  png = saved;
  png_len = saved_len;
  CHECK_CONTEXT_FREED (ctx);
}

int
main (void)
{
  png = read_file (IMAGES "/eileen-collins.png", &png_len);
  jpg = read_file (IMAGES "/dscovr-launch.jpg", &jpg_len);
  if (!png || !jpg) {
    fprintf (stderr, "cannot read the sample pictures in %s\n", IMAGES);
    return 1;
  }
  RUN (from_memory_without_folder);
  RUN (source_first_then_folder);
  RUN (missing_and_failing);
  free (png);
  free (jpg);
  return test_summary ();
}
