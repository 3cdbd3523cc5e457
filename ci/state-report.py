#!/usr/bin/env python3
"""Prints the semantic state report of a fuzz run (issue 25): what each target
reached in the map's terms, one column per target, from the JSON files its
replay pass wrote (harness/model/state_report.cpp, HASHMAP_MEM_STATE_REPORT).
A state no target reached is marked "<- never reached". Writes the combined
report to OUT as JSON ({"targets": {...}, "never_reached": [...]}) for CI.
Run: python3 ci/state-report.py OUT.json TARGET.state.json..."""
import json
import sys


def main():
    out, paths = sys.argv[1], sys.argv[2:]
    reports = []
    for path in paths:
        try:
            with open(path) as f:
                reports.append(json.load(f))
        except (OSError, ValueError) as e:
            print(f"state report: {path}: {e}", file=sys.stderr)
    if not reports:
        sys.exit("state report: no target wrote one")
    names = [r["target"].replace("_fuzzer", "") for r in reports]
    width = max(len(n) for n in names) + 2
    print("\nstate report (one replay of each scratch corpus; counts per target)")
    print(f"{'':58}" + "".join(f"{n:>{max(width, 10)}}" for n in names))
    print(f"{'inputs':58}" + "".join(f"{r['inputs']:>{max(width, 10)}}" for r in reports))
    never = []
    for group in reports[0]["groups"]:
        print(group)
        for row in reports[0]["groups"][group]:
            counts = [r["groups"].get(group, {}).get(row, 0) for r in reports]
            mark = ""
            if not any(counts):
                never.append(f"{group}: {row}")
                mark = "  <- never reached"
            print(f"  {row[:56]:56}" + "".join(f"{c:>{max(width, 10)}}" for c in counts) + mark)
    with open(out, "w") as f:
        json.dump({"targets": {r["target"]: r for r in reports}, "never_reached": never}, f, indent=1)
    print(f"{len(never)} states never reached; written to {out}")


if __name__ == "__main__":
    main()
