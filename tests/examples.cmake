# The embedding examples run as smoke tests.
add_test (NAME example_firmware
  COMMAND example_firmware ${PROJECT_SOURCE_DIR}/fonts
          ${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.json
          ${PROJECT_BINARY_DIR}/firmware-page.raw)
add_test (NAME example_kiosk
  COMMAND example_kiosk ${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md
          ${PROJECT_SOURCE_DIR}/examples/articles/dscovr-launch.md
          ${PROJECT_SOURCE_DIR}/examples/articles/dscovr-launch.md)
set_tests_properties (example_firmware example_kiosk PROPERTIES
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
