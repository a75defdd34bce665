# Shared by the CLI test scripts: fails unless the last run's exit status (rc) is want,
# showing its stderr (err).
function(expect_rc want)
  if(NOT rc STREQUAL want)
    message(FATAL_ERROR "exit status ${rc}, expected ${want}; stderr:\n${err}")
  endif()
endfunction()
