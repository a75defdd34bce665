# --contact-sheet: the sample on kiosk-10.3 (1404x1872, so each page is averaged down by 4
# to 351x468) makes one PNG of its pages side by side with 16 px gutters.
add_test(NAME cli_contact_sheet
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli>
    -DARTICLE=${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md
    -DWORK=${PROJECT_BINARY_DIR}/sheet -P ${PROJECT_SOURCE_DIR}/tests/sheet/run.cmake)
set_tests_properties(cli_contact_sheet PROPERTIES
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
