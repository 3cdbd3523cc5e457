#!/usr/bin/env python3
"""Prints the [libfuzzer] section of a fuzz target's .options file as libFuzzer
flags ("-max_len=512 -use_value_profile=1"), as OSS-Fuzz's run_fuzzer reads it.
Run: python3 ci/libfuzzer-options.py fuzz/ops_fuzzer.options
Used by ci/fuzz-smoke.sh and ci/check-oss-fuzz-build.sh."""
import configparser
import sys

parser = configparser.ConfigParser()
if not parser.read(sys.argv[1]):
    sys.exit(f"libfuzzer-options: cannot read {sys.argv[1]}")
if parser.has_section("libfuzzer"):
    print(" ".join(f"-{k}={v}" for k, v in parser["libfuzzer"].items()))
