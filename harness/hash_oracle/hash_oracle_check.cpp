// The core's FxHash64, the checker's own (spec_hash.hpp) and the map's
// placements, each against fxhash-oracle: the crates.io fxhash 0.2.1 itself,
// built by cargo from Debian's librust-fxhash-dev. Neither C++ hash is the
// oracle of the other; only the crate is.
//
//   hash_oracle_check --oracle PATH            every length 0..256 (4 byte patterns) and 300,000 random keys
//   hash_oracle_check --oracle PATH --seconds 10 [--seed N]   random lengths and bytes until the time is up
//
// Placements: a key of 1..256 bytes is put into an empty map (32768 buckets,
// 1024 past 64 bytes) and must land in the crate's home, so every
// per-key-size fast path of the walk is checked too.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "hashmap_mem/hashmap_mem.hpp"
#include "script/bytes.hpp"
#include "oracle/spec_hash.hpp"
#include "keys/splitmix.hpp"

namespace {

using hashmap_mem::harness::Bytes;
using hashmap_mem::harness::splitmix;

constexpr std::size_t MAX_PLACED_KEY = 256;

[[noreturn]] void fail_to_run(const std::string& message) {
    std::fprintf(stderr, "hash_oracle_check: %s\n", message.c_str());
    std::exit(2);
}

std::string temp_path(const char* name) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/hash_oracle_" + name + "_XXXXXX";
    std::vector<char> buffer(path.begin(), path.end());
    buffer.push_back('\0');
    const int fd = mkstemp(buffer.data());
    if (fd < 0) fail_to_run("cannot create a temporary file in " + path);
    close(fd);
    return buffer.data();
}

// Runs the oracle on every key; its answers, in order.
std::vector<std::uint64_t> oracle_hashes(const std::string& oracle, const std::vector<Bytes>& keys) {
    const std::string in_path = temp_path("in"), out_path = temp_path("out");
    {
        std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(in_path.c_str(), "wb"), std::fclose);
        if (!in) fail_to_run("cannot write " + in_path);
        for (const Bytes& key : keys) {
            const auto length = static_cast<std::uint32_t>(key.size());
            std::fwrite(&length, 4, 1, in.get());  // little-endian host, as SPEC §1
            if (!key.empty()) std::fwrite(key.data(), 1, key.size(), in.get());
        }
    }
    const std::string command = "'" + oracle + "' < '" + in_path + "' > '" + out_path + "'";
    const int status = std::system(command.c_str());
    std::remove(in_path.c_str());
    if (status != 0) fail_to_run("the oracle failed (status " + std::to_string(status) + "): " + command);
    std::vector<std::uint64_t> hashes(keys.size());
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(out_path.c_str(), "rb"), std::fclose);
    if (!out) fail_to_run("cannot read " + out_path);
    const std::size_t read = hashes.empty() ? 0 : std::fread(hashes.data(), 8, hashes.size(), out.get());
    std::remove(out_path.c_str());
    if (read != keys.size())
        fail_to_run("the oracle gave " + std::to_string(read) + " hashes for " + std::to_string(keys.size()) + " keys");
    return hashes;
}

// One empty map per key size, reused: a put, then a remove (its Tombstone
// is reclaimed at once: the next bucket is Empty), leaves it empty again.
// Keys over 64 bytes get 1024 buckets (10 bits of home), to keep 192 maps small.
class Placements {
public:
    static std::uint32_t capacity_for(std::size_t key_size) { return key_size <= 64 ? 32768 : 1024; }

    // The bucket `key` lands in, or -1 when it could not be put.
    long bucket_of(const Bytes& key) {
        Map& map = map_for(static_cast<std::uint32_t>(key.size()));
        std::uint8_t* value = hashmap_mem::get_or_reserve_entry(map.block.data(), key.data());
        if (value == nullptr) return -1;
        const auto offset = static_cast<std::size_t>(value - map.block.data()) - sizeof(hashmap_mem::MapHeader) - map.value_offset;
        hashmap_mem::remove(map.block.data(), key.data());
        return static_cast<long>(offset / map.bucket_size);
    }

private:
    struct Map {
        std::vector<std::uint8_t> block;
        std::size_t bucket_size = 0;
        std::size_t value_offset = 0;  // a set's value address may be its bucket's end
    };
    Map& map_for(std::uint32_t key_size) {
        auto it = maps_.find(key_size);
        if (it != maps_.end()) return it->second;
        const hashmap_mem::LayoutResult layout = hashmap_mem::layout(key_size, 1, 0, 1, capacity_for(key_size));
        if (!layout) fail_to_run("no layout for key size " + std::to_string(key_size));
        Map& map = maps_[key_size];
        map.block.resize(layout.map_init.total_size);
        map.bucket_size = layout.bucket_layout.bucket_size;
        map.value_offset = layout.bucket_layout.value_offset;
        hashmap_mem::init(map.block.data(), layout.map_init);
        return map;
    }
    std::map<std::uint32_t, Map> maps_;
};

struct Tally {
    std::size_t keys = 0, placed = 0, mismatches = 0;
};

void check(const std::string& oracle, const std::vector<Bytes>& keys, Placements& placements, Tally& tally) {
    const std::vector<std::uint64_t> expected = oracle_hashes(oracle, keys);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const Bytes& key = keys[i];
        const std::uint64_t core = hashmap_mem::fxhash64(key.data(), key.size());
        const std::uint64_t checker = hashmap_mem::harness::spec_fxhash64(key.data(), key.size());
        long bucket = -2, home = -2;
        if (!key.empty() && key.size() <= MAX_PLACED_KEY) {
            bucket = placements.bucket_of(key);
            home = static_cast<long>(expected[i] >> 48 & (Placements::capacity_for(key.size()) - 1));
            ++tally.placed;
        }
        ++tally.keys;
        if (core == expected[i] && checker == expected[i] && bucket == home) continue;
        if (++tally.mismatches <= 20) {
            std::printf("MISMATCH key %s (%zu bytes): crate %016" PRIx64 ", core %016" PRIx64 ", checker %016" PRIx64,
                        key.empty() ? "." : hashmap_mem::harness::to_hex(key).c_str(), key.size(), expected[i], core,
                        checker);
            if (bucket != -2) std::printf(", placed in bucket %ld, crate's home %ld", bucket, home);
            std::printf("\n");
        }
    }
}

Bytes random_key(std::uint64_t& state, std::size_t max_length) {
    // Short keys mostly (every tail path many times), some long ones.
    const std::uint64_t pick = splitmix(state);
    const std::size_t length = (pick & 7) != 0 ? pick >> 8 & 63 : (pick >> 8) % (max_length + 1);
    Bytes key(length);
    for (std::size_t at = 0; at < length; at += 8) {
        const std::uint64_t word = splitmix(state);
        std::memcpy(key.data() + at, &word, std::min<std::size_t>(8, length - at));
    }
    return key;
}

int usage() {
    std::fprintf(stderr,
                 "usage: hash_oracle_check --oracle PATH [--random-keys N] [--seconds S] [--seed N]\n"
                 "  without --seconds: every length 0..256 in 4 byte patterns, then N random keys (300000)\n"
                 "  --seconds S: random keys in batches until S seconds have passed (seed printed, replay with --seed)\n");
    return 2;
}

bool parse_number(const char* text, unsigned long long& out) {
    if (text == nullptr || *text == '\0' || *text == '-') return false;
    char* end = nullptr;
    out = std::strtoull(text, &end, 0);
    return *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    std::string oracle;
    unsigned long long random_keys = 300000, seconds = 0, seed = 0;
    bool seed_given = false;
    for (int i = 1; i < argc; i += 2) {
        const std::string arg = argv[i];
        const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
        if (arg == "--oracle" && next != nullptr) {
            oracle = next;
        } else if (arg == "--random-keys" && parse_number(next, random_keys)) {
        } else if (arg == "--seconds" && parse_number(next, seconds)) {
        } else if (arg == "--seed" && parse_number(next, seed)) {
            seed_given = true;
        } else {
            std::fprintf(stderr, "hash_oracle_check: bad argument '%s'%s\n", arg.c_str(),
                         next == nullptr ? " (missing value)" : "");
            return usage();
        }
    }
    if (oracle.empty()) return usage();
    if (access(oracle.c_str(), X_OK) != 0) fail_to_run("no oracle at " + oracle + " (cargo builds it: target fxhash_oracle)");

    Placements placements;
    Tally tally;
    if (seconds == 0) {
        std::vector<Bytes> keys;
        for (std::size_t length = 0; length <= 256; ++length) {
            Bytes ascending(length), ones(length, 0xff), zeros(length, 0), high(length);
            for (std::size_t i = 0; i < length; ++i) {
                ascending[i] = static_cast<std::uint8_t>(i);
                high[i] = static_cast<std::uint8_t>(0x80 | (i * 37));
            }
            for (Bytes* key : {&ascending, &ones, &zeros, &high}) keys.push_back(*key);
        }
        const std::size_t lengths = keys.size();
        std::uint64_t state = seed_given ? seed : 20261203;
        for (unsigned long long i = 0; i < random_keys; ++i) keys.push_back(random_key(state, 1024));
        check(oracle, keys, placements, tally);
        std::printf("hash_oracle_check: %zu keys (every length 0..256 in 4 patterns = %zu, then %llu random, seed %llu)\n",
                    tally.keys, lengths, random_keys, static_cast<unsigned long long>(seed_given ? seed : 20261203));
    } else {
        if (!seed_given) seed = static_cast<unsigned long long>(std::chrono::system_clock::now().time_since_epoch().count());
        std::printf("hash_oracle_check: random keys for %llu s, seed %llu (replay: --seconds %llu --seed %llu)\n", seconds,
                    seed, seconds, seed);
        std::uint64_t state = seed;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        std::size_t batches = 0;
        while (std::chrono::steady_clock::now() < deadline && tally.mismatches == 0) {
            std::vector<Bytes> keys;
            for (int i = 0; i < 20000; ++i) keys.push_back(random_key(state, 4096));
            check(oracle, keys, placements, tally);
            ++batches;
        }
        std::printf("hash_oracle_check: %zu random keys in %zu batches\n", tally.keys, batches);
    }
    std::printf("hash_oracle_check: %zu placed in maps; core, checker and placements vs fxhash 0.2.1 (crates.io): %zu mismatches\n",
                tally.placed, tally.mismatches);
    std::printf("%zu passed, %zu failed\n", tally.keys - tally.mismatches, tally.mismatches);
    return tally.mismatches == 0 ? 0 : 1;
}
