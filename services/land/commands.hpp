#pragma once
// The `land` subcommands. Each returns the process exit code: 0 ok, 1 validation errors found,
// 2 bad usage or unreadable input (thrown as libland::error and reported by main).
#include "args.hpp"

#include <libland/report.hpp>
#include <libland/write.hpp>

namespace land {

int validate_command(const Args& args);
int diff_command(const Args& args);
// the versioned land database
int init_command(const Args& args);
int copy_command(const Args& args);
int commit_command(const Args& args);
int split_command(const Args& args);
int merge_command(const Args& args);
int set_use_command(const Args& args);
int retire_command(const Args& args);
int set_attr_command(const Args& args);
int revert_command(const Args& args);
int adjust_command(const Args& args);
int log_command(const Args& args);
int history_command(const Args& args);
int export_command(const Args& args);
int changes_command(const Args& args);
int layer_command(const Args& args);
int keys_command(const Args& args);
// reports (report_command.cpp)
int report_command(const Args& args);
int extract_command(const Args& args);
// The report options shared by `land report` and `land diff --report`: --lang, --paper, --province,
// --report-date.
libland::ReportOptions report_options(const Args& args);
// How the commands that write tables (validate, diff, export, changes) encode CSV: --excel starts
// it with a UTF-8 byte-order mark, for Excel (csv_options.cpp).
libland::CsvOptions csv_options(const Args& args);
int codes_command(const Args& args);
int fields_command(const Args& args);

}  // namespace land
