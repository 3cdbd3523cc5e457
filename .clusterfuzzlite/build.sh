#!/bin/bash -eu
# ClusterFuzzLite build script: the OSS-Fuzz one, run from the source root.
# Run: by ClusterFuzzLite's build_fuzzers action (see .github/workflows/cflite_pr.yml).
cd "$SRC/hashmap-mem"
exec bash -eu ci/oss-fuzz/build.sh
