# Several articles, standard input and threads (tests/cli/newsroom.cmake), and the Python
# binding (bindings/python). test_newsroom compares the library's output format call with the
# pages the CLI writes, so it runs the CLI.
target_compile_definitions(test_newsroom PRIVATE INKSET_CLI="$<TARGET_FILE:inkset_cli>")
add_dependencies(test_newsroom inkset_cli)

foreach(case several stdin threads one_fails shards progress refused)
  add_test(NAME cli_newsroom_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DWORK=${PROJECT_BINARY_DIR}/cli-newsroom/${case} -DCASE=${case}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/newsroom.cmake)
  set_tests_properties(cli_newsroom_${case} PROPERTIES
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts" SKIP_REGULAR_EXPRESSION "skipped: ")
endforeach()

# The Python binding, with Debian's python3 first (deps.sh installs python3-pil for it). It
# skips (77) without Pillow, and fails instead when INK_REQUIRE_ALL is set, as in CI.
# Not under the sanitizers: python3 is not built with them, so it cannot load an ASan library;
# the plain builds cover the binding.
find_program(INK_PYTHON3 python3 HINTS /usr/bin)
if(INK_SANITIZE)
elseif(INK_PYTHON3)
  add_test(NAME python_binding
           COMMAND ${INK_PYTHON3} ${PROJECT_SOURCE_DIR}/bindings/python/tests/test_inkset.py)
  set_tests_properties(python_binding PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT
    "INKSET_LIBRARY=$<TARGET_FILE:inkset>;INKSET_CLI=$<TARGET_FILE:inkset_cli>;INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts;INK_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
else()
  add_test(NAME python_binding COMMAND ${CMAKE_COMMAND} -P
           ${PROJECT_SOURCE_DIR}/bindings/python/tests/no-python.cmake)
  set_tests_properties(python_binding PROPERTIES SKIP_REGULAR_EXPRESSION "skipped: ")
endif()
