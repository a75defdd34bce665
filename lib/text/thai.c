/* text/thai: libthai opened on first use; see thai.h. */
#define INK_THAI_LOADER
#include "thai.h"
#include "dynlib.h"

#include <pthread.h>
#include <stdio.h>

ink__thai_t ink__thai;

static pthread_once_t thai_once = PTHREAD_ONCE_INIT;
static bool thai_loaded;
static char thai_why[INK_DYNLIB_WHY];

static void
thai_open (void)
{
  const char *so = INK_SONAME_THAI;
  void *h = ink__dynlib_open (so, thai_why, sizeof thai_why);
  bool ok = h != NULL;
#define INK_THAI_LOAD_(f)                                                                     \
  ok = ok && (ink__thai.f = (__typeof__ (ink__thai.f))                                        \
                ink__dynlib_sym (h, so, #f, thai_why, sizeof thai_why));
  INK_THAI_FUNCTIONS (INK_THAI_LOAD_)
#undef INK_THAI_LOAD_
  thai_loaded = ok;
}

/* Documented in thai.h. */
bool
ink__thai_load (char *why, size_t n)
{
  pthread_once (&thai_once, thai_open);
  if (!thai_loaded && why && n)
    snprintf (why, n, "%s", thai_why);
  return thai_loaded;
}
