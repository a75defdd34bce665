# Runs Doxygen on the public headers and fails on any warning: an undocumented declaration,
# parameter or member, or a bad reference. Doxygen ignores the declarations of a header that
# has no @file block, so every header must have one. Without Doxygen it says so, and the test
# is marked skipped (SKIP_REGULAR_EXPRESSION).
#   cmake -DDOXYGEN=... -DDOXYFILE=... -DHEADERS="a.h;b.h" -P api-docs-check.cmake
if(NOT DOXYGEN)
  message("api_docs: doxygen is not installed; skipped")
  return()
endif()
set(missing)
foreach(h ${HEADERS})
  file(STRINGS ${h} has_file REGEX "@file ")
  if(NOT has_file)
    list(APPEND missing ${h})
  endif()
endforeach()
if(missing)
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "api_docs: no @file block, so Doxygen would skip every declaration in:\n  ${missing}")
endif()
get_filename_component(dir ${DOXYFILE} DIRECTORY)
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} WORKING_DIRECTORY ${dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "api_docs: doxygen failed (exit ${rc}):\n${err}${out}")
endif()
message("api_docs: every public declaration is documented")
