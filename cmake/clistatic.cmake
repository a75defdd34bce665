# The programs built here (the CLI, the examples) link the small libraries that have a static
# archive beside their shared one (FriBidi, libjpeg, libdeflate, libhyphen) from the archive:
# each shared library less is one object fewer for the loader to map, relocate and fault in at
# every start (docs/performance.md, "Fewer shared libraries at start-up"). The library itself
# (libinkset.so, libinkset.a and inkset.pc) keeps its shared dependencies. Where an archive
# is missing (a cross toolchain's sysroot, say) the shared library is linked as before.
# INK_PROGRAM_LINK_DEPS is INK_LINK_DEPS with those replaced; INK_PROGRAM_ARCHIVED names the
# libraries so linked (libfribidi ...), which tests/linkage.cmake checks the CLI does not load.
option(INK_STATIC_SMALL_DEPS
       "Link the CLI and the examples with the static FriBidi, libjpeg, libdeflate and libhyphen where found"
       ON)

# In INK_PROGRAM_LINK_DEPS, item (a target or a path) becomes the archive beside shared, the
# shared library's path, if there is one.
function(ink_prefer_archive item shared)
  get_filename_component(dir ${shared} DIRECTORY)
  get_filename_component(base ${shared} NAME_WE)
  set(archive ${dir}/${base}${CMAKE_STATIC_LIBRARY_SUFFIX})
  if(EXISTS ${archive})
    set(deps ${INK_PROGRAM_LINK_DEPS})
    list(TRANSFORM deps REPLACE "^${item}$" "${archive}")
    set(INK_PROGRAM_LINK_DEPS ${deps} PARENT_SCOPE)
    set(INK_PROGRAM_ARCHIVED ${INK_PROGRAM_ARCHIVED} ${base} PARENT_SCOPE)
  endif()
endfunction()

set(INK_PROGRAM_LINK_DEPS ${INK_LINK_DEPS})
set(INK_PROGRAM_ARCHIVED)
if(INK_STATIC_SMALL_DEPS)
  # NAME:library for those found with pkg-config; libhyphen has none (HYPHEN_LIBRARY).
  set(small FRIBIDI:fribidi JPEG:jpeg)
  if(INK_WITH_LIBDEFLATE)
    list(APPEND small LIBDEFLATE:deflate)
  endif()
  foreach(dep ${small})
    string(REPLACE ":" ";" dep ${dep})
    list(GET dep 0 name)
    list(GET dep 1 library)
    foreach(path ${${name}_LINK_LIBRARIES})
      get_filename_component(file ${path} NAME)
      if(file STREQUAL "${CMAKE_SHARED_LIBRARY_PREFIX}${library}${CMAKE_SHARED_LIBRARY_SUFFIX}")
        ink_prefer_archive(PkgConfig::${name} ${path})
      endif()
    endforeach()
  endforeach()
  ink_prefer_archive(${HYPHEN_LIBRARY} ${HYPHEN_LIBRARY})
endif()

# Only the shared libraries a program calls are recorded as needed, on linkers that know the
# flag (the archives above otherwise leave their shared twins, which inkset_static brings in,
# mapped for nothing).
set(INK_PROGRAM_LINK_OPTIONS)
if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang" AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(INK_PROGRAM_LINK_OPTIONS LINKER:--as-needed)
endif()
