# The libraries inkset opens with dlopen when first needed (INK_DLOPEN_DEPS: ICU, cairo):
# their headers, for the sources and the unit tests (ink_dlopen_headers), and the file name
# each is opened by, the soname of the library found here (libicuuc.so.72, libcairo.so.2),
# compiled in as INK_SONAME_<LIBRARY> (INK_SONAME_ICUUC, INK_SONAME_CAIRO, ...).
add_library(ink_dlopen_headers INTERFACE)

# The soname of lib<library> among the files prefix_LINK_LIBRARIES names: the name its
# symbolic links resolve to, cut after the first number (libcairo.so.2.11600.0 → libcairo.so.2).
function(ink_soname out prefix library)
  foreach(path ${${prefix}_LINK_LIBRARIES})
    get_filename_component(name ${path} NAME)
    if(name STREQUAL "${CMAKE_SHARED_LIBRARY_PREFIX}${library}${CMAKE_SHARED_LIBRARY_SUFFIX}")
      get_filename_component(real ${path} REALPATH)
      get_filename_component(real ${real} NAME)
      string(REGEX MATCH "^.*\\${CMAKE_SHARED_LIBRARY_SUFFIX}\\.[0-9]+" soname ${real})
      if(NOT soname)
        set(soname ${real})
      endif()
      set(${out} ${soname} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "lib${library} not found among ${${prefix}_LINK_LIBRARIES}")
endfunction()

foreach(dep ${INK_DLOPEN_DEPS})
  string(REPLACE ":" ";" dep ${dep})
  list(GET dep 0 name)
  list(GET dep 1 module)
  list(LENGTH dep n)
  pkg_check_modules(${name} REQUIRED ${module})
  target_include_directories(ink_dlopen_headers INTERFACE ${${name}_INCLUDE_DIRS})
  if(n GREATER 2)
    list(GET dep 2 library)
    ink_soname(soname ${name} ${library})
    string(TOUPPER ${library} upper)
    target_compile_definitions(ink_dlopen_headers INTERFACE INK_SONAME_${upper}="${soname}")
  endif()
endforeach()
