/* core/datadir: finds inkset's installed data (fonts) relative to the library at run time,
 * so that an install can be moved to another prefix and still find its fonts.
 *
 *   char dir[INK__PATH_MAX];
 *   if (ink__data_dir ("fonts", dir, sizeof dir)) ...   // <prefix>/share/inkset/fonts
 *
 * The object holding this code is libinkset.so (shared) or the program that linked
 * libinkset.a (static): from its folder, the data is at the relative path CMake computed
 * from the library or program folder to the data folder. No absolute path of the build
 * machine is compiled in. */
#define _GNU_SOURCE 1 /* dladdr, realpath */
#include "core.h"
#include "datadir.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#ifndef INK_DATA_FROM_LIBDIR
#define INK_DATA_FROM_LIBDIR "../share/inkset"
#endif
#ifndef INK_DATA_FROM_BINDIR
#define INK_DATA_FROM_BINDIR "../share/inkset"
#endif

/* Replaces path (a resolved file name) by its folder; false if it has none. */
static bool
to_folder (char *path)
{
  char *slash = strrchr (path, '/');
  if (!slash || slash == path)
    return false;
  *slash = '\0';
  return true;
}

/* Tries <folder>/<rel>/<sub> for every layout an install or a build tree has. */
static bool
probe (const char *folder, const char *sub, char *out, size_t size)
{
  /* The build tree keeps a share/inkset/ beside the library and the program. */
  const char *rels[] = { INK_DATA_FROM_LIBDIR, INK_DATA_FROM_BINDIR, "share/inkset" };
  for (size_t i = 0; i < sizeof rels / sizeof *rels; i++) {
    int n = snprintf (out, size, "%s/%s/%s", folder, rels[i], sub);
    struct stat st;
    if (n > 0 && (size_t) n < size && stat (out, &st) == 0 && S_ISDIR (st.st_mode))
      return true;
  }
  return false;
}

/* ink__data_dir:
 * @sub: a folder under share/inkset ("fonts")
 * @out: receives the folder's path
 * @size: bytes at @out
 *
 * Return value: true if the folder was found next to the library or the program. */
bool
ink__data_dir (const char *sub, char *out, size_t size)
{
  char where[PATH_MAX];
  Dl_info info;
  /* dladdr names the program itself by argv[0], which lacks a folder when found on PATH. */
  if (dladdr ((void *) ink__data_dir, &info) && info.dli_fname && strchr (info.dli_fname, '/')
      && realpath (info.dli_fname, where) && to_folder (where) && probe (where, sub, out, size))
    return true;
  return realpath ("/proc/self/exe", where) && to_folder (where) && probe (where, sub, out, size);
}
