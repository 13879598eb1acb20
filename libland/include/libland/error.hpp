#pragma once
// The failures libland reports by throwing. Expected outcomes (validation findings, look-ups that
// find nothing) are values, not exceptions.
#include <stdexcept>
#include <string>

namespace libland {

// Base of every exception libland throws. what() is one line a user can act on: it names the
// file, layer, field or parcel at fault.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Input that cannot be read as asked: a missing or corrupt file, an unknown layer or field, an
// unsupported format or geometry, a missing CRS. The command-line tool exits with code 2.
class input_error : public error {
public:
    using error::error;
};

// Arguments that do not make sense together (a bad option value, an unknown CRS code).
class usage_error : public error {
public:
    using error::error;
};

// A read names what the reader may not see (a private field in a filter, a sort or a search):
// refused, not answered by omission. The HTTP service answers 403.
class access_error : public error {
public:
    using error::error;
};

// A geometry operation failed (GEOS reported an error) for the named parcel.
class geometry_error : public error {
public:
    using error::error;
};

}  // namespace libland
