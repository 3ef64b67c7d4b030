// Turning an exception into a message on stderr and a documented exit code (drdb/cli/run.hpp).
#pragma once

#include <exception>
#include <iosfwd>

#include "drdb/core/error.hpp"

namespace drdb::cli {

int exit_code_for(ErrorKind kind);

// Prints what went wrong for `error` (every diagnostic of a ValidationError) and returns the exit
// code. Never throws.
int report_exception(std::exception_ptr error, std::ostream& err) noexcept;

}  // namespace drdb::cli
