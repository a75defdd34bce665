# Bad templates: one ctest test per tests/bad/template/NAME.ini, each checking the exact
# "LINE:COLUMN: message" in NAME.expected (test_template_bad with no argument runs them all).
file(GLOB INK_BAD_TEMPLATES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/bad/template/*.ini)
foreach(file ${INK_BAD_TEMPLATES})
  get_filename_component(case ${file} NAME_WE)
  add_test(NAME template_bad_${case} COMMAND test_template_bad ${file})
endforeach()
