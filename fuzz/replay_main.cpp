// Replays fuzz inputs without libFuzzer (builds with g++ too): each argument is
// a file or a directory of files (README* and dotfiles skipped), each run once
// through LLVMFuzzerTestOneInput; a failing input aborts with its script.
// Exits 1 when no input was found, so an empty corpus never passes silently.
//   ops_fuzzer_replay corpus/ops_fuzzer corpus/regressions/ops_fuzzer
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool is_input(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.rfind('.', 0) != 0 && name.rfind("README", 0) != 0;
}

void replay(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay: %s\n", path.string().c_str());  // named before a crash can hide it
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code error;
        if (fs::is_directory(arg, error)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(arg)) {
                if (entry.is_regular_file() && is_input(entry.path())) files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
            for (const fs::path& file : files) replay(file);
            count += files.size();
        } else if (fs::is_regular_file(arg, error)) {
            replay(arg);
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
