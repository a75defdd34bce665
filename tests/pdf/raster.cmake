# The PDF of ARTICLE on TEMPLATE, rasterized by pdftoppm at the size of the template's page,
# against inkset's own 8-bit pages: imgcmp --ssim MIN_SSIM for every page. Run by
# tests/pdf.cmake; leaves its files in WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${INKSET} render ${ARTICLE} -t ${TEMPLATE} --bpp 8 -o ${WORK}/png
                        --layout-json ${WORK}/layout.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "inkset (png) exited ${rc}: ${err}")
endif()
execute_process(COMMAND ${INKSET} render ${ARTICLE} -t ${TEMPLATE} --format pdf -o ${WORK}/page.pdf
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "inkset (pdf) exited ${rc}: ${err}")
endif()
file(READ ${WORK}/layout.json json)
string(REGEX MATCH "\"width\": ([0-9]+), \"height\": ([0-9]+)" size "${json}")
set(w ${CMAKE_MATCH_1})
set(h ${CMAKE_MATCH_2})
execute_process(COMMAND ${PDFTOPPM} -scale-to-x ${w} -scale-to-y ${h} -gray -png
                        ${WORK}/page.pdf ${WORK}/pdf RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pdftoppm exited ${rc}: ${err}")
endif()
file(GLOB pages ${WORK}/png/page-*.png)
file(GLOB drawn ${WORK}/pdf-*.png)
list(LENGTH pages np)
list(LENGTH drawn nd)
if(NOT np EQUAL nd OR np EQUAL 0)
  message(FATAL_ERROR "inkset drew ${np} pages, the PDF has ${nd}")
endif()
# pdftoppm pads page numbers to the same width, so both lists sort in page order.
set(k 0)
foreach(page ${pages})
  list(GET drawn ${k} pdfpage)
  math(EXPR k "${k} + 1")
  execute_process(COMMAND ${IMGCMP} --ssim ${MIN_SSIM} ${page} ${pdfpage}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "page ${k}: ${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "page ${k}: the PDF does not look like inkset's page: ${out}")
  endif()
endforeach()
