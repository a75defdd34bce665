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

/* Documented in include/inkset/inkset-template.h. */
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

/* Documented in include/inkset/inkset-template.h. */
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

/* Documented in include/inkset/inkset-template.h. */
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

/* Documented in include/inkset/inkset-template.h. */
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

/* Documented in include/inkset/inkset-template.h. */
const char *const *
ink_template_builtin_names (void)
{
  return ink__builtin_names;
}

/* Documented in include/inkset/inkset-template.h. */
const char *
ink_template_builtin_source (const char *name, size_t *len)
{
  const ink__builtin_t *b = find_builtin (name);
  if (len)
    *len = b ? b->len : 0;
  return b ? b->text : NULL;
}

/* Documented in include/inkset/inkset-template.h. */
ink_template_t *
ink_template_reference (ink_template_t *tpl)
{
  if (tpl)
    __atomic_fetch_add (&tpl->refcount, 1, __ATOMIC_RELAXED);
  return tpl;
}

/* Documented in include/inkset/inkset-template.h. */
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

/* Documented in include/inkset/inkset-template.h. */
const char *
ink_template_name (const ink_template_t *tpl)
{
  return tpl ? tpl->name : NULL;
}

/* Documented in include/inkset/inkset-template.h. */
uint32_t
ink_template_width (const ink_template_t *tpl)
{
  return tpl ? tpl->width_px : 0;
}

/* Documented in include/inkset/inkset-template.h. */
uint32_t
ink_template_height (const ink_template_t *tpl)
{
  return tpl ? tpl->height_px : 0;
}

/* Documented in include/inkset/inkset-template.h. */
float
ink_template_dpi (const ink_template_t *tpl)
{
  return tpl ? tpl->dpi : 0;
}

/* Documented in include/inkset/inkset-template.h. */
unsigned
ink_template_bpp (const ink_template_t *tpl)
{
  return tpl ? tpl->bpp : 0;
}

/* Documented in include/inkset/inkset-template.h. */
unsigned
ink_template_columns (const ink_template_t *tpl)
{
  return tpl ? tpl->columns : 0;
}

/* Documented in include/inkset/inkset-template.h. */
const char *
ink_template_dither (const ink_template_t *tpl)
{
  static const char *const names[] = { NULL, "none", "floyd-steinberg", "atkinson", "bayer",
                                       "blue-noise" };
  if (!tpl || (unsigned) tpl->dither >= sizeof names / sizeof *names)
    return NULL;
  return names[tpl->dither];
}
