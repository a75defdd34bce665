# The script table (lib/text/scripts.c) is the only place in lib/ that names a script by code
# point range or HarfBuzz script; script_ranges_stray shows the check finds one elsewhere.
add_test(NAME script_ranges
  COMMAND ${CMAKE_COMMAND} -DSRC=${PROJECT_SOURCE_DIR} -DDIR=lib
          -P ${PROJECT_SOURCE_DIR}/tests/scripts/ranges.cmake)
add_test(NAME script_ranges_stray
  COMMAND ${CMAKE_COMMAND} -DSRC=${PROJECT_SOURCE_DIR} -DDIR=tests/scripts/stray
          -P ${PROJECT_SOURCE_DIR}/tests/scripts/ranges.cmake)
# Passes only when every stray line is named, and the check fails as it should.
set_tests_properties(script_ranges_stray PROPERTIES PASS_REGULAR_EXPRESSION
  "stray.c:5: [^\n]*0x0E80, 0x0EFF[^\n]*\n[^\n]*stray.c:11: [^\n]*HB_SCRIPT_ARABIC[^\n]*\n[^\n]*stray.c:14: [^\n]*0xAC00, 0xD7A3.*3 line\\(s\\) name a script outside the table")
