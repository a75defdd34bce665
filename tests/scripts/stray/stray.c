/* A file with the script tests that tests/scripts/ranges.cmake must find (script_ranges_stray). */
static int
lao (unsigned c)
{
  return c >= 0x0E80 && c <= 0x0EFF;
}

static int
arabic (int script)
{
  return script == HB_SCRIPT_ARABIC || script == HB_SCRIPT_COMMON;
}

static const struct { unsigned lo, hi; } hangul[] = { {0xAC00, 0xD7A3} };

static int
not_a_script (unsigned c)
{
  return c >= 0x2000 && c <= 0x206F && c == 0x0E01;
}
