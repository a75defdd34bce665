# Output files on the command line: written whole or not at all, a symlink at the destination
# replaced and never followed, pages of an earlier render removed, paths never cut, and an
# error that is stderr's first line, names the path once and says why. One ctest test per
# case of tests/cli/output.cmake; none needs a user other than root (CI runs as root).
foreach(case symlink json_symlink unwritable read_only too_large stale mid_render long_path
             dev_full error_first pixel_format)
  add_test(NAME cli_output_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DWORK=${PROJECT_BINARY_DIR}/cli-output/${case} -DCASE=${case}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/output.cmake)
  set_tests_properties(cli_output_${case} PROPERTIES
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts" SKIP_REGULAR_EXPRESSION "skipped: ")
endforeach()

# The layout JSON under a comma locale: make one for test_json_locale, found through LOCPATH.
find_program(INK_LOCALEDEF localedef)
add_test(NAME locale_comma_setup
         COMMAND ${CMAKE_COMMAND} -DLOCALEDEF=${INK_LOCALEDEF} -DDIR=${PROJECT_BINARY_DIR}/locale
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/make-locale.cmake)
set_tests_properties(locale_comma_setup PROPERTIES FIXTURES_SETUP comma_locale)
if(TEST test_json_locale)
  set_property(TEST test_json_locale APPEND PROPERTY ENVIRONMENT
               "LOCPATH=${PROJECT_BINARY_DIR}/locale")
  set_tests_properties(test_json_locale PROPERTIES FIXTURES_REQUIRED comma_locale
                       SKIP_RETURN_CODE 77)
endif()
