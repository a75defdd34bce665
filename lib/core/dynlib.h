/* core/dynlib: a shared library opened when first needed (ICU: text/icu.h; cairo:
 * pdf/pdfcairo.h), and its functions looked up by name. Each user keeps its table of
 * functions and opens it once; these only open and look up, and say why they could not.
 *
 *   char why[INK_DYNLIB_WHY];
 *   void *h = ink__dynlib_open ("libcairo.so.2", why, sizeof why);
 *   void *f = h ? ink__dynlib_sym (h, "libcairo.so.2", "cairo_create", why, sizeof why) : NULL;
 */
#ifndef INK_CORE_DYNLIB_H
#define INK_CORE_DYNLIB_H

#include <stddef.h>

#define INK_DYNLIB_WHY 160   /* room for the reason a library or function is missing */

/* The library soname, opened for its own use (RTLD_LOCAL, functions bound when called);
 * NULL, and the loader's reason in why, if it cannot be opened. */
void *ink__dynlib_open (const char *soname, char *why, size_t n);

/* The address of name in h (soname: h's name, for the message), searched in the libraries it
 * loaded too; NULL, and "soname has no name" in why, if there is none. */
void *ink__dynlib_sym (void *h, const char *soname, const char *name, char *why, size_t n);

#endif
