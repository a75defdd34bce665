/* The committed blue-noise mask is what the void-and-cluster generator makes, and it is a
 * permutation of the ranks. INK_WRITE_BLUENOISE=FILE rewrites the table source. */
#include "test.h"
#include "pixels.h"

static uint16_t ranks[64 * 64];

static void
write_table (const char *path)
{
  FILE *f = fopen (path, "w");
  if (!f)
    return;
  fprintf (f, "/* raster/dither_bluenoise_table: the 64x64 blue-noise ranks made by\n"
              " * ink__bluenoise_generate (64, ...) in dither_bluenoise.c. Do not edit by hand:\n"
              " * INK_WRITE_BLUENOISE=lib/raster/dither_bluenoise_table.c test_pixels_bluenoise\n"
              " * rewrites it. */\n#include \"pixels.h\"\n\n"
              "const uint16_t ink__bluenoise64[64 * 64] = {\n");
  for (int i = 0; i < 64 * 64; i++)
    fprintf (f, "%s%u,%s", i % 16 ? " " : "  ", ranks[i], i % 16 == 15 ? "\n" : "");
  fprintf (f, "};\n");
  fclose (f);
}

TEST (generated_table)
{
  ink_context_t *ctx;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink__bluenoise_generate (ctx, 64, ranks), INK_OK);
  const char *out = getenv ("INK_WRITE_BLUENOISE");
  if (out)
    write_table (out);
  static uint8_t seen[64 * 64];
  int dup = 0;
  for (int i = 0; i < 64 * 64; i++) {
    if (ranks[i] >= 4096 || seen[ranks[i]]++)
      dup++;
  }
  CHECK_EQ_INT (dup, 0);
  CHECK (memcmp (ranks, ink__bluenoise64, sizeof ranks) == 0);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  ink_context_destroy (ctx);
}

/* Blue noise: thresholding the mask at any level gives evenly spread dots, so no two of the
 * lowest 1/16 ranks touch each other (8-neighbourhood, on the torus). */
TEST (dots_are_spread)
{
  int touching = 0;
  for (int y = 0; y < 64; y++)
    for (int x = 0; x < 64; x++) {
      if (ink__bluenoise64[y * 64 + x] >= 256)
        continue;
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          if ((dx || dy) && ink__bluenoise64[((y + dy) & 63) * 64 + ((x + dx) & 63)] < 256)
            touching++;
    }
  CHECK_EQ_INT (touching, 0);
}

int
main (void)
{
  RUN (generated_table);
  RUN (dots_are_spread);
  return test_summary ();
}
