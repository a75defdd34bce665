/* core/structsize: public structs that grow, read and written by the size the caller gives.
 *
 * A struct that may grow starts with `size_t struct_size`, which the caller sets to sizeof the
 * struct as its headers had it. The library reads only that many bytes: a caller built against
 * older headers has the fields it knows, the rest read as zero (the default); a caller built
 * against newer headers may set fields this library lacks, which is refused rather than
 * ignored. This is the rule of Linux's copy_struct_from_user, for the same reason. */
#include "core.h"

#include <stdint.h>

static size_t
given_size (const void *given)
{
  size_t n;
  memcpy (&n, given, sizeof n);
  return n;
}

ink_status_t
ink__struct_in (ink_context_t *ctx, const void *given, size_t min, void *copy, size_t known,
                const char *what)
{
  memset (copy, 0, known);
  size_t n = given_size (given);
  if (n < min)
    return ink__error (ctx, INK_INVALID, "%s: struct_size %zu is below %zu: set it to sizeof (%s)",
                       what, n, min, what);
  const unsigned char *b = given;
  for (size_t i = known; i < n; i++)
    if (b[i])
      return ink__error (ctx, INK_UNSUPPORTED,
                         "%s: a field this version of inkset (%s) does not know is set (byte %zu)",
                         what, ink_version_string (), i);
  memcpy (copy, given, n < known ? n : known);
  return INK_OK;
}

ink_status_t
ink__struct_out (ink_context_t *ctx, void *given, size_t min, const void *src, size_t known,
                 const char *what)
{
  size_t n = given_size (given);
  if (n < min)
    return ink__error (ctx, INK_INVALID, "%s: struct_size %zu is below %zu: set it to sizeof (%s)",
                       what, n, min, what);
  unsigned char *b = given;
  memcpy (b, src, n < known ? n : known);
  memcpy (b, &n, sizeof n);
  if (n > known)
    memset (b + known, 0, n - known);
  return INK_OK;
}
