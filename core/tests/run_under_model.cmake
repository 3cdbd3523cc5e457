# Replays every conformance script with its expected results stripped through
# `hashmap-mem-script --model`: each op checked against the model and the
# invariants. Run by ctest (conformance_under_model).
file(GLOB_RECURSE scripts ${CONFORMANCE_DIR}/ops/*.txt)
list(LENGTH scripts count)
if(count EQUAL 0)
  message(FATAL_ERROR "no conformance scripts under ${CONFORMANCE_DIR}/ops")
endif()
foreach(script IN LISTS scripts)
  file(STRINGS ${script} lines)
  set(commands "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE " => .*$" "" command "${line}")
    string(APPEND commands "${command}\n")
  endforeach()
  get_filename_component(name ${script} NAME)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/model_${name} "${commands}")
  execute_process(COMMAND ${SCRIPT_TOOL} --model
    INPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/model_${name}
    OUTPUT_QUIET ERROR_VARIABLE failure RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${name}: ${failure}")
  endif()
endforeach()
message(STATUS "${count} scripts hold every invariant")
