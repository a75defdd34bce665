# Runs one golden test (see tests/golden.cmake): renders ARTICLE on TEMPLATE with the inkset
# tool into WORK/NAME/, then compares page 1 with REF using imgcmp in MODE (tolerant or
# exact). With UPDATE on (or INK_GOLDEN_UPDATE=1 in the environment) the page becomes REF.
foreach(var INKSET IMGCMP NAME ARTICLE TEMPLATE REF WORK MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: ${var} is not set")
  endif()
endforeach()

set(out ${WORK}/${NAME})
file(REMOVE_RECURSE ${out})
file(REMOVE ${WORK}/${NAME}-actual.png ${WORK}/${NAME}-diff.png)
file(MAKE_DIRECTORY ${out})
execute_process(
  COMMAND ${INKSET} render ${ARTICLE} -t ${TEMPLATE} -o ${out} ${OPTIONS}
  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE stdout)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "inkset render ${ARTICLE} -t ${TEMPLATE} ${OPTIONS} failed (${rc}):\n${err}")
endif()
if(err)
  message(FATAL_ERROR "inkset render reported problems:\n${err}")
endif()
set(page ${out}/page-001.png)
if(NOT EXISTS ${page})
  message(FATAL_ERROR "inkset render wrote no ${page}")
endif()

if(UPDATE OR "$ENV{INK_GOLDEN_UPDATE}")
  file(COPY_FILE ${page} ${REF})
  message(STATUS "reference updated: ${REF}")
  return()
endif()
if(NOT EXISTS ${REF})
  file(COPY_FILE ${page} ${WORK}/${NAME}-actual.png)
  message(FATAL_ERROR "no reference ${REF}; the page rendered is ${WORK}/${NAME}-actual.png "
                      "(configure with -DINK_GOLDEN_UPDATE=ON to accept it)")
endif()

set(args ${CMPARGS})
if(MODE STREQUAL "exact")
  list(APPEND args --exact)
endif()
execute_process(
  COMMAND ${IMGCMP} ${args} --diff ${WORK}/${NAME}-diff.png ${REF} ${page}
  RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
message("${log}")
if(NOT rc EQUAL 0)
  file(COPY_FILE ${page} ${WORK}/${NAME}-actual.png)
  message(FATAL_ERROR "${NAME}: page 1 differs from ${REF}\n"
                      "  actual: ${WORK}/${NAME}-actual.png\n  diff:   ${WORK}/${NAME}-diff.png")
endif()
