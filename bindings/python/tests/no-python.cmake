# The python_binding test where no python3 was found: skipped, or failed under INK_REQUIRE_ALL.
if("$ENV{INK_REQUIRE_ALL}")
  message(FATAL_ERROR "python_binding: no python3 was found and INK_REQUIRE_ALL is set")
endif()
message("skipped: no python3 was found")
