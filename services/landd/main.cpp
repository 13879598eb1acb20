// landd: the land database over HTTP (OGC API - Features, history, reports, officers' writes).
// See docs/landd.md.
#include "options.hpp"
#include "server.hpp"

#include <libland/error.hpp>

#include <cstdio>
#include <cstring>
#include <exception>

int main(int argc, char** argv) {
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(landd::usage(), stdout);
        return 0;
    }
    try {
        return landd::serve(landd::parse_options(argc, argv));
    } catch (const libland::usage_error& e) {
        std::fprintf(stderr, "landd: %s\n%s", e.what(), landd::usage());
        return 2;
    } catch (const libland::error& e) {
        std::fprintf(stderr, "landd: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "landd: internal error: %s\n", e.what());
        return 3;
    }
}
