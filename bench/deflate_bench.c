/* bench/deflate_bench.c: the PNG encoders compared on pages inkset wrote.
 *
 *   deflate_bench zlib LEVEL rle|default none|up PAGE.png...
 *   deflate_bench libdeflate LEVEL none|up PAGE.png...
 *   deflate_bench own 1|0 none|up PAGE.png...
 *
 * Decodes each page (any grey or palette PNG, 1 to 8 bits), then encodes its rows again:
 * "zlib" through libpng's writer with that level, strategy and filter (what inkset did
 * before), "libdeflate" with the rows filtered here, compressed whole with libdeflate and
 * put into IDAT with its CRC, "own" the same with inkset's own encoder
 * (lib/target/pagedeflate.c; 1 with its hash search, 0 runs and the row above only; each
 * page's stream is inflated by zlib after and compared).
 * Prints the bytes of the encoded streams summed over the pages and the CPU time of the
 * encoding. Instructions of the encoding alone:
 * valgrind --tool=callgrind --toggle-collect=encode_page ./deflate_bench ... */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <libdeflate.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "../lib/target/pagedeflate.h"

typedef struct {
  png_uint_32 w, h;
  int depth, color;
  size_t row_bytes;
  uint8_t *pixels;
} page_t;

static int
read_page (const char *path, page_t *p)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return -1;
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png))) {
    fclose (f);
    return -1;
  }
  png_init_io (png, f);
  png_read_info (png, info);
  p->w = png_get_image_width (png, info);
  p->h = png_get_image_height (png, info);
  p->depth = png_get_bit_depth (png, info);
  p->color = png_get_color_type (png, info);
  p->row_bytes = png_get_rowbytes (png, info);
  p->pixels = malloc (p->row_bytes * p->h);
  for (png_uint_32 y = 0; y < p->h; y++)
    png_read_row (png, p->pixels + y * p->row_bytes, NULL);
  png_destroy_read_struct (&png, &info, NULL);
  fclose (f);
  return 0;
}

static size_t written;
static volatile uint32_t crc_sink;

static void
count_write (png_structp png, png_bytep data, size_t len)
{
  (void) png;
  (void) data;
  written += len;
}

static void
no_flush (png_structp png)
{
  (void) png;
}

static void
zlib_page (const page_t *p, int level, int strategy, int filter)
{
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  png_set_write_fn (png, NULL, count_write, no_flush);
  png_set_IHDR (png, info, p->w, p->h, p->depth, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, level);
  png_set_compression_strategy (png, strategy);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, filter);
  png_write_info (png, info);
  for (png_uint_32 y = 0; y < p->h; y++)
    png_write_row (png, p->pixels + y * p->row_bytes);
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
}

/* The page's rows, each after its filter-type byte: unfiltered, or less the row above. */
static uint8_t *
filtered_frame (const page_t *p, int up)
{
  uint8_t *in = malloc ((p->row_bytes + 1) * p->h);
  for (png_uint_32 y = 0; y < p->h; y++) {
    uint8_t *o = in + y * (p->row_bytes + 1);
    const uint8_t *r = p->pixels + y * p->row_bytes;
    o[0] = up ? 2 : 0;
    if (up && y > 0) {
      const uint8_t *a = r - p->row_bytes;
      for (size_t i = 0; i < p->row_bytes; i++)
        o[1 + i] = (uint8_t) (r[i] - a[i]);
    } else {
      memcpy (o + 1, r, p->row_bytes);
    }
  }
  return in;
}

static void
libdeflate_page (const page_t *p, int level, int up)
{
  size_t in_size = (p->row_bytes + 1) * p->h;
  uint8_t *in = filtered_frame (p, up);
  struct libdeflate_compressor *c = libdeflate_alloc_compressor (level);
  size_t bound = libdeflate_zlib_compress_bound (c, in_size);
  uint8_t *out = malloc (bound + 8);
  size_t n = libdeflate_zlib_compress (c, in, in_size, out + 8, bound);
  uint32_t crc = libdeflate_crc32 (0, out + 4, n + 4);
  libdeflate_free_compressor (c);
  crc_sink = crc;
  written += 8 + 25 + n + 12 + 12;  /* signature, IHDR, one IDAT, IEND */
  free (out);
  free (in);
}

/* The last page's frame and zlib stream from inkset's own encoder, checked after. */
static uint8_t *own_in, *own_out;
static size_t own_in_size, own_out_size;

static void
own_page (const page_t *p, int up, bool search)
{
  size_t in_size = (p->row_bytes + 1) * p->h;
  uint8_t *in = filtered_frame (p, up);
  size_t bound = ink__pagedeflate_bound (in_size);
  uint8_t *out = malloc (bound + 2 + 4);
  void *work = malloc (ink__pagedeflate_work_size ());
  out[0] = 0x78;
  out[1] = 0x01;
  size_t n = ink__pagedeflate (in, in_size, p->row_bytes + 1, search, out + 2, bound, work);
  uint32_t a = libdeflate_adler32 (1, in, in_size);
  for (int i = 0; i < 4; i++)
    out[2 + n + i] = (uint8_t) (a >> (24 - 8 * i));
  free (work);
  crc_sink = libdeflate_crc32 (0, out, n + 6);
  written += 8 + 25 + n + 6 + 12 + 12;
  free (own_in);
  free (own_out);
  own_in = in;
  own_in_size = in_size;
  own_out = out;
  own_out_size = n + 6;
}

/* What callgrind counts: one page encoded. */
__attribute__ ((noinline)) void
encode_page (const page_t *p, char **argv)
{
  int level = atoi (argv[2]);
  if (strcmp (argv[1], "own") == 0)
    own_page (p, strcmp (argv[3], "up") == 0, level != 0);
  else if (strcmp (argv[1], "zlib") == 0)
    zlib_page (p, level, strcmp (argv[3], "rle") == 0 ? Z_RLE : Z_DEFAULT_STRATEGY,
               strcmp (argv[4], "up") == 0 ? PNG_FILTER_UP : PNG_FILTER_NONE);
  else
    libdeflate_page (p, level, strcmp (argv[3], "up") == 0);
}

int
main (int argc, char **argv)
{
  int zl = argc > 1 && strcmp (argv[1], "zlib") == 0;
  int first = zl ? 5 : 4;
  int known = zl || (argc > 1 && (strcmp (argv[1], "libdeflate") == 0
                                  || strcmp (argv[1], "own") == 0));
  if (argc <= first || !known) {
    fprintf (stderr, "usage: deflate_bench zlib LEVEL rle|default none|up PAGE.png...\n"
                     "       deflate_bench libdeflate LEVEL none|up PAGE.png...\n"
                     "       deflate_bench own 1|0 none|up PAGE.png...\n");
    return 2;
  }
  long long ns = 0;
  for (int i = first; i < argc; i++) {
    page_t p;
    if (read_page (argv[i], &p) != 0) {
      fprintf (stderr, "deflate_bench: cannot read %s\n", argv[i]);
      return 1;
    }
    struct timespec t0, t1;
    clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t0);
    encode_page (&p, argv);
    clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t1);
    ns += (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    free (p.pixels);
    if (own_in) {  /* the stream must inflate to the frame */
      uLongf got = own_in_size;
      uint8_t *back = malloc (own_in_size);
      if (uncompress (back, &got, own_out, own_out_size) != Z_OK || got != own_in_size
          || memcmp (back, own_in, got) != 0) {
        fprintf (stderr, "deflate_bench: %s does not inflate to its frame\n", argv[i]);
        return 1;
      }
      free (back);
    }
  }
  printf ("bytes=%zu encode_cpu_ms=%.2f\n", written, ns / 1e6);
  return 0;
}
