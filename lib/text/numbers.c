/* text/numbers: a number (a page number) in the digits the page prints for the article's
 * language, as core/digits.c decides them.
 *
 *   char out[INK_NUMBER_MAX];
 *   ink__format_number (12, ink__digits_for ("fa", NULL, 0), out, sizeof out);   // "۱۲"
 */
#include "dates.h"

#include <stdio.h>

void
ink__format_number (unsigned long n, const ink__digits_t *digits, char *out, size_t size)
{
  char ascii[24];
  snprintf (ascii, sizeof ascii, "%lu", n);
  ink__digits_apply (digits, ascii, out, size);
}
