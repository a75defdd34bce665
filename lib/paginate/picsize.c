/* paginate/picsize: the largest a picture is set, by what its pixels carry.
 *
 * A figure is set at its column's width (units.c), but a picture has only its pixels: a
 * 48x48 thumbnail set across a 600 px column is twelve times its size, a blur that shows
 * nothing. A make-up editor never enlarges a picture past what it carries, so a picture in
 * a column is set at most INK_PICTURE_ENLARGE_MOST page pixels a pixel of its own (its width
 * and its height alike), narrower than the column if need be (centred, or at the column's
 * start with its caption beside it, sidecap.c), and the article's writer is told where the
 * picture is named and how many pixels it has. A lead picture with too few pixels to be set
 * a column wide leads the first column (leadpic.c, leadcol.c); one set across the columns
 * keeps the size leadpic.c gives it (held to this, the 300 dpi A4 page's leads moved, see
 * docs/design-notes.md, photo62). A picture too thin to show (a feed's 20000x20 strip, set
 * a column wide and a third of a pixel high) is left out and the writer told; its caption
 * stays, as text. */
#include "layout-internal.h"

/* The most page pixels one of a picture's pixels is set across: twice its size at the
 * page's resolution (a 48 px thumbnail at most 96 px, a 260 px chart 520 px; on a 300 dpi
 * page, 150 of its pixels an inch). */
#define INK_PICTURE_ENLARGE_MOST 2

/**
 * ink__picture_widest:
 * @img: a decoded picture
 *
 * Return value: the widest it is set, in 1/64 px (INK_PICTURE_ENLARGE_MOST times its width).
 */
int32_t
ink__picture_widest (const ink__image_t *img)
{
  int64_t w = (int64_t) img->width * INK_PICTURE_ENLARGE_MOST * 64;
  return w < INK_HEIGHT_MAX ? (int32_t) w : INK_HEIGHT_MAX;
}

/* Where the picture of block (-1: the lead picture) is named: its line, column and path. */
static void
named_at (const lay_t *L, long block, unsigned *line, unsigned *column, const char **path)
{
  const ink_article_t *a = L->a;
  const ink__block_t *b = block >= 0 ? &a->blocks[block] : NULL;
  *line = b ? b->line : a->image_line;
  *column = b ? b->column : a->image_column;
  *path = b ? b->image_path : a->image_path;
  if (!*path)
    *path = "";
}

/**
 * ink__warn_enlarged:
 * @L: the layout
 * @block: the figure's block, or -1 for the lead picture
 * @img: its picture
 * @room: the width it would have had, in 1/64 px
 *
 * Tells the writer (the context's log, as "LINE:COLUMN: ...") that the picture, named there,
 * is set narrower than @room because it has too few pixels for it.
 */
void
ink__warn_enlarged (const lay_t *L, long block, const ink__image_t *img, int32_t room)
{
  unsigned line, column;
  const char *path;
  named_at (L, block, &line, &column, &path);
  ink__log (L->doc->ctx, INK_LOG_WARNING, "%u:%u: picture \"%s\" is only %ux%u pixels: set %d px wide (at most %d times its size), not enlarged to %d px",
            line, column, path, (unsigned) img->width, (unsigned) img->height,
            (int) (ink__picture_widest (img) / 64), INK_PICTURE_ENLARGE_MOST, (int) (room / 64));
}

/**
 * ink__picture_too_thin:
 * @L: the layout
 * @block: the figure's block, or -1 for the lead picture
 * @img: its picture
 * @w: its set width, 1/64 px
 * @h: its set height, 1/64 px
 *
 * Return value: true when the picture, set @w by @h, is less than a page pixel on a side
 * and would show nothing; the writer is told (the context's log, "LINE:COLUMN: ...") that
 * it is left out.
 */
bool
ink__picture_too_thin (const lay_t *L, long block, const ink__image_t *img, int64_t w, int64_t h)
{
  if (w >= INK_PICTURE_LEAST && h >= INK_PICTURE_LEAST)
    return false;
  unsigned line, column;
  const char *path;
  named_at (L, block, &line, &column, &path);
  ink__log (L->doc->ctx, INK_LOG_WARNING, "%u:%u: picture \"%s\" is %ux%u pixels: set %.2fx%.2f px, less than a pixel %s, it would show nothing: left out",
            line, column, path, (unsigned) img->width, (unsigned) img->height,
            w / 64.0, h / 64.0, w < INK_PICTURE_LEAST ? "wide" : "high");
  return true;
}
