# cmake -DREADELF=readelf -DPROGRAM=path -DARCHIVED="libfribidi;libjpeg" -P needed-check.cmake
# Fails when PROGRAM's dynamic section names any of ARCHIVED among its needed libraries.
execute_process(COMMAND ${READELF} -d ${PROGRAM} OUTPUT_VARIABLE dyn RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${READELF} -d ${PROGRAM} failed (${rc})")
endif()
foreach(lib ${ARCHIVED})
  if(dyn MATCHES "\\(NEEDED\\)[^\n]*\\[${lib}\\.")
    message(FATAL_ERROR "${PROGRAM} needs ${lib} at run time, though it is linked from its archive")
  endif()
endforeach()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*" needed "${dyn}")
list(LENGTH needed n)
message(STATUS "${n} libraries needed, none of: ${ARCHIVED}")
