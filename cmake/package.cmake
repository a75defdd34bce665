# What find_package(inkset) and pkg-config read: inkset::inkset (shared) and
# inkset::inkset_static, inkset.pc and inkset-static.pc. Every path in them is relative to
# the file's own place, so an install moved to another prefix still works.
include(CMakePackageConfigHelpers)
set(INK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/inkset)

install(EXPORT inksetTargets NAMESPACE inkset:: DESTINATION ${INK_CMAKE_DIR}
        FILE inksetTargets.cmake)
string(JOIN " " INK_PKG_SPECS ${INK_PKG_SPECS})
set(INK_DEBIAN_DEV "libfreetype-dev libharfbuzz-dev libfribidi-dev libunibreak-dev libthai-dev \
libpng-dev libjpeg62-turbo-dev libmd4c-dev libcjson-dev libhyphen-dev")
# ICU and cairo are opened at run time (cmake/dlopen.cmake): no dependency of the static library.
if(INK_WITH_LIBDEFLATE)
  string(APPEND INK_DEBIAN_DEV " libdeflate-dev")
endif()
configure_package_config_file(cmake/inksetConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/inksetConfig.cmake INSTALL_DESTINATION ${INK_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/inksetConfigVersion.cmake
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/inksetConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/inksetConfigVersion.cmake
        DESTINATION ${INK_CMAKE_DIR})

# pkg-config: the prefix from ${pcfiledir}, however deep the libdir (lib/x86_64-linux-gnu).
file(RELATIVE_PATH INK_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" INK_PC_TO_PREFIX "${INK_PC_TO_PREFIX}")
file(RELATIVE_PATH INK_PC_LIBDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
file(RELATIVE_PATH INK_PC_INCLUDEDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_INCLUDEDIR})
set(INK_PC_LIBS "-lhyphen ${CMAKE_THREAD_LIBS_INIT}")
foreach(lib ${CMAKE_DL_LIBS} m)
  string(APPEND INK_PC_LIBS " -l${lib}")
endforeach()
string(REGEX REPLACE "  +" " " INK_PC_LIBS "${INK_PC_LIBS}")
set(INK_STATIC_LIB ${CMAKE_STATIC_LIBRARY_PREFIX}inkset${CMAKE_STATIC_LIBRARY_SUFFIX})
foreach(pc inkset inkset-static)
  configure_file(${pc}.pc.in ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
