/* Fuzz target: the JSON article reader. Whatever the input, reading must not crash or
 * leak; an article that reads must dump to JSON that reads back to the same dump. */
#include "article_roundtrip.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return article_roundtrip (data, size, ink_article_parse_json);
}
