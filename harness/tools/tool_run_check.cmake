# Runs TOOL with ARGS ('|'-separated) and checks its exit code (EXIT) and that
# stdout / stderr match STDOUT / STDERR (regexes; "^$" for empty) when given:
# ctest alone checks either an exit code or a regex, not both.
#   cmake -DTOOL=... -DARGS=--max-depth|abc -DEXIT=2 -DSTDERR=... -P tool_run_check.cmake
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${TOOL} ${args} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(problems "")
if(NOT code STREQUAL EXIT)
  string(APPEND problems "exit code ${code}, expected ${EXIT}\n")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  string(APPEND problems "stdout does not match '${STDOUT}'\n")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
  string(APPEND problems "stderr does not match '${STDERR}'\n")
endif()
if(problems)
  message(FATAL_ERROR "${TOOL} ${args}:\n${problems}--- stdout:\n${out}--- stderr:\n${err}")
endif()
