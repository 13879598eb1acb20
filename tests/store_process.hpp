#pragma once
// Running the real programs from the tests: `land` (LAND_EXECUTABLE) to completion with its output
// captured, or in the background to be killed; any program started with its output in files.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace libland::test {

struct Outcome {
    int code = -1;  // exit code; -1 when killed by a signal
    std::string out;
    std::string err;
};

// Starts `program args...` with stderr going to `err_file`, and stdout to `out_file` unless that
// is empty (then stdout is the test's own). Returns its pid.
inline pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                           const std::string& out_file, const std::string& err_file) {
    std::vector<std::string> all{program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!out_file.empty()) {
        posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Starts `land args...` with stdout and stderr going to the given files. Returns its pid.
inline pid_t spawn_land(const std::vector<std::string>& args, const std::string& out_file,
                        const std::string& err_file) {
    return spawn_program(LAND_EXECUTABLE, args, out_file, err_file);
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Returns the exit code of a finished child (-1 when a signal ended it).
inline int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs `land args...` to completion. `scratch` is a folder for its output files.
inline Outcome run_land(const std::vector<std::string>& args, const std::string& scratch) {
    const std::string out = scratch + "/land.out", err = scratch + "/land.err";
    Outcome o;
    o.code = wait_for(spawn_land(args, out, err));
    o.out = slurp(out);
    o.err = slurp(err);
    return o;
}

}  // namespace libland::test
