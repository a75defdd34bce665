# PDF output (INK_WITH_PDF): every sample on every bundled template makes a PDF that qpdf
# finds sound and whose fonts pdffonts lists as embedded subsets; the English sample's PDF,
# rasterized by pdftoppm at the template's size, looks like inkset's own 8-bit pages (mean
# SSIM over 8x8 windows, tests/tools/imgcmp.c --ssim). The tools come from Debian's qpdf and
# poppler-utils (scripts/deps.sh); without them these tests are not registered.
if(NOT INK_WITH_PDF)
  return()
endif()
find_program(INK_QPDF qpdf)
find_program(INK_PDFFONTS pdffonts)
find_program(INK_PDFTOPPM pdftoppm)
if(NOT INK_QPDF OR NOT INK_PDFFONTS OR NOT INK_PDFTOPPM)
  message(STATUS "PDF tests left out: qpdf or poppler-utils (pdffonts, pdftoppm) missing")
  return()
endif()

add_test(NAME pdf_samples
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DQPDF=${INK_QPDF}
    -DPDFFONTS=${INK_PDFFONTS} -DARTICLES=${PROJECT_SOURCE_DIR}/examples/articles
    -DTEMPLATES=${PROJECT_SOURCE_DIR}/examples/templates -DWORK=${PROJECT_BINARY_DIR}/pdf
    -P ${PROJECT_SOURCE_DIR}/tests/pdf/samples.cmake)

# The threshold 0.96 stands under the SSIM measured on this sample's two pages (0.969 and
# 0.982 on kiosk-10.3): inkset hints glyphs lightly (heights on whole pixels), poppler
# draws the outlines unhinted, so every glyph edge differs a little. A page with a word
# missing, moved by a line or drawn in another font scores under 0.9.
add_test(NAME pdf_raster_match
  COMMAND ${CMAKE_COMMAND} -DINKSET=$<TARGET_FILE:inkset_cli> -DIMGCMP=$<TARGET_FILE:imgcmp>
    -DPDFTOPPM=${INK_PDFTOPPM} -DARTICLE=${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md
    -DTEMPLATE=kiosk-10.3 -DMIN_SSIM=0.96 -DWORK=${PROJECT_BINARY_DIR}/pdf/raster
    -P ${PROJECT_SOURCE_DIR}/tests/pdf/raster.cmake)
set_tests_properties(pdf_samples pdf_raster_match test_pdf_order PROPERTIES LABELS pdf TIMEOUT 900
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/pdf/lsan.supp")
