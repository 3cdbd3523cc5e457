// Built by the test cxx14_refused, as C++14: it passes only when this fails
// with cxx17.hpp's #error, not a page of -Wc++17-extensions.
#include "hashmap_mem/map_view.hpp"

int main() { return 0; }
