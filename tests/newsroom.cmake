# Several articles, standard input and threads (tests/cli/newsroom.cmake), and the Python
# binding (bindings/python). test_newsroom compares the library's output format call with the
# pages the CLI writes, so it runs the CLI.
target_compile_definitions(test_newsroom PRIVATE INKSET_CLI="$<TARGET_FILE:inkset_cli>")
add_dependencies(test_newsroom inkset_cli)

foreach(case several stdin threads one_fails refused)
  add_test(NAME cli_newsroom_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DWORK=${PROJECT_BINARY_DIR}/cli-newsroom/${case} -DCASE=${case}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/newsroom.cmake)
  set_tests_properties(cli_newsroom_${case} PROPERTIES
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
endforeach()
