# Golden images: pages rendered by the inkset command-line tool, compared with reference PNGs
# committed under tests/golden/ by tests/tools/imgcmp. Anti-aliased 8-bit pages are compared
# with a tolerance scaled by the local contrast (a glyph edge may move a little, a stroke may
# not appear or vanish); the quantized 1-bit panel output is deterministic and compared
# exactly. A failing test leaves the page it rendered (NAME-actual.png) and a picture of the
# differences (NAME-diff.png) in BUILD/golden/.
#
# To accept new output as the reference, configure with -DINK_GOLDEN_UPDATE=ON (or run ctest
# with INK_GOLDEN_UPDATE=1 in the environment), run `ctest -R golden_`, look at every changed
# PNG, and commit them.
option(INK_GOLDEN_UPDATE "Golden tests write their output as the new reference images" OFF)

add_executable(imgcmp ${PROJECT_SOURCE_DIR}/tests/tools/imgcmp.c)
target_link_libraries(imgcmp PRIVATE PkgConfig::PNG)

set(INK_GOLDEN_DIR ${PROJECT_SOURCE_DIR}/tests/golden)
set(INK_GOLDEN_WORK ${PROJECT_BINARY_DIR}/golden)

# ink_golden_test(NAME ARTICLE TEMPLATE MODE IMGCMP_ARGS [inkset options...])
function(ink_golden_test name article template mode cmpargs)
  add_test(NAME golden_${name}
    COMMAND ${CMAKE_COMMAND}
      -DINKSET=$<TARGET_FILE:inkset_cli> -DIMGCMP=$<TARGET_FILE:imgcmp>
      -DNAME=${name} -DARTICLE=${article} -DTEMPLATE=${template}
      -DREF=${INK_GOLDEN_DIR}/${name}.png -DWORK=${INK_GOLDEN_WORK}
      -DMODE=${mode} "-DCMPARGS=${cmpargs}" "-DOPTIONS=${ARGN}"
      -DUPDATE=${INK_GOLDEN_UPDATE}
      -P ${INK_GOLDEN_DIR}/run.cmake)
  set_tests_properties(golden_${name} PROPERTIES LABELS golden
    ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
endfunction()

set(INK_ARTICLES ${PROJECT_SOURCE_DIR}/examples/articles)

# (a) The English sample, page 1, on the default 10.3-inch template at 8 bits per pixel.
ink_golden_test(en-page1 ${INK_ARTICLES}/pakistan-china-pact.md kiosk-10.3 tolerant
                "--max-fail;40" --bpp 8)

# (b) One paragraph per script on a small one-column page (tests/golden/para.ini).
foreach(script en ar ur he hi th zh ja)
  ink_golden_test(para-${script} ${INK_GOLDEN_DIR}/articles/${script}.md
                  ${INK_GOLDEN_DIR}/para.ini tolerant "--max-fail;10")
endforeach()

# (c) The English sample, page 1, quantized to the 7.5-inch panel's 1 bit: exactly.
ink_golden_test(en-page1-kiosk75-1bpp ${INK_ARTICLES}/pakistan-china-pact.md kiosk-7.5 exact
                "" --bpp 1)

# The comparison itself: a page matches itself, and two different pages do not match.
add_test(NAME golden_imgcmp_same
  COMMAND imgcmp ${INK_GOLDEN_DIR}/para-en.png ${INK_GOLDEN_DIR}/para-en.png)
add_test(NAME golden_imgcmp_differs
  COMMAND imgcmp ${INK_GOLDEN_DIR}/para-en.png ${INK_GOLDEN_DIR}/para-he.png)
set_tests_properties(golden_imgcmp_differs PROPERTIES WILL_FAIL TRUE)
add_test(NAME golden_imgcmp_exact_differs
  COMMAND imgcmp --exact ${INK_GOLDEN_DIR}/para-ar.png ${INK_GOLDEN_DIR}/para-ur.png)
set_tests_properties(golden_imgcmp_exact_differs PROPERTIES WILL_FAIL TRUE)

# test_render runs the command-line tool too.
if(TARGET test_render)
  add_dependencies(test_render inkset_cli)
endif()
