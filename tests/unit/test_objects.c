/* Every object type: made, referenced where it is shared, destroyed (NULL too), and all of
 * its memory given back to the context. */
#include <inkset/inkset.h>

#include "core.h"
#include "test.h"

static ink_context_t *
ctx_new (void)
{
  ink_context_t *ctx = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  return ctx;
}

static void
fontset (void)
{
  ink_context_t *ctx = ctx_new ();
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  CHECK (ink_fontset_reference (fs) == fs);
  ink_fontset_destroy (fs);   /* one reference left */
  CHECK_EQ_STR (ink_fontset_dir (fs), INK_SOURCE_DIR "/fonts");
  CHECK_EQ_INT (ink_fontset_add_file (fs, "serif", INK_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf"),
                INK_OK);
  CHECK_EQ_INT (ink_fontset_add_file (fs, "serif", INK_SOURCE_DIR "/fonts/NotoSerif-Bold.ttf"),
                INK_INVALID);   /* the name is taken */
  CHECK_EQ_INT (ink_fontset_add_memory (fs, "text", "not a font at all", 17), INK_FONT);
  /* Patterns lent from memory: a key as pattern files are named, once. */
  static const char pat[] = "UTF-8\nhyp1h\n";
  CHECK_EQ_INT (ink_fontset_add_patterns (fs, "en_GB", pat, sizeof pat - 1), INK_OK);
  CHECK_EQ_INT (ink_fontset_add_patterns (fs, "en_GB", pat, sizeof pat - 1), INK_INVALID);
  CHECK_EQ_INT (ink_fontset_add_patterns (fs, "en/GB", pat, sizeof pat - 1), INK_INVALID);
  CHECK_EQ_INT (ink_fontset_add_patterns (fs, NULL, pat, sizeof pat - 1), INK_INVALID);
  CHECK_EQ_INT (ink_fontset_add_patterns (NULL, "de", pat, sizeof pat - 1), INK_INVALID);
  CHECK_EQ_INT (ink_fontset_create (ctx, "/no/such/folder", &(ink_fontset_t *) { NULL }),
                INK_NOT_FOUND);
  ink_fontset_destroy (fs);
  ink_fontset_destroy (NULL);
  CHECK_CONTEXT_FREED (ctx);
}

static void
template (void)
{
  ink_context_t *ctx = ctx_new ();
  ink_template_t *t = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, NULL, &t), INK_OK);
  CHECK_EQ_STR (ink_template_name (t), "kiosk-10.3");
  CHECK (ink_template_reference (t) == t);
  ink_template_destroy (t);
  CHECK_EQ_INT (ink_template_width (t), 1404);
  ink_template_destroy (t);
  ink_template_destroy (NULL);
  CHECK_EQ_INT (ink_template_builtin (ctx, "no-such-template", &t), INK_NOT_FOUND);
  CHECK_CONTEXT_FREED (ctx);
}

static void
article_and_document (void)
{
  ink_context_t *ctx = ctx_new ();
  static const char md[] = "---\ntitle: A title\n---\n\nA body.\n";
  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, sizeof md - 1, NULL, &a, &diag), INK_OK);
  CHECK_EQ_STR (ink_article_title (a), "A title");
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_template_builtin (ctx, "kiosk-7.5", &t);
  ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs);
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink_document_layout (ctx, a, t, fs, NULL, &doc), INK_OK);
  /* The document keeps its own references: the caller's may go first. */
  ink_template_destroy (t);
  ink_fontset_destroy (fs);
  CHECK_EQ_INT (ink_document_page_count (doc), 1);
  uint8_t gray[64 * 64];
  CHECK_EQ_INT (ink_document_render_gray (doc, 0, 0, 0, 64, 64, gray, 64), INK_OK);
  CHECK_EQ_INT (ink_document_render_gray (doc, 1, 0, 0, 64, 64, gray, 64), INK_INVALID);
  ink_document_destroy (doc);
  ink_document_destroy (NULL);
  ink_article_destroy (a);
  ink_article_destroy (NULL);
  CHECK_CONTEXT_FREED (ctx);
}

static void
strips (void)
{
  ink_context_t *ctx = ctx_new ();
  ink_frame_t frame = { 0 };
  ink_strips_t *s = NULL;
  static const uint8_t page[16 * 16] = { 0 };
  ink_image_source_t src = { page, 16, NULL, 0, NULL, 0, 16, 16 };
  frame.width = frame.height = 16;
  frame.render = ink_image_source_render;
  frame.user = &src;
  CHECK_EQ_INT (ink_strips_begin (ctx, &frame, 8, &s), INK_OK);
  ink_strips_end (s);
  ink_strips_end (NULL);
  CHECK_CONTEXT_FREED (ctx);
}

static const struct {
  const char *name;
  void (*fn) (void);
} objects[] = {
  { "fontset", fontset },
  { "template", template },
  { "article and document", article_and_document },
  { "strips", strips },
};

TEST (objects)
{
  for (size_t i = 0; i < sizeof objects / sizeof *objects; i++) {
    int before = test_failures_;
    objects[i].fn ();
    if (test_failures_ != before)
      fprintf (stderr, "object: %s\n", objects[i].name);
  }
  ink_context_destroy (NULL);
  CHECK (ink_features () & INK_FEATURE_PNG);
  CHECK (strcmp (ink_version_string (), INK_VERSION_STRING) == 0);
}

int
main (void)
{
  RUN (objects);
  return test_summary ();
}
