# 64-bit ARM Linux (aarch64, arm64 in Debian): the kiosks' newer boards. See toolchain-common.cmake.
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(INK_CROSS_TRIPLE aarch64-linux-gnu)
set(INK_CROSS_QEMU qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-common.cmake)
