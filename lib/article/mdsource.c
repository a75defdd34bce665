/* article/mdsource: the Markdown source made ready for md4c, changed in place in a copy of
 * the same length, so that every position stays where it was:
 * - a CR alone ends a line, as LF and CR LF do (the front matter is read line by line);
 * - a footnote definition "[^label]: text" becomes a paragraph "[^label] text". md4c 0.4.8
 *   knows no footnotes: it would read the definition as a link reference and drop it, or
 *   turn every "[^label]" into a link to the note's first word. The reader then moves the
 *   notes' paragraphs to the end of the body (ink__md_notes_t lists their lines).
 *
 *   char *own = NULL;  size_t own_len;
 *   ink__md_line_ends (ctx, &src, len, &own, &own_len);
 */
#include "article.h"

#include <string.h>

/* src as a writable buffer: *own when src points into it, else a new copy that *own keeps. */
static char *
writable (ink_context_t *ctx, const char **src, size_t len, char **own, size_t *own_len)
{
  if (*own)
    return (char *) *src;
  char *w = ink__strndup (ctx, *src, len);
  if (!w)
    return NULL;
  *own = w;
  *own_len = len;
  *src = w;
  return w;
}

ink_status_t
ink__md_line_ends (ink_context_t *ctx, const char **src, size_t len, char **own,
                   size_t *own_len)
{
  char *w = NULL;
  for (size_t i = 0; i < len; i++) {
    const char *cr = memchr (*src + i, '\r', len - i);
    if (!cr)
      break;
    i = (size_t) (cr - *src);
    if (i + 1 < len && (*src)[i + 1] == '\n')
      continue;
    if (!w && !(w = writable (ctx, src, len, own, own_len)))
      return INK_NO_MEMORY;
    w[i] = '\n';
  }
  return INK_OK;
}

static bool
blank_line (const char *s, size_t ls, size_t le)
{
  for (size_t i = ls; i < le; i++)
    if (s[i] != ' ' && s[i] != '\t')
      return false;
  return true;
}

/* After up to three spaces, block quote markers and list markers: where the line's text
 * starts; *nested tells whether any marker was skipped. */
static size_t
content_start (const char *s, size_t i, size_t le, bool *nested)
{
  *nested = false;
  for (;;) {
    size_t k = i;
    while (k < le && (s[k] == ' ' || s[k] == '\t'))
      k++;
    if (k < le && s[k] == '>') {
      i = k + 1;
      *nested = true;
      continue;
    }
    size_t d = k;
    while (d < le && d - k < 9 && s[d] >= '0' && s[d] <= '9')
      d++;
    bool bullet = k < le && (s[k] == '-' || s[k] == '*' || s[k] == '+');
    size_t after = bullet ? k + 1 : d > k && d < le && (s[d] == '.' || s[d] == ')') ? d + 1 : k;
    if (after > k && after < le && (s[after] == ' ' || s[after] == '\t')) {
      i = after;
      *nested = true;
      continue;
    }
    return *nested || k - i <= 3 ? k : SIZE_MAX;
  }
}

/* "[^label]:" at s[i]: the offset of the colon, or SIZE_MAX. */
static size_t
definition_colon (const char *s, size_t i, size_t le)
{
  if (i == SIZE_MAX || le - i < 5 || s[i] != '[' || s[i + 1] != '^')
    return SIZE_MAX;
  size_t k = i + 2;
  while (k < le && k - i < 66 && s[k] != ']' && s[k] != ' ' && s[k] != '\t' && s[k] != '[')
    k++;
  if (k == i + 2 || k + 1 >= le || s[k] != ']' || s[k + 1] != ':')
    return SIZE_MAX;
  return k + 1;
}

/* A line that opens a block of its own, so it cannot continue a note's paragraph. */
static bool
opens_block (const char *s, size_t ls, size_t le)
{
  size_t k = ls;
  while (k < le && k - ls < 4 && s[k] == ' ')
    k++;
  if (k - ls >= 4)
    return false;
  bool nested;
  size_t c = content_start (s, ls, le, &nested);
  return nested || c == SIZE_MAX || (k < le && strchr ("#`~|<", s[k]) != NULL);
}

static size_t
line_end (const char *s, size_t len, size_t i)
{
  const char *nl = memchr (s + i, '\n', len - i);
  return nl ? (size_t) (nl - s) : len;
}

/* A fence of three or more backticks or tildes: its character, or 0. */
static char
fence_at (const char *s, size_t ls, size_t le)
{
  size_t k = ls;
  while (k < le && k - ls < 4 && s[k] == ' ')
    k++;
  if (k - ls >= 4 || le - k < 3 || (s[k] != '`' && s[k] != '~') || s[k + 1] != s[k] ||
      s[k + 2] != s[k])
    return 0;
  return s[k];
}

ink_status_t
ink__md_footnotes (ink_context_t *ctx, const char **src, size_t len, size_t body, char **own,
                   size_t *own_len, ink__md_notes_t *notes)
{
  char fence = 0;
  size_t i = body;
  while (i < len) {
    const char *s = *src;
    size_t le = line_end (s, len, i), next = le < len ? le + 1 : len;
    char f = fence_at (s, i, le);
    if (f && (!fence || f == fence)) {
      fence = fence ? 0 : f;
      i = next;
      continue;
    }
    bool nested;
    size_t colon = fence ? SIZE_MAX : definition_colon (s, content_start (s, i, le, &nested), le);
    if (colon == SIZE_MAX) {
      i = next;
      continue;
    }
    char *w = writable (ctx, src, len, own, own_len);
    if (!w)
      return INK_NO_MEMORY;
    w[colon] = ' ';
    size_t first = i;
    i = next;
    /* The note's paragraph goes on over lines that continue it. */
    while (!nested && i < len) {
      size_t e = line_end (w, len, i);
      bool nest2;
      if (blank_line (w, i, e) || opens_block (w, i, e) ||
          definition_colon (w, content_start (w, i, e, &nest2), e) != SIZE_MAX)
        break;
      i = e < len ? e + 1 : len;
    }
    ink__md_note_t note = { first, i, 0, 0 };
    if (!nested && !ink__vec_push (ctx, notes, note))
      return INK_NO_MEMORY;
  }
  return INK_OK;
}
