# Renders ARTICLE on kiosk-10.3 with --contact-sheet and checks the sheet's PNG size against
# the page count: width 16 + pages * (351 + 16), height 16 + 468 + 16. Run by tests/sheet.cmake.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${INKSET} render ${ARTICLE} -t kiosk-10.3 -o ${WORK}/pages
                        --contact-sheet ${WORK}/sheet.png RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "inkset exited ${rc}: ${err}")
endif()
file(GLOB pages ${WORK}/pages/page-*.png)
list(LENGTH pages n)
# The PNG's IHDR: width and height as big-endian 32-bit numbers from byte 16.
file(READ ${WORK}/sheet.png ihdr OFFSET 16 LIMIT 8 HEX)
string(SUBSTRING ${ihdr} 0 8 wh)
string(SUBSTRING ${ihdr} 8 8 hh)
math(EXPR w "0x${wh}")
math(EXPR h "0x${hh}")
math(EXPR want_w "16 + ${n} * (351 + 16)")
if(n LESS 2 OR NOT w EQUAL want_w OR NOT h EQUAL 500)
  message(FATAL_ERROR "${n} pages: the sheet is ${w}x${h}, expected ${want_w}x500")
endif()
message(STATUS "${n} pages: sheet ${w}x${h}")
