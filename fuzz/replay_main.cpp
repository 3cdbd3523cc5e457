// Replays fuzz inputs without libFuzzer (builds with g++ too): each argument is
// a file or a directory of files (README* and dotfiles skipped), each run once
// through LLVMFuzzerTestOneInput; a failing input aborts with its script.
// Exits 1 when no input was found, so an empty corpus never passes silently.
//   ops_fuzzer_replay corpus/ops_fuzzer corpus/regressions/ops_fuzzer
// Files and directories are read with POSIX calls, not std::filesystem or
// fstream: those run in libstdc++.so, which MemorySanitizer does not see into
// (it reported the objects they built as uninitialised), and ci/msan.sh runs
// this replay under MSan.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool is_input(const std::string& name) { return name.rfind('.', 0) != 0 && name.rfind("README", 0) != 0; }

bool replay(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        std::fprintf(stderr, "replay: cannot open %s\n", path.c_str());
        return false;
    }
    std::vector<std::uint8_t> bytes;
    std::uint8_t chunk[4096];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) bytes.insert(bytes.end(), chunk, chunk + n);
    std::fclose(file);
    std::fprintf(stderr, "replay: %s\n", path.c_str());  // named before a crash can hide it
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg(argv[i]);
        struct stat info {};
        if (stat(argv[i], &info) == 0 && S_ISDIR(info.st_mode)) {
            std::vector<std::string> files;
            if (DIR* dir = opendir(argv[i])) {
                while (const dirent* entry = readdir(dir)) {
                    const std::string path = arg + "/" + entry->d_name;
                    struct stat file_info {};
                    if (is_input(entry->d_name) && stat(path.c_str(), &file_info) == 0 && S_ISREG(file_info.st_mode)) files.push_back(path);
                }
                closedir(dir);
            }
            std::sort(files.begin(), files.end());
            for (const std::string& file : files) {
                if (!replay(file)) return 1;
            }
            count += files.size();
        } else if (stat(argv[i], &info) == 0 && S_ISREG(info.st_mode)) {
            if (!replay(arg)) return 1;
            ++count;
        } else {
            std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", argv[i]);
            return 1;
        }
    }
    if (count == 0) {
        std::fprintf(stderr, "replay: no inputs found (an empty corpus is an error)\n");
        return 1;
    }
    std::printf("replay: %zu inputs, no failure\n", count);
    return 0;
}
