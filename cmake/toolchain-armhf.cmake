# 32-bit ARM Linux with hardware floating point (ARMv7, armhf in Debian): the kiosks' older
# boards. See toolchain-common.cmake.
set(CMAKE_SYSTEM_PROCESSOR armv7l)
set(INK_CROSS_TRIPLE arm-linux-gnueabihf)
set(INK_CROSS_QEMU qemu-arm)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-common.cmake)
