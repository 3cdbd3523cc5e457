# Checks that README.md holds exactly one ```cpp block and that it is, byte for
# byte, core/tests/readme_example.cpp (the example ctest compiles and runs).
# Run: cmake -DREADME=README.md -DEXAMPLE=core/tests/readme_example.cpp -P core/tests/readme_example_check.cmake
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)

set(fence "```cpp\n")
string(FIND "${readme}" "${fence}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README}: no ```cpp block; paste ${EXAMPLE} into one")
endif()
string(LENGTH "${fence}" fence_length)
math(EXPR start "${start} + ${fence_length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the ```cpp block is not closed")
endif()
math(EXPR end "${end} + 1")  # the block's last newline belongs to the code
string(SUBSTRING "${rest}" 0 ${end} block)
string(SUBSTRING "${rest}" ${end} -1 after)
string(FIND "${after}" "${fence}" second)
if(NOT second EQUAL -1)
  message(FATAL_ERROR "${README}: more than one ```cpp block; only the example may be one")
endif()

if(NOT block STREQUAL example)
  string(LENGTH "${block}" block_length)
  string(LENGTH "${example}" example_length)
  message(FATAL_ERROR "${README}: the ```cpp block (${block_length} bytes) differs from ${EXAMPLE} "
                      "(${example_length} bytes); copy the file into the block")
endif()
message(STATUS "README example matches ${EXAMPLE}")
