# Characters no font has: each run named with its source position, at most 12 lines then a
# count, and --strict making any warning an error (exit 1, no pages written).
foreach(case named strict capped one_flag clean_strict)
  add_test(NAME cli_missing_${case}
           COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DSRC=${PROJECT_SOURCE_DIR}
                   -DWORK=${PROJECT_BINARY_DIR}/cli-missing/${case} -DCASE=${case}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/missing.cmake)
  set_tests_properties(cli_missing_${case} PROPERTIES TIMEOUT 60
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
endforeach()
