# What does not fit in --max-pages is reported, never dropped silently.
add_test (NAME cli_overflow
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli>
          -DARTICLE=${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md
          -DWORK=${PROJECT_BINARY_DIR} -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/overflow.cmake)
set_tests_properties (cli_overflow PROPERTIES ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
