#pragma once
// A throwaway PostgreSQL cluster for the tests that run against the PostGIS backend
// (LIBLAND_TEST_BACKEND=postgis): the server's own programs (pg_config --bindir, where Debian keeps
// initdb and pg_ctl off the PATH) make a cluster in a temporary folder, owned by the unprivileged
// `postgres` user when the tests run as root, listening only on a Unix socket in that folder. It
// starts at the first database asked for and is stopped and removed when the test process ends.
// Without the binaries, the test process exits with code 77, which ctest reports as skipped.
#include "detail/pq.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace libland::test {

// Returns whether the suites run against PostgreSQL (LIBLAND_TEST_BACKEND=postgis).
inline bool postgis_backend() {
    const char* backend = std::getenv("LIBLAND_TEST_BACKEND");
    return backend != nullptr && std::string(backend) == "postgis";
}

// The exit code by which a test process tells ctest it skipped (SKIP_RETURN_CODE).
inline constexpr int skip_exit_code = 77;

class ThrowawayCluster {
public:
    // Returns the process's cluster, started on first use.
    static ThrowawayCluster& get() {
        static ThrowawayCluster cluster;
        return cluster;
    }

    // Returns the URI of a new, empty database `name` (letters, digits, '_'), dropped first when
    // it exists.
    std::string fresh_database(const std::string& name) {
        detail::PgConnection admin(uri("postgres"));
        admin.execute(("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str());
        admin.execute(("CREATE DATABASE " + name).c_str());
        return uri(name);
    }

    // Returns the URI of database `name` on the cluster (superuser postgres, no password).
    [[nodiscard]] std::string uri(const std::string& name) const {
        return "postgresql:///" + name + "?host=" + folder_ + "&user=postgres";
    }
    [[nodiscard]] const std::string& folder() const noexcept { return folder_; }

    // Runs a command of the server's bin folder as the cluster's owner. Returns its exit status.
    int run(const std::string& program, const std::string& args) const {
        const std::string command = as_owner_ + bindir_ + "/" + program + " " + args;
        return std::system(command.c_str());
    }

    // Stops the server at once (as a crash would) and starts it again.
    void restart() const {
        run("pg_ctl", "-D " + folder_ + "/data -m immediate -w stop > /dev/null 2>&1");
        start();
    }

    ThrowawayCluster(const ThrowawayCluster&) = delete;
    ThrowawayCluster& operator=(const ThrowawayCluster&) = delete;

    ~ThrowawayCluster() {
        run("pg_ctl", "-D " + folder_ + "/data -m immediate -w stop > /dev/null 2>&1");
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }

private:
    ThrowawayCluster() {
        bindir_ = server_bindir();
        if (bindir_.empty()) {
            std::cout << "SKIPPED: the PostgreSQL server's programs were not found (pg_config --bindir has no initdb); "
                         "install postgresql-15-postgis-3 (scripts/install-deps.sh) to run the PostGIS suites"
                      << std::endl;
            std::_Exit(skip_exit_code);
        }
        char folder[] = "/tmp/landpg-XXXXXX";  // short: a socket path has at most 107 bytes
        if (mkdtemp(folder) == nullptr) throw std::runtime_error("cannot make a folder for the test cluster");
        folder_ = folder;
        if (geteuid() == 0) {
            // initdb refuses root: the cluster belongs to the unprivileged postgres user.
            as_owner_ = "runuser -u postgres -- ";
            if (std::system(("chown postgres: " + folder_).c_str()) != 0) {
                throw std::runtime_error("cannot give " + folder_ + " to the postgres user");
            }
        }
        if (run("initdb", "-D " + folder_ + "/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync "
                          "> " + folder_ + "/initdb.log 2>&1") != 0) {
            throw std::runtime_error("initdb failed; see " + folder_ + "/initdb.log");
        }
        start();
    }

    void start() const {
        // No TCP; the socket in the folder; durability off (the tests kill clients, not the OS).
        const std::string options = "\"-k " + folder_ + " -c listen_addresses='' -c fsync=off "
                                    "-c full_page_writes=off -c max_connections=100\"";
        if (run("pg_ctl", "-D " + folder_ + "/data -o " + options + " -l " + folder_ + "/server.log -w start > /dev/null") !=
            0) {
            throw std::runtime_error("the test cluster did not start; see " + folder_ + "/server.log");
        }
    }

    // Returns the folder of initdb and pg_ctl ("" when absent).
    static std::string server_bindir() {
        std::string dir;
        if (FILE* out = popen("pg_config --bindir 2>/dev/null", "r")) {
            char line[4096];
            if (fgets(line, sizeof line, out) != nullptr) dir = line;
            pclose(out);
        }
        while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' ')) dir.pop_back();
        if (dir.empty() || !std::filesystem::exists(dir + "/initdb") || !std::filesystem::exists(dir + "/pg_ctl")) {
            return {};
        }
        return dir;
    }

    std::string bindir_;
    std::string folder_;
    std::string as_owner_;
};

// Returns a database name for a test: the suite and name, as letters, digits and '_'.
inline std::string database_name(const std::string& suite, const std::string& name) {
    std::string out;
    for (char c : suite + "_" + name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        out += plain ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '_';
    }
    return out.substr(0, 63);
}

}  // namespace libland::test
