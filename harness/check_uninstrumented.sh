#!/bin/sh
# Fails when a harness object built without coverage instrumentation (and,
# but for map_calls.cpp, without sanitizers) defines a core function: the
# linker may keep that copy for every caller, and the map would run
# uninstrumented (see harness/run/map_calls.hpp). Run by fuzz builds after
# linking the harness: sh harness/check_uninstrumented.sh OBJECT...
status=0
for object in "$@"; do
  found=$(nm --defined-only "$object" |
    awk '$2 ~ /^[TWti]$/ && $3 ~ /^_ZNK?11hashmap_mem/ && $3 !~ /^_ZNK?11hashmap_mem7harness/ { print $3 }')
  if [ -n "$found" ]; then
    echo "error: $object is built without coverage instrumentation but defines core functions;" >&2
    echo "call them through harness/run/map_calls.hpp instead:" >&2
    echo "$found" | c++filt | sed 's/^/  /' >&2
    status=1
  fi
done
exit $status
