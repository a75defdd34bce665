# Several articles, standard input and threads (tests/cli/newsroom.cmake), and the Python
# binding (bindings/python). test_newsroom compares the library's output format call with the
# pages the CLI writes, so it runs the CLI.
target_compile_definitions(test_newsroom PRIVATE INKSET_CLI="$<TARGET_FILE:inkset_cli>")
add_dependencies(test_newsroom inkset_cli)
