# Input files named on the command line: an article or a template that is a FIFO or a device
# is refused at once with one line, never read (a FIFO would hang, /dev/zero never end).
foreach(case article_fifo article_device template_fifo)
  add_test(NAME cli_input_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DWORK=${PROJECT_BINARY_DIR}/cli-input/${case} -DCASE=${case}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/input.cmake)
  set_tests_properties(cli_input_${case} PROPERTIES TIMEOUT 20
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts" SKIP_REGULAR_EXPRESSION "skipped: ")
endforeach()
