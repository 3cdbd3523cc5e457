#!/usr/bin/env python3
"""Prints the [libfuzzer] section of a fuzz target's .options file as libFuzzer
flags ("-max_len=512 -use_value_profile=1") the way OSS-Fuzz's runner reads it:
with Python's configparser, as base-runner's parse_options.py does (so `key: value`,
upper-case keys and inline sections behave as on ClusterFuzz). The project's own
scripts read .options with libfuzzer_options in ci/fuzz-common.sh; this one is the
emulation's, used by ci/check-oss-fuzz-build.sh to catch files the two read differently.
Run: python3 ci/libfuzzer-options.py fuzz/ops_fuzzer.options"""
import configparser
import sys

parser = configparser.ConfigParser()
if not parser.read(sys.argv[1]):
    sys.exit(f"libfuzzer-options: cannot read {sys.argv[1]}")
if parser.has_section("libfuzzer"):
    print(" ".join(f"-{k}={v}" for k, v in parser["libfuzzer"].items()))
