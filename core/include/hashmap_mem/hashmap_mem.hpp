// hashmap-mem: a fixed-capacity hash map in memory its caller owns, byte-exact
// with the Rust crate hashmap-mem 0.2.x (the Swamp VM's map). See README.md.
#pragma once

#include "hashmap_mem/cxx17.hpp"
#include "hashmap_mem/fxhash.hpp"    // fxhash64, home_bucket
#include "hashmap_mem/header.hpp"    // MapHeader, BucketStatus, SECRET_CODE
#include "hashmap_mem/layout.hpp"    // layout, calculate_bucket_layout, total_size
#include "hashmap_mem/map.hpp"       // init, get_or_reserve_entry, lookup, has, remove, overwrite, find_next_valid_entry
#include "hashmap_mem/validate.hpp"  // validate
