/* core/datadir: inkset's installed data, found relative to the library at run time. */
#ifndef INK_DATADIR_H
#define INK_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

#define INK__PATH_MAX 4096

/* Writes <prefix>/share/inkset/<sub> to out if that folder exists beside the library (or
 * the program that linked it statically); false otherwise. */
bool ink__data_dir (const char *sub, char *out, size_t size);

#endif
