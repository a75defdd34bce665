# Renders every article of ARTICLES on every bundled template, runs CHECK on each layout and
# compares the faults per (article, template, kind) with KNOWN (`article template kind count`
# lines; `#` starts a comment). With INK_MAKEUP_UPDATE=1 in the environment, writes KNOWN.
set(templates kiosk-10.3 kiosk-7.5 reader-6 print-a4)
set(kinds off-grid uneven-full-page unbalanced-last-page empty-column float-order foot-hyphen
          wide-caption one-word-head overprint lost-text floats-only-page split-table
          stranded-head column-hole early-quote double-rule rule-touch letter-spaced
          runt-page lone-line split-float broken-figure attribution-align
          head-gap split-short-table table-foot indent
          quote-before-passage text-order float-reach float-in-list note-parted
          starved-page float-past-text float-gap)
file(GLOB articles ${ARTICLES}/*.md)
list(SORT articles)
file(MAKE_DIRECTORY ${WORK})

set(table "")
foreach(md ${articles})
  get_filename_component(file ${md} NAME)
  string(REGEX REPLACE "\\.md$" "" article ${file})
  foreach(tpl ${templates})
    set(out ${WORK}/${article}-${tpl})
    execute_process(COMMAND ${INKSET} render ${md} -t ${tpl} -o ${out} --format raw
                            --layout-json ${out}.json
                    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${article} on ${tpl}: inkset exited ${rc}: ${err}")
    endif()
    # Only the layout is checked: the pages (some 1.8 GB over all renders) would fill a small
    # disk, so they go as soon as they are written.
    file(REMOVE_RECURSE ${out})
    set(args)
    if(EXISTS ${ARTICLES}/${article}.json)
      set(args --article ${ARTICLES}/${article}.json)
    endif()
    execute_process(COMMAND ${CHECK} ${args} ${out}.json RESULT_VARIABLE rc OUTPUT_VARIABLE report)
    if(rc GREATER 1)
      message(FATAL_ERROR "${article} on ${tpl}: makeup_check exited ${rc}")
    endif()
    foreach(kind ${kinds})
      string(REGEX MATCHALL ": page [0-9]+: ${kind}: " hits "${report}")
      list(LENGTH hits n)
      if(n GREATER 0)
        string(APPEND table "${article} ${tpl} ${kind} ${n}\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if("$ENV{INK_MAKEUP_UPDATE}")
  file(WRITE ${KNOWN} "# Make-up faults the page engine makes today: article template kind count.\n"
                      "# Written by tests/makeup/ratchet.cmake (INK_MAKEUP_UPDATE=1); see tests/makeup.cmake.\n"
                      "${table}")
  message(STATUS "wrote ${KNOWN}")
  return()
endif()

# Compare both ways: every (article, template, kind) in either list.
file(STRINGS ${KNOWN} known REGEX "^[^#]")
string(REPLACE "\n" ";" now "${table}")
set(failed 0)
set(keys "")
foreach(line ${known} ${now})
  string(REGEX MATCH "^([^ ]+ [^ ]+ [^ ]+) " _ "${line}")
  list(APPEND keys "${CMAKE_MATCH_1}")
endforeach()
list(REMOVE_DUPLICATES keys)
foreach(key ${keys})
  set(was 0)
  set(is 0)
  foreach(line ${known})
    if(line MATCHES "^${key} ([0-9]+)$")
      set(was ${CMAKE_MATCH_1})
    endif()
  endforeach()
  foreach(line ${now})
    if(line MATCHES "^${key} ([0-9]+)$")
      set(is ${CMAKE_MATCH_1})
    endif()
  endforeach()
  if(is GREATER was)
    message("MORE: ${key}: ${is} faults, known ${was} (see ${WORK}/*.json)")
    set(failed 1)
  elseif(is LESS was)
    message("FEWER: ${key}: ${is} faults, known ${was}: make-up improved, update the list "
            "(INK_MAKEUP_UPDATE=1 ctest -R makeup_ratchet) and commit it")
    set(failed 1)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "make-up faults differ from ${KNOWN}")
endif()
