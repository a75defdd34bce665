# Runs every test under CMAKE_CROSSCOMPILING_EMULATOR when cross-compiling (see
# toolchain-common.cmake). ctest already puts the emulator before a test whose COMMAND is one
# of our targets; a script-driven test instead gets the programs it runs (-DINKSET=
# $<TARGET_FILE:inkset_cli> and the like) as launchers that start them under the emulator.
# Included by tests/CMakeLists.txt before any test is added; does nothing on a native build.
if(NOT CMAKE_CROSSCOMPILING OR NOT CMAKE_CROSSCOMPILING_EMULATOR)
  return()
endif()

# A shell script in the build tree that runs TARGET's file under the emulator; its path is put
# in OUT.
function(ink_emulated_launcher target out)
  set(path ${PROJECT_BINARY_DIR}/emulated/${target})
  get_property(done GLOBAL PROPERTY INK_EMULATED_${target})
  if(NOT done)
    set(cmd)
    foreach(word IN LISTS CMAKE_CROSSCOMPILING_EMULATOR)
      string(APPEND cmd "'${word}' ")
    endforeach()
    file(GENERATE OUTPUT ${path}
         CONTENT "#!/bin/sh\nexec ${cmd}'$<TARGET_FILE:${target}>' \"$@\"\n"
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                          WORLD_READ WORLD_EXECUTE)
    set_property(GLOBAL PROPERTY INK_EMULATED_${target} TRUE)
  endif()
  set(${out} ${path} PARENT_SCOPE)
endfunction()

# add_test as CMake has it, with each -DNAME=$<TARGET_FILE:target> argument turned into
# -DNAME=<that target's launcher>. Arguments are read one by one (ARGVn), so that a list in
# one argument ("-DCMPARGS=--max-fail;10") stays one argument.
function(add_test)
  set(args)
  math(EXPR last "${ARGC} - 1")
  foreach(i RANGE 0 ${last})
    set(arg "${ARGV${i}}")
    if(arg MATCHES "^(-D[A-Za-z0-9_]+=)\\$<TARGET_FILE:([A-Za-z0-9_]+)>$")
      set(prefix ${CMAKE_MATCH_1})
      ink_emulated_launcher(${CMAKE_MATCH_2} launcher)
      set(arg "${prefix}${launcher}")
    endif()
    string(REPLACE ";" "\\;" arg "${arg}")
    list(APPEND args "${arg}")
  endforeach()
  _add_test(${args})
endfunction()

# Tests that run the tool themselves (test_render) find its launcher here.
ink_emulated_launcher(inkset_cli launcher)
