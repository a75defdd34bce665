/* text/thai: libthai, opened with dlopen the first time Thai text is broken into words, so
 * that a run without Thai never maps libthai and libdatrie (two of the shared libraries the
 * dynamic loader would otherwise map and relocate at every start; docs/performance.md). The
 * library opened is the one inkset was built against, by its soname (INK_SONAME_THAI from
 * cmake/dlopen.cmake).
 *
 * Every libthai function lib/text calls is listed below, and its name is made a macro for
 * the pointer loaded: th_brk_new (NULL) is (ink__thai.th_brk_new) (NULL), valid once
 * ink__thai_load has succeeded. A libthai function not listed does not link.
 *
 *   if (!ink__thai_load (why, sizeof why)) ... Thai breaks at spaces only ...
 */
#ifndef INK_TEXT_THAI_H
#define INK_TEXT_THAI_H

#include <stdbool.h>
#include <stddef.h>
#include <thai/thbrk.h>
#include <thai/thwchar.h>

#define INK_THAI_FUNCTIONS(X) X (th_brk_new) X (th_brk_delete) X (th_brk_find_breaks) X (th_uni2tis)

#define INK_THAI_FIELD_(f) __typeof__ (f) *f;
typedef struct {
  INK_THAI_FUNCTIONS (INK_THAI_FIELD_)
} ink__thai_t;
#undef INK_THAI_FIELD_

/* The functions, filled by the first ink__thai_load that succeeds. */
extern ink__thai_t ink__thai;

/* Opens libthai once (thread-safe): true, or false with the reason in why (n bytes). */
bool ink__thai_load (char *why, size_t n);

#ifndef INK_THAI_LOADER   /* thai.c, which fills the fields by their names */
#define th_brk_new (ink__thai.th_brk_new)
#define th_brk_delete (ink__thai.th_brk_delete)
#define th_brk_find_breaks (ink__thai.th_brk_find_breaks)
#define th_uni2tis (ink__thai.th_uni2tis)
#endif

#endif
