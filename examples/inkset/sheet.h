/* inkset/sheet: the command line's --contact-sheet. */
#ifndef INKSET_CLI_SHEET_H
#define INKSET_CLI_SHEET_H

#include <inkset/inkset.h>

/* Writes every page of doc side by side, scaled down, as one 8-bit grey PNG at path. */
ink_status_t sheet_write (ink_context_t *ctx, ink_document_t *doc, const char *path);

#endif
