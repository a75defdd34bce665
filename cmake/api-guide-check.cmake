# docs/api.md quotes examples/minimal/minimal.c whole, under a marker comment; this checks that
# the quote is still the file, which CI compiles against an installed inkset.
#   cmake -DSRC=<source dir> -P api-guide-check.cmake
file(READ ${SRC}/docs/api.md guide)
file(READ ${SRC}/examples/minimal/minimal.c example)
set(marker "<!-- examples/minimal/minimal.c -->\n```c\n")
string(FIND "${guide}" "${marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "docs/api.md: no quote of examples/minimal/minimal.c (marker missing)")
endif()
string(LENGTH "${marker}" skip)
math(EXPR at "${at} + ${skip}")
string(SUBSTRING "${guide}" ${at} -1 rest)
string(FIND "${rest}" "```\n" end)
string(SUBSTRING "${rest}" 0 ${end} quoted)
if(NOT quoted STREQUAL example)
  message(FATAL_ERROR "docs/api.md: the quote of examples/minimal/minimal.c differs from the file; copy the file into the guide again")
endif()
message("api_guide_example: docs/api.md quotes examples/minimal/minimal.c as it is")
