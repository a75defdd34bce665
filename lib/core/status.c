/* core/status: the status table and version. */
#include "core.h"

#include <inkset/inkset-version.h>

#define INK_STATUS_TEXT_(name, text) text,
static const char *const status_text[] = { INK_STATUS_LIST (INK_STATUS_TEXT_) };
#undef INK_STATUS_TEXT_

/* Documented in include/inkset/inkset-common.h. */
const char *
ink_status_to_string (ink_status_t status)
{
  if ((unsigned) status >= sizeof status_text / sizeof *status_text)
    return "unknown status";
  return status_text[status];
}

/* Documented in include/inkset/inkset-common.h. */
const char *
ink_version_string (void)
{
  return INK_VERSION_STRING;
}

/* Documented in include/inkset/inkset-common.h. */
unsigned
ink_version (unsigned *major, unsigned *minor, unsigned *micro)
{
  if (major)
    *major = INK_VERSION_MAJOR;
  if (minor)
    *minor = INK_VERSION_MINOR;
  if (micro)
    *micro = INK_VERSION_MICRO;
  return INK_VERSION_NUMBER;
}

/* Documented in include/inkset/inkset-common.h. */
unsigned
ink_features (void)
{
  unsigned f = INK_FEATURE_PNG | INK_FEATURE_JPEG | INK_FEATURE_THAI | INK_FEATURE_HYPHEN;
#ifdef INK_WITH_FBDEV
  f |= INK_FEATURE_FBDEV;
#endif
#ifdef INK_WITH_PDF
  f |= INK_FEATURE_PDF;
#endif
  return f;
}
