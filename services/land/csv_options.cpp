// --excel: CSV that Excel opens with its Vietnamese text intact. Without it, CSV stays plain UTF-8
// (what scripts and GIS expect); .xlsx needs neither.
#include "commands.hpp"

namespace land {

libland::CsvOptions csv_options(const Args& args) {
    libland::CsvOptions options;
    options.excel = args.flag("excel");
    return options;
}

}  // namespace land
