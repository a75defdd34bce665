# One case of tests/missing.cmake.
# cmake -DINKSET=... -DSRC=<source dir> -DWORK=<scratch folder> -DCASE=<name> -P missing.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(article tests/cli/missing-glyphs.md)

function(render want_rc)
  execute_process(COMMAND ${INKSET} render ${ARGN} -o ${WORK}/out WORKING_DIRECTORY ${SRC}
                  TIMEOUT 50 RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc STREQUAL want_rc)
    message(FATAL_ERROR "exit status ${rc}, expected ${want_rc}; stderr:\n${err}")
  endif()
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_stderr want)
  if(NOT err STREQUAL want)
    message(FATAL_ERROR "stderr\n  got:\n${err}\n  expected:\n${want}")
  endif()
endfunction()

set(p "inkset: ${article}")
set(named_lines
"${p}:6:27: warning: no font has U+10E5 'ქ' (Georgian script), 10 characters in this run drawn as boxes
${p}:6:52: warning: no font has U+1230 'ሰ' (Ethiopic script), 6 characters in this run drawn as boxes
${p}:8:52: warning: no font has U+10E5 'ქ' (Georgian script), 1 character in this run drawn as boxes
${p}:10:15: warning: no font has U+1230 'ሰ' (Ethiopic script), 1 character in this run drawn as boxes
${p}: warning: 18 glyphs missing from the fonts (drawn as boxes); a font for them goes in the font folder (--font-dir, $INKSET_FONT_DIR) or the template
")

if(CASE STREQUAL "named")
  render(0 ${article})
  expect_stderr("${named_lines}")
  if(NOT EXISTS ${WORK}/out/page-001.png)
    message(FATAL_ERROR "no page written")
  endif()
elseif(CASE STREQUAL "strict")
  render(1 ${article} --strict)
  expect_stderr("${p}: 5 warnings, which --strict makes errors; no pages written\n${named_lines}")
  if(EXISTS ${WORK}/out/page-001.png)
    message(FATAL_ERROR "--strict wrote a page")
  endif()
elseif(CASE STREQUAL "capped")
  # 20 paragraphs, each with one Ethiopic letter at column 6 of its line.
  set(md "---\ntitle: Many runs\n---\n")
  foreach(i RANGE 1 20)
    string(APPEND md "\nWord ሰ word.\n")
  endforeach()
  file(WRITE ${WORK}/many.md "${md}")
  render(0 ${WORK}/many.md)
  string(REGEX MATCHALL "warning: no font has" lines "${err}")
  list(LENGTH lines n)
  if(NOT n EQUAL 12)
    message(FATAL_ERROR "${n} run lines, expected 12:\n${err}")
  endif()
  foreach(want "many.md:5:6: warning: no font has U+1230" "many.md:27:6: warning: no font"
               "many.md: warning: 8 more runs of characters no font has")
    string(FIND "${err}" "${want}" at)
    if(at LESS 0)
      message(FATAL_ERROR "'${want}' not in stderr:\n${err}")
    endif()
  endforeach()
elseif(CASE STREQUAL "one_flag")
  # A flag no font has: two regional indicators, one cluster, one box, one glyph counted.
  file(WRITE ${WORK}/flag.md "---\ntitle: A flag\n---\n\nThe team flew the 🇵🇰 flag.\n")
  render(0 ${WORK}/flag.md)
  foreach(want "flag.md:5:19: warning: no font has U+1F1F5" "2 characters in this run drawn as boxes"
               "flag.md: warning: 1 glyph missing from the fonts (drawn as boxes)")
    string(FIND "${err}" "${want}" at)
    if(at LESS 0)
      message(FATAL_ERROR "'${want}' not in stderr:\n${err}")
    endif()
  endforeach()
elseif(CASE STREQUAL "clean_strict")
  render(0 examples/articles/bakery-fire.md --strict)
  expect_stderr("")
else()
  message(FATAL_ERROR "unknown case ${CASE}")
endif()
