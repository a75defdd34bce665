# Bad inputs on the command line: one ctest test per tests/bad/cli/NAME.expected, each
# running `inkset render` on NAME.md or NAME.json (with NAME.ini as the template when present)
# and checking the exit status and the exact first line of stderr; never a crash.
file(GLOB INK_BAD_CLI CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/bad/cli/*.expected)
foreach(file ${INK_BAD_CLI})
  get_filename_component(case ${file} NAME_WE)
  add_test(NAME cli_bad_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DOUT=${PROJECT_BINARY_DIR}/cli-bad -DCASE=${case}
                   -P ${PROJECT_SOURCE_DIR}/tests/bad/cli/run.cmake)
endforeach()
