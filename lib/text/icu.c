/* text/icu: ICU opened on first use; see icu.h. */
#include "icu.h"

#ifdef INK_WITH_ICU
#include "dynlib.h"

#include <pthread.h>

/* The name a function has in the library: the argument macro-expanded first, so udat_open
 * gives "udat_open_72". */
#define INK_ICU_SYMBOL_(f) INK_ICU_STRING_ (f)
#define INK_ICU_STRING_(f) #f

static pthread_once_t icu_once = PTHREAD_ONCE_INIT;
static ink__icu_t icu_table;
static const ink__icu_t *icu_loaded;
static char icu_why[INK_DYNLIB_WHY];

static void
icu_open (void)
{
  const char *so = INK_SONAME_ICUI18N;
  void *h = ink__dynlib_open (so, icu_why, sizeof icu_why);
  bool ok = h != NULL;
#define INK_ICU_LOAD_(f)                                                                      \
  ok = ok && (icu_table.f = (__typeof__ (icu_table.f))                                        \
                ink__dynlib_sym (h, so, INK_ICU_SYMBOL_ (f), icu_why, sizeof icu_why));
  INK_ICU_FUNCTIONS (INK_ICU_LOAD_)
#undef INK_ICU_LOAD_
  if (ok)
    icu_loaded = &icu_table;
}

const ink__icu_t *
ink__icu (ink_context_t *ctx, const char *without)
{
  pthread_once (&icu_once, icu_open);
  if (!icu_loaded)
    ink__log (ctx, INK_LOG_WARNING, "ICU cannot be loaded (%s): %s", icu_why, without);
  return icu_loaded;
}
#endif
