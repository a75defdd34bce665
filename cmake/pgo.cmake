# Profile-guided optimisation of the library and the programs built here (GCC), in two
# builds of one build folder: INK_PGO=GENERATE compiles the library's modules, libinkset.so,
# the CLI and the examples with counters; the programs are run on typical work, which
# leaves the counts beside the objects (*.gcda); INK_PGO=USE compiles the same files again
# with those counts, so that GCC lays out and inlines the code for the branches taken.
# scripts/pgo-build.sh does the three steps, training on the sample articles. The sample's
# render: 89.60 M instructions to 85.02 M, the same bytes (docs/performance.md, "Profile-guided
# optimisation"). Code the training did not reach is optimised as without a profile
# (-fprofile-partial-training). Off by default: the counts belong to the sources they were
# taken on, and a build that is edited afterwards should be trained again.
set(INK_PGO OFF CACHE STRING
    "Profile-guided optimisation (GCC): OFF, GENERATE (build with counters) or USE (build with the counts they left)")
set_property(CACHE INK_PGO PROPERTY STRINGS OFF GENERATE USE)
if(INK_PGO STREQUAL "GENERATE")
  set(ink_pgo_flags -fprofile-generate -fprofile-update=single)
elseif(INK_PGO STREQUAL "USE")
  set(ink_pgo_flags -fprofile-use -fprofile-partial-training -Wno-missing-profile)
elseif(NOT INK_PGO STREQUAL "OFF")
  message(FATAL_ERROR "INK_PGO is OFF, GENERATE or USE, not '${INK_PGO}'")
endif()
if(ink_pgo_flags)
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU" OR CMAKE_C_COMPILER_VERSION VERSION_LESS 10
     OR INK_DEVELOPER OR INK_SANITIZE)
    message(FATAL_ERROR "INK_PGO needs GCC 10 or later, and a build that is neither INK_DEVELOPER nor INK_SANITIZE")
  endif()
  foreach(mod ${INK_MODULES})
    if(TARGET ink_${mod})
      target_compile_options(ink_${mod} PRIVATE ${ink_pgo_flags})
    endif()
  endforeach()
  foreach(t inkset inkset_cli example_firmware example_kiosk)
    if(TARGET ${t})
      target_compile_options(${t} PRIVATE ${ink_pgo_flags})
      target_link_options(${t} PRIVATE ${ink_pgo_flags})
    endif()
  endforeach()
  # The counters' run-time for whatever else links the modules' objects here: the tests
  # (through libinkset.a) and the hyphenation packer run at build time.
  if(INK_PGO STREQUAL "GENERATE")
    target_link_options(inkset_static INTERFACE $<BUILD_INTERFACE:-fprofile-generate>)
    if(TARGET ink_hyphpack)
      target_link_options(ink_hyphpack PRIVATE -fprofile-generate)
    endif()
  endif()
endif()
