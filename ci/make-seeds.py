#!/usr/bin/env python3
"""Writes seed inputs for the five fuzz targets into OUT/<target>/: the shapes
of the conformance scripts (a cluster filled past its 32-bucket window, wrap at
the table's end, churn that leaves Tombstones, overwrites that fit and that
fail, scans that remove, images with one field or byte off) in the byte format
of harness/fuzz_input/, plus random inputs from a fixed seed.
ci/make-seeds.sh minimises them into corpus/ with libFuzzer -merge=1.
Run: python3 ci/make-seeds.py OUT"""
import hashlib
import os
import random
import struct
import sys

KEY_SIZES = [1, 2, 4, 8, 16, 1, 2, 4, 8, 3, 5, 7, 12, 20, 33, 40]
ALIGN_INDEX = {1: 0, 2: 2, 4: 3, 8: 4, 16: 5}
PUT, GET, HAS, DEL, MISC = 0 << 5, 3 << 5, 4 << 5, 5 << 5, 7 << 5  # ops_fuzzer kinds


def layout(ks, vs, ka=1, va=1, limit=64):
    """The 4-byte layout prefix (limits up to 64)."""
    k = KEY_SIZES.index(ks) if ks in KEY_SIZES else 192 + ks - 1
    return bytes([k, 192 + vs, ALIGN_INDEX[ka] | ALIGN_INDEX[va] << 3, limit - 1])


def home_near_end(k=0):
    return bytes([k << 1 | 1])


# The fill byte after each map's home byte: what the block held before init.
FILLS = [0, 1, 2, 3, 4, 5 | 3 << 3, 6, 7 | 1 << 3]


def fill(i):
    return bytes([FILLS[i % len(FILLS)]])


# ops_fuzzer raw layouts: 248, then five u32 as indices into decode_raw_u32's EDGES.
EDGE = {0: 0, 1: 1, 3: 3, 8: 7, 64: 12, 128: 14, 256: 17, 32768: 20, 32769: 21, 1 << 20: 23, 1 << 27: 25,
        1 << 31: 27, 0xFFFFFFF0: 29, 0xFFFFFFFF: 31}
RAW_LAYOUTS = [(8, 8, 1 << 27, 8, 32768), (8, 8, 1 << 20, 1, 32768), (1, 0, 8, 1, 64), (1, 256, 8, 1, 64),
               (8, 3, 8, 1, 64), (8, 8, 8, 8, 32769), (0xFFFFFFFF, 1, 0, 1, 1), (8, 1, 0xFFFFFFF0, 1, 1),
               (8, 8, 8, 8, 64), (1, 1, 0, 1, 3), (1 << 31, 128, 1 << 31, 128, 32768), (3, 128, 0, 128, 8)]


def raw_layout(values):
    return bytes([248] + [EDGE[v] for v in values])


LAYOUTS = [layout(8, 8), layout(1, 0, limit=4), layout(16, 32, 16, 16), layout(40, 0, limit=32),
           layout(3, 5, 4, 8, 32), layout(2, 1, 2, 1, 16), layout(4, 4, limit=1), layout(12, 7, 4, 1, 64)]


def ops_seeds(home_bits=0):
    """home_bits: frontend_fuzzer's home byte top bit (0x80: MapView, else the C API)."""
    seeds = []
    home_near_end = lambda k=0: bytes([globals()["home_near_end"](k)[0] | home_bits])  # noqa: E731
    for lay in LAYOUTS:
        fill_ops = b"".join(bytes([PUT, k]) for k in range(40))  # 33rd put finds the window full
        probe = b"".join(bytes([GET, k, HAS, k]) for k in range(0, 40, 3))
        churn = b"".join(bytes([DEL, k]) for k in range(0, 33, 2)) + b"".join(bytes([PUT, k]) for k in range(33, 40))
        for f in range(0, len(FILLS), 3):
            seeds.append(lay + home_near_end() + fill(f) + fill_ops + probe + churn + bytes([MISC | 12, MISC | 16, MISC | 8]))
        seeds.append(lay + bytes([home_bits]) + fill(len(seeds)) + bytes([PUT, 40, PUT, 41, DEL, 40, GET, 41, MISC | 25, MISC | 3]))
    for i, values in enumerate(RAW_LAYOUTS):
        seeds.append(raw_layout(values) + home_near_end() + fill(i) + bytes([PUT, 1, PUT, 2, DEL, 1, GET, 2, MISC | 12]))
    return seeds


def scan_seeds():
    seeds = []
    for lay in LAYOUTS:
        puts = b"".join(bytes([0, k]) for k in range(36))
        scans = bytes([0x80, 0x81, 0x83, 0xa0, 0xa5, 0xc0, 0xc1, 0xc4, 0xc5, 0xc6, 0xc7, 0xe0, 0xe1, 36, 0xe3, 2])
        seeds.append(lay + home_near_end(1) + fill(len(seeds)) + puts + scans + bytes([0x40, 3, 0x80, 0x85]))
    return seeds


def overwrite_seeds():
    seeds = []
    # b's limit; identical; mirrored (b a byte-identical copy); other alignments; any layout
    modes = [bytes([0, 7]), bytes([0x80]), bytes([0xa0]), bytes([0xc0, 0x1b, 0x1f]), bytes([0xe0]) + layout(8, 4)]
    for lay in LAYOUTS[:5]:
        for mode in modes:
            a = b"".join(bytes([0, k]) for k in range(0, 32))        # a: 32 cluster keys
            b = b"".join(bytes([1, k]) for k in range(20, 40))       # b: overlapping and new ones
            ows = bytes([0x80, 0x81, 0x86, 0x87, 0xc2, 0xc3])
            fills = fill(len(seeds)) + fill(len(seeds) + 1)
            seeds.append(lay + mode + home_near_end() + fills + a + b + ows + bytes([0x40, 5, 0x80, 0xe1, 0x00, 0x81]))
            # over the limit, then ow a a (the limit check comes first), and a mirrored copy
            over = b"".join(bytes([0, k]) for k in range(12))
            seeds.append(layout(8, 8, limit=5) + bytes([0xa0]) + home_near_end() + fills + over + bytes([0x86, 0x80, 0x81]))
    return seeds


def image_seeds():
    seeds = []
    hdr = struct.pack("<HHIIIIHBB", 1, 1, 1, 0, 2, 2, 1, 1, 0x3d) + bytes([2, 7])
    seeds.append(bytes([0]) + struct.pack("<H", len(hdr)) + hdr + bytes([0, 0, 7, 0x60, 7, 0xf0]))
    # planted clusters: mode 32, layout, limit byte, home, fill, distance byte, one byte per bucket before
    ops = bytes([PUT, 2, GET, 3, DEL, 4, HAS, 5, MISC | 16, MISC | 12])
    for lay in LAYOUTS[:4]:
        for d_index, d in enumerate([0, 1, 31, 32, 33]):
            for step_byte in [1, 0, 0x0f]:  # Occupied; Tombstones every fourth... ; Empty
                steps = bytes([step_byte if i % 4 == 0 else 1 for i in range(d)])
                seeds.append(bytes([0x20]) + lay + bytes([31]) + home_near_end() + fill(d) + bytes([d_index]) + steps +
                             bytes([0]) + ops)
    edits = [b"", bytes([1, 1, 1]), bytes([1, 1, 0xff]), bytes([2, 0, 0]), bytes([2, 3, 1]), bytes([4, 0, 1]),
             bytes([5, 0, 1]), bytes([7, 1, 0, 1]), bytes([6, 0xff, 0]), bytes([0, 23, 0x3c]), bytes([1, 6, 0xff])]
    for lay in LAYOUTS[:4]:
        puts = bytes([34]) + bytes(range(34))
        dels = bytes([3, 1, 5, 9])
        for edit in edits:
            count = bytes([1 if edit else 0])
            ops = bytes([PUT, 2, GET, 3, DEL, 4, HAS, 5, MISC | 16, MISC | 12])
            seeds.append(bytes([0x40]) + lay + home_near_end() + fill(len(seeds)) + puts + dels + count + edit + ops)
    return seeds


# Near-duplicate keys (pool indices 52..63: cluster keys 0, 1, 2 with their
# first, middle or last byte or one word changed), for every key size with a
# fast path and some without: cluster keys put, then each near-duplicate got,
# probed, put and removed, so a compare that skips bytes answers wrong.
NEAR_DUPLICATE_KEY_SIZES = [1, 2, 3, 4, 5, 7, 8, 12, 16, 20, 24, 32, 33, 40]


def near_duplicate_seeds():
    seeds = []
    for i, ks in enumerate(NEAR_DUPLICATE_KEY_SIZES):
        for vs in [1, 0]:
            puts = bytes([PUT, 0, PUT, 1, PUT, 2])
            probes = b"".join(bytes([GET, k, HAS, k]) for k in range(52, 64))
            writes = b"".join(bytes([PUT, k]) for k in range(52, 64)) + b"".join(bytes([DEL, k]) for k in range(52, 64))
            seeds.append(layout(ks, vs, limit=64) + home_near_end(i % 4) + fill(0) + puts + probes + writes +
                         bytes([GET, 0, GET, 1, GET, 2, MISC | 16]))
    return seeds


# ops_fuzzer raw layouts at the top of their range and with one rule broken
# (or several, for the order of the errors): layout's error kind, the C
# status and struct, describe and MapView's bytes_for and create are compared.
EDGE_LAYOUTS = [(1, 1, 0, 1, 32768), (8, 8, 8, 8, 32768), (1, 1, 1, 1, 32768), (8, 1, 8, 256, 64), (8, 1, 8, 3, 64),
                (8, 1, 8, 0, 64), (8, 0, 8, 1, 64), (0, 1, 8, 1, 64), (8, 1, 8, 1, 0), (8, 1, 8, 1, 32769),
                (0, 0, 0, 0, 0), (0xFFFFFFFF, 1, 0, 1, 0), (8, 256, 8, 256, 32769), (8, 3, 8, 256, 0),
                (1, 128, 0, 128, 32768), (8, 1, 0xFFFFFFF0, 1, 0)]


def edge_layout_seeds():
    return [raw_layout(values) + home_near_end() + fill(0) + bytes([PUT, 1, GET, 1, MISC | 16]) for values in EDGE_LAYOUTS]


# image_fuzzer mode 0xe0: a map made by puts, then one header field put at an
# edge of a validate rule (edge_corrupt: rule byte, delta byte -1/0/+1).
def edge_image_seeds():
    seeds = []
    lays = [layout(8, 8), layout(3, 0, limit=16), layout(4, 4, 4, 4, 33), layout(16, 1, limit=2), layout(1, 2, 1, 2, 1)]
    ops = bytes([PUT, 2, GET, 3, DEL, 4, HAS, 5, MISC | 16, MISC | 12])
    for li, lay in enumerate(lays):
        for puts in [0, 5]:
            for rule in range(16):
                for delta in range(3):
                    build = bytes([puts]) + bytes(range(puts)) + bytes([0])
                    seeds.append(bytes([0xe0]) + lay + home_near_end(li) + fill(0) + build + bytes([0, rule, delta]) + ops)
    return seeds


def main():
    out = sys.argv[1]
    rng = random.Random(20261125)
    shapes = {"ops_fuzzer": ops_seeds() + near_duplicate_seeds() + edge_layout_seeds(), "scan_fuzzer": scan_seeds(),
              "overwrite_fuzzer": overwrite_seeds(), "image_fuzzer": image_seeds() + edge_image_seeds(),
              "frontend_fuzzer": ops_seeds(0x80) + ops_seeds(0)}
    for target, seeds in shapes.items():
        os.makedirs(os.path.join(out, target), exist_ok=True)
        seeds += [bytes(rng.randrange(256) for _ in range(rng.randrange(8, 160))) for _ in range(200)]
        for seed in seeds:
            with open(os.path.join(out, target, hashlib.sha1(seed).hexdigest()), "wb") as f:
                f.write(seed)
        print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
