/* target/fbdev: a Linux framebuffer. Opens /dev/fbN (or a regular file standing in for one, with
 * the geometry the caller gives), writes 8-bit grey native rows at the device's depth (8, 16 or
 * 32 bits) and line_length, through mmap or pwrite, and asks an i.MX EPDC to refresh a region
 * with MXCFB_SEND_UPDATE, waiting for completion where the driver has the ioctl. Without
 * INK_WITH_FBDEV every call returns INK_UNSUPPORTED.
 *
 *   ink_fb_t *fb;
 *   ink_fb_open (ctx, "/dev/fb0", NULL, &fb);
 *   ink_fb_draw (fb, &frame, 64);
 *   ink_fb_refresh (fb, NULL, INK_WAVEFORM_FULL, true);
 *   ink_fb_close (fb);
 */
#define _POSIX_C_SOURCE 200809L /* pwrite, O_CLOEXEC */
#include "pixels.h"
#include <inkset/inkset-target.h>

#ifdef INK_WITH_FBDEV

#include <errno.h>
#include <fcntl.h>
#include <linux/fb.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first versions of the structs that grow: where their last field ends. */
#define FB_OPTIONS_V1 (offsetof (ink_fb_options_t, rotate) + sizeof (uint8_t))
#define FB_INFO_V1 (offsetof (ink_fb_info_t, has_epdc) + sizeof (bool))

/* The i.MX EPDC update interface (mxcfb.h of the NXP kernels, EPDC v2 layout as on Kobo
 * Mk7). The ioctl number encodes the struct size, so other device families need their own. */
struct ink_mxcfb_rect { uint32_t top, left, width, height; };  /* top comes first */
struct ink_mxcfb_alt_buffer { uint32_t phys_addr, width, height; struct ink_mxcfb_rect region; };
struct ink_mxcfb_update {
  struct ink_mxcfb_rect update_region;
  uint32_t waveform_mode, update_mode, update_marker;
  int32_t temp;
  uint32_t flags;
  int32_t dither_mode, quant_bit;
  struct ink_mxcfb_alt_buffer alt_buffer_data;
};
struct ink_mxcfb_marker { uint32_t update_marker, collision_test; };
#define INK_MXCFB_SEND_UPDATE _IOW ('F', 0x2E, struct ink_mxcfb_update)
#define INK_MXCFB_WAIT_FOR_UPDATE_COMPLETE _IOWR ('F', 0x2F, struct ink_mxcfb_marker)
#define INK_MXCFB_UPDATE_PARTIAL 0
#define INK_MXCFB_UPDATE_FULL 1
#define INK_MXCFB_TEMP_AMBIENT 0x1000

struct ink_fb {
  ink_context_t *ctx;
  int fd;
  uint8_t *map;
  size_t map_len;
  ink_fb_info_t info;
  uint32_t waveform[3];
  uint32_t marker;
  struct fb_bitfield red, green, blue, transp;
  uint8_t *row;
  size_t row_len;
};

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_fb_open (ink_context_t *ctx, const char *path, const ink_fb_options_t *options, ink_fb_t **out)
{
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (!ctx || !path)
    return INK_INVALID;
  ink_fb_options_t opts = { .struct_size = sizeof opts };
  if (options) {
    ink_status_t st = ink__struct_in (ctx, options, FB_OPTIONS_V1, &opts, sizeof opts,
                                      "ink_fb_options_t");
    if (st != INK_OK)
      return st;
  }
  const ink_fb_options_t *o = &opts;
  int fd = open (path, O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return ink__error (ctx, INK_IO, "%s: %s", path, strerror (errno));
  ink_fb_t *fb = ink__alloc (ctx, sizeof *fb);
  if (!fb) {
    close (fd);
    return ink__error (ctx, INK_NO_MEMORY, "%s: out of memory", path);
  }
  fb->ctx = ctx;
  fb->fd = fd;
  static const uint32_t kobo[3] = { 2, 5, 1 }; /* GC16, GL16, DU on Kobo NTX */
  for (int i = 0; i < 3; i++)
    fb->waveform[i] = o->waveform[i] ? o->waveform[i] : kobo[i];
  struct stat sb;
  ink_status_t st = INK_OK;
  if (fstat (fd, &sb) != 0) {
    st = ink__error (ctx, INK_IO, "%s: %s", path, strerror (errno));
  } else if (S_ISREG (sb.st_mode)) {
    uint32_t bpp = o->bits_per_pixel ? o->bits_per_pixel : 8;
    fb->info = (ink_fb_info_t) { .width = o->width, .height = o->height, .bits_per_pixel = bpp,
                                 .rotate = o->rotate & 3u };
    fb->info.line_length = o->line_length ? o->line_length : o->width * (bpp / 8);
    fb->red = (struct fb_bitfield) { bpp == 16 ? 11 : 16, bpp == 16 ? 5 : 8, 0 };
    fb->green = (struct fb_bitfield) { bpp == 16 ? 5 : 8, bpp == 16 ? 6 : 8, 0 };
    fb->blue = (struct fb_bitfield) { 0, bpp == 16 ? 5 : 8, 0 };
    fb->transp = (struct fb_bitfield) { 24, bpp == 32 ? 8 : 0, 0 };
    if (!o->width || !o->height || o->width > INK_MAX_PAGE_SIDE || o->height > INK_MAX_PAGE_SIDE)
      st = ink__error (ctx, INK_INVALID, "%s: a regular file needs width and height", path);
    else if (bpp != 8 && bpp != 16 && bpp != 32)
      st = ink__error (ctx, INK_UNSUPPORTED, "%s: %u bits per pixel", path, bpp);
    else if (fb->info.line_length < o->width * (bpp / 8))
      st = ink__error (ctx, INK_INVALID, "%s: line_length %u below the row size", path,
                       fb->info.line_length);
  } else {
    struct fb_fix_screeninfo fi;
    struct fb_var_screeninfo vi;
    if (ioctl (fd, FBIOGET_FSCREENINFO, &fi) != 0 || ioctl (fd, FBIOGET_VSCREENINFO, &vi) != 0)
      st = ink__error (ctx, INK_IO, "%s: not a framebuffer (%s)", path, strerror (errno));
    else if (o->set_rotate) {
      vi.rotate = o->rotate & 3;
      /* Rotation changes xres, yres and line_length: read both back. */
      if (ioctl (fd, FBIOPUT_VSCREENINFO, &vi) != 0 || ioctl (fd, FBIOGET_FSCREENINFO, &fi) != 0
          || ioctl (fd, FBIOGET_VSCREENINFO, &vi) != 0)
        st = ink__error (ctx, INK_IO, "%s: setting the rotation failed (%s)", path, strerror (errno));
    }
    if (st == INK_OK) {
      fb->info = (ink_fb_info_t) { .width = vi.xres, .height = vi.yres,
                                   .bits_per_pixel = vi.bits_per_pixel,
                                   .line_length = fi.line_length, .rotate = vi.rotate,
                                   .is_device = true, .has_epdc = true };
      fb->red = vi.red;
      fb->green = vi.green;
      fb->blue = vi.blue;
      fb->transp = vi.transp;
      if (fi.type != FB_TYPE_PACKED_PIXELS)
        st = ink__error (ctx, INK_UNSUPPORTED, "%s: not packed pixels", path);
      else if (vi.bits_per_pixel != 8 && vi.bits_per_pixel != 16 && vi.bits_per_pixel != 32)
        st = ink__error (ctx, INK_UNSUPPORTED, "%s: %u bits per pixel", path, vi.bits_per_pixel);
      else if (fi.line_length < vi.xres * (vi.bits_per_pixel / 8) || !vi.xres || !vi.yres)
        st = ink__error (ctx, INK_IO, "%s: line_length %u below the row size", path, fi.line_length);
    }
    if (st == INK_OK) {
      size_t page = (size_t) sysconf (_SC_PAGESIZE);
      fb->map_len = ((size_t) fi.line_length * vi.yres + page - 1) / page * page;
      void *m = mmap (NULL, fb->map_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
      fb->map = m == MAP_FAILED ? NULL : m; /* without a mapping, rows go through pwrite */
    }
  }
  if (st == INK_OK) {
    fb->row_len = (size_t) fb->info.width * (fb->info.bits_per_pixel / 8);
    fb->row = ink__alloc (ctx, fb->row_len);
    if (!fb->row)
      st = ink__error (ctx, INK_NO_MEMORY, "%s: out of memory", path);
  }
  if (st != INK_OK) {
    ink_fb_close (fb);
    return st;
  }
  *out = fb;
  return INK_OK;
}

/* Documented in include/inkset/inkset-target.h. */
void
ink_fb_close (ink_fb_t *fb)
{
  if (!fb)
    return;
  if (fb->map)
    munmap (fb->map, fb->map_len);
  close (fb->fd);
  ink__free (fb->ctx, fb->row, fb->row_len);
  ink__free (fb->ctx, fb, sizeof *fb);
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_fb_info (const ink_fb_t *fb, ink_fb_info_t *out)
{
  if (!fb || !out)
    return INK_INVALID;
  return ink__struct_out (fb->ctx, out, FB_INFO_V1, &fb->info, sizeof fb->info, "ink_fb_info_t");
}

static uint32_t
channel (uint8_t v, const struct fb_bitfield *f)
{
  if (f->length == 0 || f->length > 8 || f->offset > 31)
    return 0;
  return (uint32_t) (v >> (8 - f->length)) << f->offset;
}

/* Writes all len bytes at off, going on after a short write; NULL, or why it failed, with
 * errno taken at the failing call. */
static const char *
pwrite_all (int fd, const uint8_t *p, size_t len, off_t off)
{
  while (len > 0) {
    ssize_t n = pwrite (fd, p, len, off);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return strerror (errno);
    if (n == 0)
      return "the device ends before the row";
    p += n;
    len -= (size_t) n;
    off += n;
  }
  return NULL;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_fb_write_rows (ink_fb_t *fb, uint32_t first_row, uint32_t rows, const uint8_t *gray8,
                   size_t stride)
{
  if (!fb || !gray8 || first_row > fb->info.height || rows > fb->info.height - first_row
      || stride < fb->info.width)
    return INK_INVALID;
  uint32_t w = fb->info.width, bpp = fb->info.bits_per_pixel;
  for (uint32_t i = 0; i < rows; i++) {
    const uint8_t *src = gray8 + (size_t) i * stride;
    uint8_t *row = fb->row;
    for (uint32_t x = 0; x < w; x++) {
      uint8_t v = src[x];
      if (bpp == 8) {
        row[x] = v;
        continue;
      }
      uint32_t px = channel (v, &fb->red) | channel (v, &fb->green) | channel (v, &fb->blue)
                    | channel (0xff, &fb->transp);
      if (bpp == 16) {
        uint16_t p16 = (uint16_t) px;
        memcpy (row + 2 * (size_t) x, &p16, 2);
      } else {
        memcpy (row + 4 * (size_t) x, &px, 4);
      }
    }
    off_t at = (off_t) (first_row + i) * fb->info.line_length;
    if (fb->map) {
      memcpy (fb->map + at, row, fb->row_len);
    } else {
      const char *why = pwrite_all (fb->fd, row, fb->row_len, at);
      if (why)
        return ink__error (fb->ctx, INK_IO, "framebuffer: writing row %u failed (%s)",
                           first_row + i, why);
    }
  }
  return INK_OK;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_fb_draw (ink_fb_t *fb, const ink_frame_t *frame, uint32_t strip_rows)
{
  if (!fb || !frame)
    return INK_INVALID;
  ink_frame_t f = *frame;
  f.format.kind = INK_PIXKIND_GRAY;
  f.format.bpp = 8;
  f.format.invert = false;
  f.format.stride = 0;
  f.format.row_align = 0;
  ink_frame_geometry_t g;
  if (ink_frame_geometry (&f.format, f.width, f.height, &g) != INK_OK
      || g.native_width != fb->info.width || g.native_height != fb->info.height)
    return ink__error (fb->ctx, INK_INVALID,
                       "framebuffer: a %ux%u page does not fill the %ux%u screen", f.width,
                       f.height, fb->info.width, fb->info.height);
  ink_strips_t *s;
  ink_status_t st = ink_strips_begin (fb->ctx, &f, strip_rows ? strip_rows : 64, &s);
  if (st != INK_OK)
    return st;
  size_t bsize = ink_strips_buffer_size (s);
  uint8_t *buf = ink__alloc (fb->ctx, bsize);
  if (!buf)
    st = ink__error (fb->ctx, INK_NO_MEMORY, "framebuffer: out of memory");
  uint32_t y0, n;
  while (st == INK_OK && (st = ink_strips_next (s, buf, bsize, &y0, &n)) == INK_OK && n)
    st = ink_fb_write_rows (fb, y0, n, buf, g.stride);
  ink__free (fb->ctx, buf, bsize);
  ink_strips_end (s);
  return st;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_fb_refresh (ink_fb_t *fb, const ink_rect_t *rect, ink_waveform_t waveform, bool wait)
{
  if (!fb || (unsigned) waveform > INK_WAVEFORM_FAST)
    return INK_INVALID;
  if (!fb->info.is_device || !fb->info.has_epdc)
    return INK_OK;
  uint32_t W = fb->info.width, H = fb->info.height;
  ink_rect_t r = rect ? *rect : (ink_rect_t) { 0, 0, W, H };
  if (r.x >= W || r.y >= H || !r.width || !r.height)
    return INK_OK;
  if (r.width > W - r.x)
    r.width = W - r.x;
  if (r.height > H - r.y)
    r.height = H - r.y;
  if (r.width < 2)
    r.x = r.x + 2 > W ? W - 2 : r.x, r.width = 2;
  if (r.height < 2)
    r.y = r.y + 2 > H ? H - 2 : r.y, r.height = 2;
  struct ink_mxcfb_update u;
  memset (&u, 0, sizeof u);
  u.update_region = (struct ink_mxcfb_rect) { r.y, r.x, r.width, r.height };
  u.waveform_mode = fb->waveform[waveform];
  u.update_mode = waveform == INK_WAVEFORM_FULL ? INK_MXCFB_UPDATE_FULL : INK_MXCFB_UPDATE_PARTIAL;
  fb->marker = fb->marker >= 0x7fffffff ? 1 : fb->marker + 1;
  u.update_marker = fb->marker;
  u.temp = INK_MXCFB_TEMP_AMBIENT;
  if (ioctl (fb->fd, INK_MXCFB_SEND_UPDATE, &u) != 0) {
    if (errno == ENOTTY || errno == EINVAL) {
      fb->info.has_epdc = false; /* a plain framebuffer shows what is written */
      return INK_OK;
    }
    return ink__error (fb->ctx, INK_IO, "framebuffer: update failed (%s)", strerror (errno));
  }
  if (wait) {
    struct ink_mxcfb_marker m = { fb->marker, 0 };
    /* Older drivers lack this form of the wait; the update is then already queued. */
    if (ioctl (fb->fd, INK_MXCFB_WAIT_FOR_UPDATE_COMPLETE, &m) != 0 && errno != ENOTTY
        && errno != EINVAL)
      return ink__error (fb->ctx, INK_IO, "framebuffer: waiting failed (%s)", strerror (errno));
  }
  return INK_OK;
}

#else /* !INK_WITH_FBDEV */

ink_status_t
ink_fb_open (ink_context_t *ctx, const char *path, const ink_fb_options_t *options, ink_fb_t **out)
{
  (void) path;
  (void) options;
  if (out)
    *out = NULL;
  return ink__error (ctx, INK_UNSUPPORTED, "framebuffer support was not built");
}

void
ink_fb_close (ink_fb_t *fb)
{
  (void) fb;
}

ink_status_t
ink_fb_info (const ink_fb_t *fb, ink_fb_info_t *out)
{
  (void) fb;
  (void) out;
  return INK_UNSUPPORTED;
}

ink_status_t
ink_fb_draw (ink_fb_t *fb, const ink_frame_t *frame, uint32_t strip_rows)
{
  (void) fb;
  (void) frame;
  (void) strip_rows;
  return INK_UNSUPPORTED;
}

ink_status_t
ink_fb_write_rows (ink_fb_t *fb, uint32_t first_row, uint32_t rows, const uint8_t *gray8,
                   size_t stride)
{
  (void) fb;
  (void) first_row;
  (void) rows;
  (void) gray8;
  (void) stride;
  return INK_UNSUPPORTED;
}

ink_status_t
ink_fb_refresh (ink_fb_t *fb, const ink_rect_t *rect, ink_waveform_t waveform, bool wait)
{
  (void) fb;
  (void) rect;
  (void) waveform;
  (void) wait;
  return INK_UNSUPPORTED;
}

#endif
