/* article/dump: the article model written in its JSON form (docs/articles.md), one block per
 * line with keys in a fixed order, so that equal models give equal bytes and
 * ink_article_parse_json() reads the result back into an equal article.
 *
 *   char *json;
 *   if (ink_article_dump_json (article, &json, NULL) == INK_OK) {
 *     fputs (json, stdout);
 *     ink_article_dump_free (ctx, json);
 *   }
 */
#include "article.h"

/* Appends a string literal. */
#define LIT(ctx, o, s) ink__str_append ((ctx), (o), (s), sizeof (s) - 1)

static bool
put_key_str (ink_context_t *ctx, ink__str_t *o, const char *key, const char *v, size_t n)
{
  return ink__str_printf (ctx, o, ", \"%s\": ", key) && ink__str_append_json (ctx, o, v, n);
}

static bool
put_spans (ink_context_t *ctx, ink__str_t *o, const ink__block_t *b)
{
  if (!b->nspans)
    return true;
  if (!LIT (ctx, o, ", \"spans\": ["))
    return false;
  for (size_t i = 0; i < b->nspans; i++) {
    const ink__span_t *s = &b->spans[i];
    if (!ink__str_printf (ctx, o, "%s{ \"start\": %u, \"length\": %u", i ? ", " : "",
                          (unsigned) s->start, (unsigned) s->len))
      return false;
    static const struct { unsigned flag; const char *name; } styles[] = {
      { INK_SPAN_EM, "em" }, { INK_SPAN_STRONG, "strong" }, { INK_SPAN_CODE, "code" },
    };
    bool any = false;
    for (size_t k = 0; k < 3; k++) {
      if (!(s->flags & styles[k].flag))
        continue;
      if (!ink__str_printf (ctx, o, "%s\"%s\"", any ? ", " : ", \"style\": [", styles[k].name))
        return false;
      any = true;
    }
    if (any && !LIT (ctx, o, "]"))
      return false;
    if ((s->flags & INK_SPAN_LINK) && s->href &&
        !put_key_str (ctx, o, "href", s->href, strlen (s->href)))
      return false;
    if (s->lang && !put_key_str (ctx, o, "lang", s->lang, strlen (s->lang)))
      return false;
    if (!LIT (ctx, o, " }"))
      return false;
  }
  return LIT (ctx, o, "]");
}

static bool
put_block (ink_context_t *ctx, ink__str_t *o, const ink__block_t *b)
{
  if (!ink__str_printf (ctx, o, "{ \"type\": \"%s\"", ink__block_kind_names[b->kind]))
    return false;
  if ((b->kind == INK_BLOCK_SUBHEAD || b->kind == INK_BLOCK_LIST_ITEM ||
       b->kind == INK_BLOCK_QUOTE) && !ink__str_printf (ctx, o, ", \"level\": %u", b->level))
    return false;
  if ((b->kind == INK_BLOCK_LIST_ITEM || b->kind == INK_BLOCK_TABLE_ROW) &&
      !ink__str_printf (ctx, o, ", \"number\": %u", b->number))
    return false;
  /* A row's level is its column count, 0 when the reader was given none (it reads back so). */
  if (b->kind == INK_BLOCK_TABLE_ROW &&
      ((b->level && !ink__str_printf (ctx, o, ", \"level\": %u", b->level)) ||
       (b->align && !put_key_str (ctx, o, "align", b->align, strlen (b->align)))))
    return false;
  if (b->kind == INK_BLOCK_FIGURE && b->image_path &&
      !put_key_str (ctx, o, "image", b->image_path, strlen (b->image_path)))
    return false;
  if (b->kind == INK_BLOCK_RULE)
    return true;
  if (!put_key_str (ctx, o, "text", b->text ? b->text : "", b->text ? b->text_len : 0) ||
      !put_spans (ctx, o, b))
    return false;
  const struct { const char *key, *v; } extra[] = {
    { "attribution", b->attribution }, { "href", b->href }, { "credit", b->credit },
  };
  for (size_t k = 0; k < 3; k++)
    if (extra[k].v && !put_key_str (ctx, o, extra[k].key, extra[k].v, strlen (extra[k].v)))
      return false;
  return true;
}

/* Writes the comment at blocks[*i] and its replies (the following blocks one level deeper). */
static bool
put_comment (ink_context_t *ctx, ink__str_t *o, const ink_article_t *a, size_t *i,
             unsigned indent)
{
  const ink__block_t *b = &a->blocks[(*i)++];
  if (!ink__str_printf (ctx, o, "%*s{ ", (int) indent, ""))
    return false;
  bool first = true;
  const struct { const char *key, *v; } who[] = { { "author", b->author }, { "meta", b->meta } };
  for (size_t k = 0; k < 2; k++) {
    if (!who[k].v)
      continue;
    if (!ink__str_printf (ctx, o, "%s\"%s\": ", first ? "" : ", ", who[k].key) ||
        !ink__str_append_json (ctx, o, who[k].v, strlen (who[k].v)))
      return false;
    first = false;
  }
  if (!ink__str_printf (ctx, o, "%s\"text\": ", first ? "" : ", ") ||
      !ink__str_append_json (ctx, o, b->text ? b->text : "", b->text ? b->text_len : 0) ||
      !put_spans (ctx, o, b))
    return false;
  bool any = false;
  while (*i < a->nblocks && a->blocks[*i].kind == INK_BLOCK_COMMENT &&
         a->blocks[*i].level > b->level) {
    if (!(any ? LIT (ctx, o, ",\n") : LIT (ctx, o, ", \"replies\": [\n")) ||
        !put_comment (ctx, o, a, i, indent + 2))
      return false;
    any = true;
  }
  if (any && !ink__str_printf (ctx, o, "\n%*s]", (int) indent, ""))
    return false;
  return LIT (ctx, o, " }");
}

static bool
dump (const ink_article_t *a, ink__str_t *o)
{
  ink_context_t *ctx = a->ctx;
  if (!LIT (ctx, o, "{\n"))
    return false;
  for (int k = 0; k < INK_KEY_COUNT_; k++) {
    const char *v = *ink__article_field ((ink_article_t *) a, (ink__key_t) k);
    if (!v)
      continue;
    if (!ink__str_printf (ctx, o, "  \"%s\": ", ink__key_names[k]) ||
        !ink__str_append_json (ctx, o, v, strlen (v)) || !LIT (ctx, o, ",\n"))
      return false;
  }
  if (!LIT (ctx, o, "  \"blocks\": ["))
    return false;
  bool any = false;
  for (size_t i = 0; i < a->nblocks; i++) {
    const ink__block_t *b = &a->blocks[i];
    if (b->kind == INK_BLOCK_COMMENT)
      continue;
    if (!(any ? LIT (ctx, o, ",\n    ") : LIT (ctx, o, "\n    ")) ||
        !put_block (ctx, o, b) || !LIT (ctx, o, " }"))
      return false;
    any = true;
  }
  if (!(any ? LIT (ctx, o, "\n  ]") : LIT (ctx, o, "]")))
    return false;
  any = false;
  for (size_t i = 0; i < a->nblocks;) {
    if (a->blocks[i].kind != INK_BLOCK_COMMENT) {
      i++;
      continue;
    }
    if (!(any ? LIT (ctx, o, ",\n") : LIT (ctx, o, ",\n  \"comments\": [\n")) ||
        !put_comment (ctx, o, a, &i, 4))
      return false;
    any = true;
  }
  if (any && !LIT (ctx, o, "\n  ]"))
    return false;
  return LIT (ctx, o, "\n}\n");
}

/* Documented in include/inkset/inkset-article.h. */
ink_status_t
ink_article_dump_json (const ink_article_t *article, char **out, size_t *len)
{
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (len)
    *len = 0;
  if (!article)
    return INK_INVALID;
  ink_context_t *ctx = article->ctx;
  ink__str_t o = { 0 };
  if (!dump (article, &o)) {
    ink__str_free (ctx, &o);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  char *s = ink__realloc (ctx, o.s, o.cap, o.n + 1);
  if (!s) {
    ink__str_free (ctx, &o);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  *out = s;
  if (len)
    *len = o.n;
  return INK_OK;
}

/* Documented in include/inkset/inkset-article.h. */
void
ink_article_dump_free (ink_context_t *ctx, char *json)
{
  if (ctx)
    ink__strfree (ctx, json);
}
