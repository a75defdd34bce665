# The CLI loads none of the libraries it links from their archives (cmake/clistatic.cmake):
# each would be one more object for the loader at every start.
find_program(INK_READELF readelf)
if(INK_PROGRAM_ARCHIVED AND INK_READELF)
  add_test(NAME cli_archived_not_needed
           COMMAND ${CMAKE_COMMAND} -DREADELF=${INK_READELF} -DPROGRAM=$<TARGET_FILE:inkset_cli>
                   "-DARCHIVED=${INK_PROGRAM_ARCHIVED}" -P ${PROJECT_SOURCE_DIR}/cmake/needed-check.cmake)
endif()
