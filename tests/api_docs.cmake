# The public headers document every declaration (cmake/docs.cmake); skipped without Doxygen.
file(GLOB INK_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/inkset/*.h)
list(APPEND INK_PUBLIC_HEADERS ${PROJECT_BINARY_DIR}/include/inkset/inkset-version.h)
add_test(NAME api_docs
         COMMAND ${CMAKE_COMMAND} -DDOXYGEN=${INK_DOXYGEN} -DDOXYFILE=${INK_DOCS_OUT}/Doxyfile
                 "-DHEADERS=${INK_PUBLIC_HEADERS}" -P ${PROJECT_SOURCE_DIR}/cmake/api-docs-check.cmake)
set_tests_properties(api_docs PROPERTIES SKIP_REGULAR_EXPRESSION "doxygen is not installed")
# docs/api.md quotes examples/minimal/minimal.c, which CI compiles against an install.
add_test(NAME api_guide_example
         COMMAND ${CMAKE_COMMAND} -DSRC=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/api-guide-check.cmake)
