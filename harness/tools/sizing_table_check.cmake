# docs/sizing.md's table is exactly what `hashmap-mem-sizing` prints (its
# '|' lines, between the sizing-table markers): the page states no number the
# tool does not print.
execute_process(COMMAND ${TOOL} RESULT_VARIABLE code OUTPUT_VARIABLE printed)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "${TOOL} exited ${code}")
endif()
file(READ ${DOC} doc)
string(REGEX MATCH "<!-- sizing-table[^\n]*-->\n(.*)<!-- /sizing-table -->" found "${doc}")
if(NOT found)
  message(FATAL_ERROR "${DOC}: no <!-- sizing-table --> ... <!-- /sizing-table --> block")
endif()
set(in_doc "${CMAKE_MATCH_1}")
string(REGEX MATCHALL "\\|[^\n]*\n" rows "${printed}")
string(REPLACE ";" "" from_tool "${rows}")
if(NOT in_doc STREQUAL from_tool)
  message(FATAL_ERROR "${DOC}'s table is not what ${TOOL} prints; paste its '|' lines:\n${from_tool}")
endif()
