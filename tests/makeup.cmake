# Make-up checks: tests/tools/makeup_check reads a layout JSON and reports the faults a
# make-up editor would send back (lines off the grid, uneven columns, floats out of place,
# hyphens at a column's foot, overprinting, lost text).
#
# makeup_case_NAME: the checker itself, on the small layouts in tests/makeup/cases/
# (KIND-bad*.json must be flagged with KIND, KIND-good*.json must pass).
#
# makeup_ratchet: every examples/articles/*.md on every bundled template, checked; the
# counts per (article, template, kind) must equal tests/makeup/known-faults.txt. More
# faults fail the test; fewer fail it too, so that the list follows the page engine as it
# improves. To rewrite the list: INK_MAKEUP_UPDATE=1 ctest -R makeup_ratchet, then review
# the diff and commit it.
#
# The checker is also a library, makeup_checker (tests/tools/makeup_check.h): test_property
# runs it on the layout of every random article, test_vjust on full pages make-up fills.
add_library(makeup_checker STATIC ${PROJECT_SOURCE_DIR}/tests/tools/makeup_check.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_read.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_floats.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_tables.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_lead.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_columns.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_lines.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_keeps.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_rules.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_cjk.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_lone.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_lists.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_notes.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_attrib.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_headgap.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_indent.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_ragged.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_starve.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_pasttext.c
                                  ${PROJECT_SOURCE_DIR}/tests/tools/makeup_floatgap.c)
target_include_directories(makeup_checker PUBLIC ${PROJECT_SOURCE_DIR}/tests/tools)
target_link_libraries(makeup_checker PUBLIC PkgConfig::CJSON m)
add_executable(makeup_check ${PROJECT_SOURCE_DIR}/tests/tools/makeup_main.c)
target_link_libraries(makeup_check PRIVATE makeup_checker)
foreach(checked test_property test_vjust test_headeven test_runt test_floatpull test_lonefloat test_headgap
                test_evenspace
                test_tableshort test_tablefoot test_tablehold
                test_floatplaces test_cjkfull test_floatorder test_commentspage
                test_fivecols test_briefcols test_blankrow test_inturn test_listfloat
                test_lastfoot test_sourcefoot test_listloose test_headkeep test_lastloose test_lastspan
                test_leadfoot test_lastcolwait test_footbox test_picquote
                test_leadwork test_shortcols test_quotereach test_tablenote test_paraspace
                test_orderreach test_textends test_lastwhite test_lastfill test_tallspan
                test_fullends test_listhold test_endhead
                test_foottable test_quotefoot test_widepic
                test_tableturn test_lastquote test_lastorphan
                test_commentband test_runtwhite test_lastrows test_balwork
                test_quotestarve test_heldquote)
  if(TARGET ${checked})
    target_link_libraries(${checked} PRIVATE makeup_checker)
  endif()
endforeach()

file(GLOB INK_MAKEUP_CASES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/makeup/cases/*.json)
foreach(case ${INK_MAKEUP_CASES})
  get_filename_component(name ${case} NAME_WE)
  add_test(NAME makeup_case_${name}
    COMMAND ${CMAKE_COMMAND} -DCHECK=$<TARGET_FILE:makeup_check> -DCASE=${case}
            -P ${PROJECT_SOURCE_DIR}/tests/makeup/case.cmake)
endforeach()

add_test(NAME makeup_ratchet
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DCHECK=$<TARGET_FILE:makeup_check>
          -DARTICLES=${PROJECT_SOURCE_DIR}/examples/articles
          -DKNOWN=${PROJECT_SOURCE_DIR}/tests/makeup/known-faults.txt
          -DWORK=${PROJECT_BINARY_DIR}/makeup
          -P ${PROJECT_SOURCE_DIR}/tests/makeup/ratchet.cmake)
set_tests_properties(makeup_ratchet PROPERTIES
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")

# makeup_property_NAME: each article of tests/makeup/property-cases/ (faults the property test
# found, one a cause) on every template, with no empty-column, overprint, float-order,
# lost-text, stranded-head, text-order or float-in-list fault but those its NAME.known lists.
file(GLOB INK_PROPERTY_CASES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/makeup/property-cases/*.md)
foreach(case ${INK_PROPERTY_CASES})
  get_filename_component(name ${case} NAME_WE)
  if(name STREQUAL "README")
    continue()
  endif()
  add_test(NAME makeup_property_${name}
    COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DCHECK=$<TARGET_FILE:makeup_check>
            -DCASE=${case} -DWORK=${PROJECT_BINARY_DIR}/makeup-property
            -P ${PROJECT_SOURCE_DIR}/tests/makeup/property-case.cmake)
  set_tests_properties(makeup_property_${name} PROPERTIES
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
endforeach()
