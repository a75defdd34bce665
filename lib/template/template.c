/* template: the page template's life cycle, its accessors and the built-in templates.
 * Reading the template language is in reader.c.
 *
 *   ink_template_t *tpl;
 *   ink_diag_t diag;
 *   if (ink_template_load (ctx, "kiosk.ini", &tpl, &diag) != INK_OK)
 *     fprintf (stderr, "kiosk.ini:%u:%u: %s\n", diag.line, diag.column, diag.message);
 *   ...
 *   ink_template_destroy (tpl);
 */
#include "template.h"

#include <stdio.h>

const char *const ink__role_names[INK_ROLE_COUNT_] = {
  [INK_ROLE_KICKER] = "kicker",
  [INK_ROLE_HEADLINE] = "headline",
  [INK_ROLE_DECK] = "deck",
  [INK_ROLE_BYLINE] = "byline",
  [INK_ROLE_DATELINE] = "dateline",
  [INK_ROLE_BODY] = "body",
  [INK_ROLE_SUBHEAD] = "subhead",
  [INK_ROLE_QUOTE] = "quote",
  [INK_ROLE_ATTRIBUTION] = "attribution",
  [INK_ROLE_RELATED] = "related",
  [INK_ROLE_CAPTION] = "caption",
  [INK_ROLE_CREDIT] = "credit",
  [INK_ROLE_COMMENT_AUTHOR] = "comment_author",
  [INK_ROLE_COMMENT] = "comment",
  [INK_ROLE_REPLY] = "reply",
  [INK_ROLE_HEADER] = "header",
  [INK_ROLE_FOOTER] = "footer",
  [INK_ROLE_SOURCE] = "source",
  [INK_ROLE_LIST] = "list",
  [INK_ROLE_BLOCKQUOTE] = "blockquote",
  [INK_ROLE_TABLE] = "table",
};

/**
 * ink_template_parse:
 * @ctx: a context
 * @src: the template text, UTF-8 (docs/templates.md); need not be NUL-terminated
 * @len: bytes in @src, at most the context's INK_LIMIT_TEMPLATE_BYTES
 * @name: (nullable) the template's name, also used in messages; NULL gives "template"
 * @out: receives the new template, owned by the caller (ink_template_destroy)
 * @diag: (nullable) receives the line, column and message of the first error
 *
 * Reads and validates a template. Nothing of a template that fails is kept.
 *
 * Return value: INK_OK; INK_PARSE for a bad template, INK_LIMIT for one over the size
 * limit (both with @diag filled); INK_INVALID or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink_template_parse (ink_context_t *ctx, const char *src, size_t len, const char *name,
                    ink_template_t **out, ink_diag_t *diag)
{
  if (out)
    *out = NULL;
  if (!ctx || !out || (!src && len))
    return ink__error (ctx, INK_INVALID, "ink_template_parse: invalid argument");
  if (!src)
    src = "";
  return ink__template_read (ctx, src, len, name, name ? name : "template", out, diag);
}

/* The file's name without its folders and without ".ini". */
static void
base_name (const char *path, char *buf, size_t size)
{
  const char *b = strrchr (path, '/');
  b = b ? b + 1 : path;
  size_t n = strlen (b);
  if (n > 4 && strcmp (b + n - 4, ".ini") == 0)
    n -= 4;
  if (n >= size)
    n = size - 1;
  memcpy (buf, b, n);
  buf[n] = 0;
}

/**
 * ink_template_load:
 * @ctx: a context
 * @path: a template file
 * @out: receives the new template, owned by the caller (ink_template_destroy)
 * @diag: (nullable) receives the line, column and message of the first error
 *
 * Reads a template file. The template is named after the file, without ".ini"; messages
 * on the context (ink_context_error) start with @path.
 *
 * Return value: INK_OK; INK_IO when the file cannot be read, INK_LIMIT when it is over
 * INK_LIMIT_TEMPLATE_BYTES; otherwise as ink_template_parse.
 * Since: 0.1
 */
ink_status_t
ink_template_load (ink_context_t *ctx, const char *path, ink_template_t **out,
                   ink_diag_t *diag)
{
  if (out)
    *out = NULL;
  if (diag)
    memset (diag, 0, sizeof *diag);
  if (!ctx || !path || !out)
    return ink__error (ctx, INK_INVALID, "ink_template_load: invalid argument");
  char *data;
  size_t len;
  ink_status_t st = ink__read_file (ctx, path, ink__limit (ctx, INK_LIMIT_TEMPLATE_BYTES),
                                    &data, &len);
  if (st != INK_OK) {
    if (diag)
      snprintf (diag->message, sizeof diag->message, "%s", ink_context_error (ctx));
    return st;
  }
  char name[128];
  base_name (path, name, sizeof name);
  st = ink__template_read (ctx, data, len, name, path, out, diag);
  ink__free (ctx, data, len + 1);
  return st;
}

static const ink__builtin_t *
find_builtin (const char *name)
{
  if (!name)
    return &ink__builtins[0];
  for (size_t i = 0; i < ink__nbuiltins; i++)
    if (strcmp (ink__builtins[i].name, name) == 0)
      return &ink__builtins[i];
  return NULL;
}

/**
 * ink_template_builtin:
 * @ctx: a context
 * @name: (nullable) a built-in template's name (ink_template_builtin_names); NULL gives
 *   the default, "kiosk-10.3"
 * @out: receives the template, owned by the caller (ink_template_destroy)
 *
 * The built-in templates are the files examples/templates/NAME.ini, compiled in.
 *
 * Return value: INK_OK, INK_NOT_FOUND for an unknown name, INK_INVALID or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink_template_builtin (ink_context_t *ctx, const char *name, ink_template_t **out)
{
  if (out)
    *out = NULL;
  if (!ctx || !out)
    return ink__error (ctx, INK_INVALID, "ink_template_builtin: invalid argument");
  const ink__builtin_t *b = find_builtin (name);
  if (!b)
    return ink__error (ctx, INK_NOT_FOUND, "no built-in template named '%s'", name);
  return ink__template_read (ctx, b->text, b->len, b->name, b->name, out, NULL);
}

/**
 * ink_template_open:
 * @ctx: a context
 * @name_or_path: (nullable) a built-in template's name, else a template file's path; NULL
 *   gives the default built-in template
 * @out: receives the template, owned by the caller (ink_template_destroy)
 * @diag: (nullable) receives the position and message of the first error in a file
 *
 * What a command line's "-t TEMPLATE" means: a built-in name wins over a file of the same
 * name in the working directory.
 *
 * Return value: as ink_template_builtin or ink_template_load.
 * Since: 0.1
 */
ink_status_t
ink_template_open (ink_context_t *ctx, const char *name_or_path, ink_template_t **out,
                   ink_diag_t *diag)
{
  if (diag)
    memset (diag, 0, sizeof *diag);
  if (!name_or_path || find_builtin (name_or_path))
    return ink_template_builtin (ctx, name_or_path, out);
  return ink_template_load (ctx, name_or_path, out, diag);
}

/**
 * ink_template_builtin_names:
 *
 * Return value: the built-in templates' names, the default first, ending with NULL; static.
 * Since: 0.1
 */
const char *const *
ink_template_builtin_names (void)
{
  return ink__builtin_names;
}

/**
 * ink_template_builtin_source:
 * @name: (nullable) a built-in template's name; NULL gives the default
 * @len: (nullable) receives the text's length in bytes
 *
 * The text of a built-in template, a starting point for one's own.
 *
 * Return value: the text (NUL-terminated, static), or NULL for an unknown name.
 * Since: 0.1
 */
const char *
ink_template_builtin_source (const char *name, size_t *len)
{
  const ink__builtin_t *b = find_builtin (name);
  if (len)
    *len = b ? b->len : 0;
  return b ? b->text : NULL;
}

/**
 * ink_template_reference:
 * @tpl: (nullable) a template
 *
 * Takes another reference. A template never changes once built, so references may be used
 * from several threads; the last ink_template_destroy frees it through its context.
 *
 * Return value: @tpl.
 * Since: 0.1
 */
ink_template_t *
ink_template_reference (ink_template_t *tpl)
{
  if (tpl)
    __atomic_fetch_add (&tpl->refcount, 1, __ATOMIC_RELAXED);
  return tpl;
}

/**
 * ink_template_destroy:
 * @tpl: (nullable) a template
 *
 * Drops a reference; the last one frees the template.
 * Since: 0.1
 */
void
ink_template_destroy (ink_template_t *tpl)
{
  if (!tpl || __atomic_sub_fetch (&tpl->refcount, 1, __ATOMIC_ACQ_REL) != 0)
    return;
  ink_context_t *ctx = tpl->ctx;
  ink__free (ctx, tpl->families, tpl->nfamilies * sizeof *tpl->families);
  ink__free (ctx, tpl->fallbacks, tpl->nfallbacks * sizeof *tpl->fallbacks);
  ink__free (ctx, tpl->arena, tpl->arena_len);
  ink__free (ctx, tpl, sizeof *tpl);
}

/**
 * ink_template_name:
 * @tpl: a template
 *
 * Return value: the template's name ("kiosk-10.3", or the file's name without ".ini");
 * owned by @tpl.
 * Since: 0.1
 */
const char *
ink_template_name (const ink_template_t *tpl)
{
  return tpl ? tpl->name : NULL;
}

/**
 * ink_template_width:
 * @tpl: a template
 *
 * Return value: the page width in pixels.
 * Since: 0.1
 */
uint32_t
ink_template_width (const ink_template_t *tpl)
{
  return tpl ? tpl->width_px : 0;
}

/**
 * ink_template_height:
 * @tpl: a template
 *
 * Return value: the page height in pixels.
 * Since: 0.1
 */
uint32_t
ink_template_height (const ink_template_t *tpl)
{
  return tpl ? tpl->height_px : 0;
}

/**
 * ink_template_dpi:
 * @tpl: a template
 *
 * Return value: the page's dots per inch (96 when the template gives none).
 * Since: 0.1
 */
float
ink_template_dpi (const ink_template_t *tpl)
{
  return tpl ? tpl->dpi : 0;
}

/**
 * ink_template_bpp:
 * @tpl: a template
 *
 * Return value: the panel's default bits per pixel: 1, 2, 4 or 8.
 * Since: 0.1
 */
unsigned
ink_template_bpp (const ink_template_t *tpl)
{
  return tpl ? tpl->bpp : 0;
}

/**
 * ink_template_columns:
 * @tpl: a template
 *
 * Return value: the number of text columns on a page, 1 to 12.
 * Since: 0.1
 */
unsigned
ink_template_columns (const ink_template_t *tpl)
{
  return tpl ? tpl->columns : 0;
}

/**
 * ink_template_dither:
 * @tpl: a template
 *
 * Return value: the name of the dither the panel section asks for pictures
 * ("floyd-steinberg", "atkinson", "bayer", "blue-noise", "none"), or NULL when the template
 * leaves it to the caller. Static.
 * Since: 0.1
 */
const char *
ink_template_dither (const ink_template_t *tpl)
{
  static const char *const names[] = { NULL, "none", "floyd-steinberg", "atkinson", "bayer",
                                       "blue-noise" };
  if (!tpl || (unsigned) tpl->dither >= sizeof names / sizeof *names)
    return NULL;
  return names[tpl->dither];
}
