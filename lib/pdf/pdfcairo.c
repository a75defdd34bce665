/* pdf/pdfcairo: cairo opened on first use; see pdfcairo.h. */
#define INK_CAIRO_LOADER
#include "pdfcairo.h"

#ifdef INK_WITH_PDF
#include "dynlib.h"

#include <pthread.h>

ink__cairo_t ink__cairo;

static pthread_once_t cairo_once = PTHREAD_ONCE_INIT;
static bool cairo_loaded;
static char cairo_why[INK_DYNLIB_WHY];

static void
cairo_open (void)
{
  const char *so = INK_SONAME_CAIRO;
  void *h = ink__dynlib_open (so, cairo_why, sizeof cairo_why);
  bool ok = h != NULL;
#define INK_CAIRO_LOAD_(f)                                                                    \
  ok = ok && (ink__cairo.f = (__typeof__ (ink__cairo.f))                                      \
                ink__dynlib_sym (h, so, #f, cairo_why, sizeof cairo_why));
  INK_CAIRO_FUNCTIONS (INK_CAIRO_LOAD_)
#undef INK_CAIRO_LOAD_
  cairo_loaded = ok;
}

ink_status_t
ink__cairo_load (ink_context_t *ctx)
{
  pthread_once (&cairo_once, cairo_open);
  if (cairo_loaded)
    return INK_OK;
  return ink__error (ctx, INK_UNSUPPORTED, "PDF output needs cairo, which cannot be loaded (%s)",
                     cairo_why);
}
#endif
