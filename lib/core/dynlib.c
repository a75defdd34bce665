/* core/dynlib: shared libraries opened at run time; see dynlib.h. */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

void *
ink__dynlib_open (const char *soname, char *why, size_t n)
{
  void *h = dlopen (soname, RTLD_LAZY | RTLD_LOCAL);
  if (!h)
    snprintf (why, n, "%s", dlerror ());
  return h;
}

void *
ink__dynlib_sym (void *h, const char *soname, const char *name, char *why, size_t n)
{
  void *f = dlsym (h, name);
  if (!f)
    snprintf (why, n, "%s has no %s", soname, name);
  return f;
}
