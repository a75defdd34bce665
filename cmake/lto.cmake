# Link-time optimisation of the library and the programs built here (GCC): the modules are
# compiled with their intermediate code as well as their machine code (fat objects), so that
# libinkset.so, the CLI and the examples are optimised whole at the link, across the modules'
# files, while the tests, and any program that links libinkset.a without -flto, use the
# machine code as before. The sample's render: 107.5 M instructions to 104.7 M, the same
# pages (docs/performance.md, "A tighter deflate loop, link-time optimisation"). Each such
# link optimises the whole library again (some 30 s of CPU), so the default is on for Release
# builds that are not a developer's (INK_DEVELOPER: the many builds of a working day) and off
# under the sanitizers.
set(ink_lto_default OFF)
if(CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT INK_DEVELOPER AND NOT INK_SANITIZE
   AND NOT INK_BUILD_FUZZERS AND CMAKE_C_COMPILER_ID STREQUAL "GNU")
  set(ink_lto_default ON)
endif()
option(INK_LTO "Link-time optimisation of libinkset.so, the CLI and the examples (GCC)"
       ${ink_lto_default})
if(INK_LTO)
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "INK_LTO needs GCC (fat LTO objects); configure with -DINK_LTO=OFF")
  endif()
  foreach(mod ${INK_MODULES})
    if(TARGET ink_${mod})
      target_compile_options(ink_${mod} PRIVATE -flto=auto -ffat-lto-objects)
    endif()
  endforeach()
  foreach(t inkset inkset_cli example_firmware example_kiosk)
    target_compile_options(${t} PRIVATE -flto=auto)
    # The link compiles the code again, in the build folder: no path of it in what is built.
    target_link_options(${t} PRIVATE -flto=auto -ffile-prefix-map=${PROJECT_SOURCE_DIR}/=
                        -ffile-prefix-map=${PROJECT_BINARY_DIR}/=)
  endforeach()
endif()
