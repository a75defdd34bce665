# What the cross toolchain files share (included by toolchain-aarch64.cmake and
# toolchain-armhf.cmake after they set INK_CROSS_TRIPLE and INK_CROSS_QEMU): Debian's cross GCC
# for that triple, a sysroot holding the target's -dev packages, pkg-config looking only there,
# and qemu-user as the emulator every test runs under (tests/CMakeLists.txt wires it into the
# script-driven tests too). scripts/cross-test.sh builds the sysroot from Debian's packages.
#
#   cmake -S . -B build-aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake \
#         -DINK_SYSROOT=/path/to/sysroot
set(CMAKE_SYSTEM_NAME Linux)

# try_compile projects read this file again: the sysroot reaches them through the environment.
if(NOT INK_SYSROOT)
  set(INK_SYSROOT "$ENV{INK_SYSROOT}")
endif()
if(NOT INK_SYSROOT OR NOT IS_DIRECTORY "${INK_SYSROOT}/usr/include")
  message(FATAL_ERROR "INK_SYSROOT (-DINK_SYSROOT=... or the environment) must name a sysroot "
                      "with the target's headers and libraries; scripts/cross-test.sh makes one")
endif()
set(ENV{INK_SYSROOT} "${INK_SYSROOT}")

set(CMAKE_C_COMPILER ${INK_CROSS_TRIPLE}-gcc)
set(CMAKE_SYSROOT "${INK_SYSROOT}")
set(CMAKE_LIBRARY_ARCHITECTURE ${INK_CROSS_TRIPLE})
# Programs (doxygen, qpdf, localedef) come from the host; headers and libraries only from the
# sysroot, never from the host's /usr.
set(CMAKE_FIND_ROOT_PATH "${INK_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(ENV{PKG_CONFIG_SYSROOT_DIR} "${INK_SYSROOT}")
# libunibreak-dev is not multi-arch: its files are in /usr/lib.
set(ENV{PKG_CONFIG_LIBDIR} "${INK_SYSROOT}/usr/lib/${INK_CROSS_TRIPLE}/pkgconfig:\
${INK_SYSROOT}/usr/lib/pkgconfig:${INK_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# The target's dynamic loader and libraries are found under the sysroot (-L), so the test
# programs run as they are, without a statically linked build.
find_program(INK_QEMU ${INK_CROSS_QEMU})
if(INK_QEMU)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${INK_QEMU} -L ${INK_SYSROOT})
endif()
