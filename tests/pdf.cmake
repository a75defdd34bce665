# PDF output (INK_WITH_PDF): every sample on every bundled template makes a PDF that qpdf
# finds sound and whose fonts pdffonts lists as embedded subsets, and that rasterized by
# MuPDF at the template's resolution looks like inkset's own 8-bit pages (mean SSIM over 8x8
# windows, tests/tools/imgcmp.c --ssim). The tools come from Debian's qpdf, poppler-utils and
# mupdf-tools (scripts/deps.sh); without them these tests are not registered.
if(NOT INK_WITH_PDF)
  return()
endif()
find_program(INK_QPDF qpdf)
find_program(INK_PDFFONTS pdffonts)
if(NOT INK_QPDF OR NOT INK_PDFFONTS)
  message(STATUS "PDF tests left out: qpdf or poppler-utils (pdffonts) missing")
  return()
endif()

add_test(NAME pdf_samples
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DQPDF=${INK_QPDF}
    -DPDFFONTS=${INK_PDFFONTS} -DARTICLES=${PROJECT_SOURCE_DIR}/examples/articles
    -DTEMPLATES=${PROJECT_SOURCE_DIR}/examples/templates -DWORK=${PROJECT_BINARY_DIR}/pdf
    -P ${PROJECT_SOURCE_DIR}/tests/pdf/samples.cmake)

# The PDF rasterized by MuPDF looks like inkset's own 8-bit pages: every page of every
# sample scores SSIM 0.98 or more (tests/pdf/raster.cmake). Each sample is drawn on one of the
# four templates in turn (the k-th in sorted order on template k mod 4): every article's
# scripts and fonts and every template's resolution and trim box are covered in a quarter of
# the time that every sample on every template took (some 270 s of CPU in CI). The PDF puts
# glyphs on the raster's pen positions and the raster draws them unhinted, as PDF
# rasterizers do, so text differs at most by a grey level here and there; pictures differ
# more, as MuPDF scales them its own way. A page with a word missing, moved by a line or
# drawn in another font scores under 0.9. poppler's pdftoppm is not the measure: it puts
# glyphs over about 50 px tall on whole pixels and scales pictures with whole-pixel boxes,
# which costs up to 0.04 on pages at 300 dpi and on pages with pictures (docs/output.md).
find_program(INK_MUTOOL mutool)
if(NOT INK_MUTOOL)
  message(STATUS "PDF raster tests left out: mutool (mupdf-tools) missing")
else()
  set(share 0)
  foreach(tpl kiosk-10.3 kiosk-7.5 reader-6 print-a4)
    add_test(NAME pdf_raster_${tpl}
      COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DIMGCMP=$<TARGET_FILE:imgcmp>
        -DMUTOOL=${INK_MUTOOL} -DARTICLES=${PROJECT_SOURCE_DIR}/examples/articles
        -DTEMPLATE=${tpl} -DSHARE=${share} -DSTRIDE=4 -DMIN_SSIM=0.98
        -DWORK=${PROJECT_BINARY_DIR}/pdf-raster/${tpl} -P ${PROJECT_SOURCE_DIR}/tests/pdf/raster.cmake)
    math(EXPR share "${share} + 1")
    set_tests_properties(pdf_raster_${tpl} PROPERTIES LABELS pdf TIMEOUT 1200
      ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
  endforeach()
endif()
set_tests_properties(pdf_samples test_pdf_order PROPERTIES LABELS pdf TIMEOUT 900
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/pdf/lsan.supp")
