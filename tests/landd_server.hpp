#pragma once
// For landd's suites: a land database built from the sample maps by the real `land` program
// (init, both surveys committed, the tourism and planning layers loaded, an officer's and a
// reader's key), and the real `landd` serving it on a loopback port, stopped at the end.
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace libland::test {

inline const std::string sample_maps = LIBLAND_SAMPLE_MAPS;

// Returns true when the sample maps are there (else says that the suite is skipped).
inline bool have_sample_maps() {
    for (const char* name : {"survey_2019.gpkg", "survey_2024.gpkg", "tourism.gpkg", "planning_zones.gpkg"}) {
        if (!std::filesystem::exists(sample_maps + "/" + name)) return false;
    }
    return true;
}

// A test-suite precondition: the sample maps are there (else the suite is skipped, saying so).
inline boost::test_tools::assertion_result sample_maps_present(boost::unit_test::test_unit_id) {
    if (have_sample_maps()) return true;
    boost::test_tools::assertion_result skipped(false);
    skipped.message() << "the sample maps are not in " << sample_maps;
    return skipped;
}

struct SampleDatabase {
    std::string path;
    std::string officer_key;
    std::string reader_key;
};

inline void must_run_land(const std::vector<std::string>& args, const std::string& scratch, std::string* out = nullptr) {
    const Outcome o = run_land(args, scratch);
    if (o.code != 0) throw std::runtime_error("land " + args.front() + " failed: " + o.err);
    if (out != nullptr) *out = o.out.substr(0, o.out.find_first_of("\r\n"));
}

// Builds the sample database in the suite's work folder with `land` commands.
inline SampleDatabase build_sample_database(const std::string& suite) {
    SampleDatabase db;
    db.path = fresh_database(suite, "sample.db");
    const std::string scratch = std::filesystem::path(db.path).parent_path().string();
    const std::vector<std::string> id_use{"--id", "maXa,soTo,soThua", "--use", "loaiDat"};
    must_run_land({"init", db.path, "--crs", "EPSG:5897"}, scratch);
    for (const auto& [file, date] : {std::pair{"survey_2019.gpkg", "2019-06-30"}, {"survey_2024.gpkg", "2024-06-30"}}) {
        std::vector<std::string> args{"commit", db.path, sample_maps + "/" + file, "--date", date};
        args.insert(args.end(), id_use.begin(), id_use.end());
        must_run_land(args, scratch);
    }
    for (const char* layer : {"tourism_sites", "tourism_areas"}) {
        must_run_land({"layer", "load", db.path, sample_maps + "/tourism.gpkg", "--name", layer, "--layer", layer}, scratch);
    }
    must_run_land({"layer", "load", db.path, sample_maps + "/planning_zones.gpkg", "--name", "planning_zones"}, scratch);
    must_run_land({"keys", "add", db.path, "--name", "officer", "--role", "officer"}, scratch, &db.officer_key);
    must_run_land({"keys", "add", db.path, "--name", "reader", "--role", "reader"}, scratch, &db.reader_key);
    return db;
}

// The real landd on 127.0.0.1 and a port it picks itself (it prints the address it serves).
class LanddServer {
public:
    LanddServer(const std::string& db, const std::vector<std::string>& options, const std::string& log_file)
        : log_file_(log_file) {
        std::vector<std::string> all{LANDD_EXECUTABLE, "--db", db, "--listen", "127.0.0.1:0", "--threads", "8"};
        all.insert(all.end(), options.begin(), options.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        port_ = wait_for_port();
    }
    ~LanddServer() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            wait_for(pid_);
        }
    }
    LanddServer(const LanddServer&) = delete;
    LanddServer& operator=(const LanddServer&) = delete;

    [[nodiscard]] int port() const noexcept { return port_; }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60);
        return c;
    }
    // Returns the access log so far.
    [[nodiscard]] std::string log() const { return slurp(log_file_); }
    // Stops the server; returns its exit code.
    int stop() {
        kill(pid_, SIGTERM);
        const int code = wait_for(pid_);
        pid_ = -1;
        return code;
    }

private:
    int wait_for_port() {
        const std::string marker = "http://127.0.0.1:";
        for (int i = 0; i < 200; ++i) {
            const std::string text = slurp(log_file_);
            const std::size_t at = text.find(marker);
            if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
                return std::stoi(text.substr(at + marker.size()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw std::runtime_error("landd did not start: " + slurp(log_file_));
    }

    std::string log_file_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// Runs landd to completion (for refused command lines). `scratch` is a folder for its output.
inline Outcome run_landd(const std::vector<std::string>& args, const std::string& scratch) {
    std::vector<std::string> all{LANDD_EXECUTABLE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string err = scratch + "/landd.err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    Outcome o;
    o.code = wait_for(pid);
    o.err = slurp(err);
    return o;
}

// Returns the JSON body of a response (throws when it is not JSON).
inline nlohmann::json body_of(const httplib::Result& r) {
    if (!r) throw std::runtime_error("no answer from landd");
    return nlohmann::json::parse(r->body);
}

}  // namespace libland::test
