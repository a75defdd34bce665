# --max-pages 1 on an article of two pages: exit status 3, one line on stderr that reports the
# overflow, and the layout JSON counting what did not fit.
execute_process (
  COMMAND ${INKSET} render ${ARTICLE} --max-pages 1 -o ${WORK}/overflow --layout-json ${WORK}/overflow.json
  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if (NOT rc EQUAL 3)
  message (FATAL_ERROR "expected exit status 3, got ${rc}: ${err}")
endif ()
if (NOT err MATCHES "^inkset: [^\n]*pakistan-china-pact.md: overflow: [1-9][0-9]* characters in [1-9][0-9]* blocks did not fit in 1 pages\n$")
  message (FATAL_ERROR "unexpected stderr: ${err}")
endif ()
file (READ ${WORK}/overflow.json json)
if (NOT json MATCHES "\"overflow\": { \"blocks\": [1-9][0-9]*, \"chars\": [1-9][0-9]* }")
  message (FATAL_ERROR "the layout JSON does not count the overflow")
endif ()
if (NOT EXISTS ${WORK}/overflow/page-001.png OR EXISTS ${WORK}/overflow/page-002.png)
  message (FATAL_ERROR "expected exactly one page")
endif ()

# Without --layout-json: the same page, the same exit status and line.
execute_process (
  COMMAND ${INKSET} render ${ARTICLE} --max-pages 1 -o ${WORK}/overflow-streamed
  RESULT_VARIABLE rc ERROR_VARIABLE err2 OUTPUT_VARIABLE out)
if (NOT rc EQUAL 3 OR NOT err2 STREQUAL err)
  message (FATAL_ERROR "streamed: expected exit status 3 and the same line, got ${rc}: ${err2}")
endif ()
file (SHA256 ${WORK}/overflow/page-001.png whole)
file (SHA256 ${WORK}/overflow-streamed/page-001.png streamed)
if (NOT whole STREQUAL streamed OR EXISTS ${WORK}/overflow-streamed/page-002.png)
  message (FATAL_ERROR "streamed: expected the same single page")
endif ()
