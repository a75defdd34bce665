# Runs `inkset render` on one bad input and compares the exit status and the first line of
# stderr with CASE.expected (line 1: the exit status; line 2: the stderr line, empty for none).
# A signal (a crash) or any status but 0, 1, 2 or 3 fails. CASE.ini, when present, is the
# template (-t); its fonts are looked up in this folder.
# cmake -DINKSET=... -DSRC=<source dir> -DCASE=<name> -P run.cmake
set(dir tests/bad/cli)
file(GLOB input RELATIVE ${SRC} ${SRC}/${dir}/${CASE}.md ${SRC}/${dir}/${CASE}.json)
if(NOT input)
  set(input ${dir}/${CASE}.md)   # the missing-file case names a file that does not exist
endif()
set(args render ${input} -o ${OUT}/${CASE})
set(fontdir ${SRC}/fonts)
if(EXISTS ${SRC}/${dir}/${CASE}.ini)
  list(APPEND args -t ${dir}/${CASE}.ini)
  set(fontdir ${dir})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env INKSET_FONT_DIR=${fontdir} ${INKSET} ${args}
                WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
file(STRINGS ${SRC}/${dir}/${CASE}.expected expected)
list(LENGTH expected n)
list(GET expected 0 want_rc)
set(want_line "")
if(n GREATER 1)
  list(GET expected 1 want_line)
endif()
string(REGEX REPLACE "\n.*" "" got_line "${err}")
if(NOT rc MATCHES "^[0-3]$")
  message(FATAL_ERROR "${CASE}: inkset did not exit cleanly (${rc}); stderr:\n${err}")
endif()
if(NOT rc STREQUAL want_rc)
  message(FATAL_ERROR "${CASE}: exit status ${rc}, expected ${want_rc}; stderr:\n${err}")
endif()
if(NOT got_line STREQUAL want_line)
  message(FATAL_ERROR "${CASE}: stderr first line\n  got:      ${got_line}\n  expected: ${want_line}")
endif()
if(NOT want_line STREQUAL "" AND NOT want_line MATCHES "^inkset: [^:]+(:[0-9]+:[0-9]+)?: .")
  message(FATAL_ERROR "${CASE}: '${want_line}' is not of the form 'inkset: FILE[:LINE:COLUMN]: message'")
endif()
