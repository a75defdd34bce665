/* markdown_lint.c: what the Markdown reader would set quietly other than the author meant,
 * found in the source before it is read. A table whose header row follows a paragraph line
 * with no blank line between is, to the reader (as to CommonMark's table extension in most
 * readers), a paragraph with pipes: its text is kept, and a warning says where. */
#include "markdown-internal.h"

#include <string.h>

/* One line of the body: where it starts and ends, its containers' "> " and indent left out. */
typedef struct {
  const char *s, *e;
} line_t;

static line_t
line_at (const char *s, const char *end)
{
  line_t l = { s, s };
  while (l.e < end && *l.e != '\n')
    l.e++;
  while (l.s < l.e && (*l.s == ' ' || *l.s == '\t' || *l.s == '>'))
    l.s++;
  return l;
}

static bool
blank (line_t l)
{
  for (const char *c = l.s; c < l.e; c++)
    if (*c != ' ' && *c != '\t' && *c != '\r')
      return false;
  return true;
}

static bool
has_pipe (line_t l)
{
  return memchr (l.s, '|', (size_t) (l.e - l.s)) != NULL;
}

/* A table's delimiter row: pipes, dashes, colons and spaces only, with a pipe and a dash. */
static bool
delimiter_row (line_t l)
{
  bool pipe = false, dash = false;
  for (const char *c = l.s; c < l.e; c++) {
    if (*c == '|')
      pipe = true;
    else if (*c == '-')
      dash = true;
    else if (*c != ':' && *c != ' ' && *c != '\t' && *c != '\r')
      return false;
  }
  return pipe && dash;
}

/* A fence opens or closes a code block, whose lines are not looked at. */
static bool
fence (line_t l)
{
  return l.e - l.s >= 3 && (memcmp (l.s, "```", 3) == 0 || memcmp (l.s, "~~~", 3) == 0);
}

void
ink__md_lint_tables (md_t *m)
{
  const char *end = m->body + m->body_len;
  line_t before = { NULL, NULL }, header = { NULL, NULL };
  bool in_code = false;
  for (const char *s = m->body; s < end;) {
    line_t l = line_at (s, end);
    if (fence (l))
      in_code = !in_code;
    else if (!in_code && before.s && delimiter_row (l) && has_pipe (header) &&
             !blank (before) && !has_pipe (before) && *before.s != '#') {
      unsigned line, col;
      const char *pipe = memchr (header.s, '|', (size_t) (header.e - header.s));
      lc (m, (size_t) (pipe - m->src), &line, &col);
      ink__article_warn (m->ctx, line, col, "a table needs a blank line before it; this one "
                         "is set as text");
    }
    before = header;
    header = l;
    s = l.e < end ? l.e + 1 : end;
  }
}
