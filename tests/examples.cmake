# The embedding examples run as smoke tests.
add_test (NAME example_firmware
  COMMAND example_firmware ${PROJECT_SOURCE_DIR}/fonts
          ${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.json
          ${PROJECT_BINARY_DIR}/firmware-page.raw)
add_test (NAME example_kiosk
  COMMAND example_kiosk ${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md
          ${PROJECT_SOURCE_DIR}/examples/articles/dscovr-launch.md
          ${PROJECT_SOURCE_DIR}/examples/articles/dscovr-launch.md)
# A tap on the first related link of the sample's first page (kiosk-10.3, 1404x1872).
add_test (NAME example_kiosk_tap
  COMMAND example_kiosk --tap 1000,700 ${PROJECT_SOURCE_DIR}/examples/articles/pakistan-china-pact.md)
set_tests_properties (example_kiosk_tap PROPERTIES PASS_REGULAR_EXPRESSION
  "tap at 1000,700: link \\(related\\) -> https://news.example/2011/05/china-endorses-pakistan-response")
set_tests_properties (example_firmware example_kiosk example_kiosk_tap PROPERTIES
  ENVIRONMENT "INKSET_FONT_DIR=${PROJECT_SOURCE_DIR}/fonts")
