# The hyphenation dictionaries compiled into the library (lib/text/hyphpack.h): the pattern
# files INK_PACKED_PATTERNS names (keys as in hyph_KEY.dic) are read from
# INK_PACKED_PATTERNS_DIR and built by lib/text/gen/hyphpack.c into
# lib/text/hyphpack-data.c. At run time a file with the same bytes is not built again; any
# other is. A missing file, an empty list or a cross build packs nothing.
set(INK_PACKED_PATTERNS "en_US;fr_FR;es_ES;el_GR" CACHE STRING
    "Hyphenation pattern files built into the library (hyph_KEY.dic keys; empty: none)")
set(INK_PACKED_PATTERNS_DIR "/usr/share/hyphen" CACHE PATH
    "Where the packed hyphenation pattern files are read at build time")

set(ink_hyphpack_c ${PROJECT_BINARY_DIR}/lib/text/hyphpack-data.c)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/lib/text)
set(ink_hyphpack_args)
set(ink_hyphpack_inputs)
if(NOT CMAKE_CROSSCOMPILING)
  foreach(key ${INK_PACKED_PATTERNS})
    set(file ${INK_PACKED_PATTERNS_DIR}/hyph_${key}.dic)
    if(EXISTS ${file})
      list(APPEND ink_hyphpack_args ${key}=${file})
      list(APPEND ink_hyphpack_inputs ${file})
    else()
      message(STATUS "hyphenation patterns ${file} not found: not built into the library")
    endif()
  endforeach()
endif()

if(NOT ink_hyphpack_args)
  file(WRITE ${ink_hyphpack_c} "/* No hyphenation dictionary built into the library. */
#include \"hyphpack.h\"

const ink__hyphpack_t ink__hyphpacks[1];
const size_t ink__hyphpack_count = 0;
")
  target_sources(ink_text PRIVATE ${ink_hyphpack_c})
  return()
endif()

add_executable(ink_hyphpack lib/text/gen/hyphpack.c lib/text/hyphdict.c lib/text/patterns.c
               lib/text/hyphcset.c
               lib/text/hyphpack.c $<TARGET_OBJECTS:ink_core>)
target_include_directories(ink_hyphpack PRIVATE
  ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include ${PROJECT_SOURCE_DIR}/lib/core
  ${PROJECT_SOURCE_DIR}/lib/text ${HYPHEN_INCLUDE_DIR})
target_compile_definitions(ink_hyphpack PRIVATE INK_BUILDING=1)
target_link_libraries(ink_hyphpack PRIVATE ${INK_PKG_TARGETS} ink_dlopen_headers
                      Threads::Threads ${CMAKE_DL_LIBS} m)
add_custom_command(
  OUTPUT ${ink_hyphpack_c}
  COMMAND ink_hyphpack ${ink_hyphpack_c} ${ink_hyphpack_args}
  DEPENDS ink_hyphpack ${ink_hyphpack_inputs}
  COMMENT "Building the packed hyphenation dictionaries"
  VERBATIM)
target_sources(ink_text PRIVATE ${ink_hyphpack_c})
target_include_directories(ink_text PRIVATE ${PROJECT_SOURCE_DIR}/lib/text)
