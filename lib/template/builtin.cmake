# The built-in templates: examples/templates/NAME.ini, the one source of each, compiled into
# the library as C arrays at build time. The first name is the default template.
set(INK_TEMPLATE_BUILTINS kiosk-10.3 kiosk-7.5 reader-6 print-a4)

set(ink_builtin_inputs)
foreach(name ${INK_TEMPLATE_BUILTINS})
  list(APPEND ink_builtin_inputs ${PROJECT_SOURCE_DIR}/examples/templates/${name}.ini)
endforeach()
set(ink_builtin_c ${PROJECT_BINARY_DIR}/lib/template/builtin-data.c)
add_custom_command(
  OUTPUT ${ink_builtin_c}
  COMMAND ${CMAKE_COMMAND} -DOUT=${ink_builtin_c} -DDIR=${PROJECT_SOURCE_DIR}/examples/templates
          "-DNAMES=${INK_TEMPLATE_BUILTINS}" -P ${CMAKE_CURRENT_LIST_DIR}/embed.cmake
  DEPENDS ${ink_builtin_inputs} ${CMAKE_CURRENT_LIST_DIR}/embed.cmake
  COMMENT "Embedding the built-in templates"
  VERBATIM)
target_sources(ink_template PRIVATE ${ink_builtin_c})
