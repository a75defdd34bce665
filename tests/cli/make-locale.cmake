# Makes a locale with a decimal comma (de_DE.UTF-8) in DIR for test_json_locale, which finds it
# through LOCPATH. Without localedef or the de_DE source it makes nothing and says why; the
# test then skips, saying why too.
# cmake -DLOCALEDEF=<path or empty> -DDIR=<folder> -P make-locale.cmake
if(NOT LOCALEDEF)
  message(STATUS "localedef not found: test_json_locale will be skipped")
  return()
endif()
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${LOCALEDEF} -i de_DE -f UTF-8 ${DIR}/de_DE.UTF-8
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${DIR}/de_DE.UTF-8/LC_NUMERIC)
  message(STATUS "localedef could not make de_DE.UTF-8 (${rc}): ${err}; test_json_locale will "
                 "be skipped")
endif()
