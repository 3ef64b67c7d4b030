#include "cli/report.hpp"

#include <ostream>

#include "drdb/cli/run.hpp"

namespace drdb::cli {
namespace {

const char* const report_hint = "this is a bug in drdb — please report it with the command line and the app";

}  // namespace

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
      return exit_usage;
    case ErrorKind::Validation:
    case ErrorKind::Render:
      return exit_validation;
    case ErrorKind::Io:
      return exit_io;
    case ErrorKind::Internal:
      return exit_internal;
  }
  return exit_internal;
}

int report_exception(std::exception_ptr error, std::ostream& err) noexcept {
  try {
    try {
      std::rethrow_exception(error);
    } catch (const ValidationError& e) {
      const auto& d = e.diagnostics();
      err << d.format() << "error: the app is invalid (" << d.error_count()
          << (d.error_count() == 1 ? " error" : " errors") << "); nothing was written\n";
      return exit_validation;
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Internal) {
        err << "internal error: " << e.what() << " — " << report_hint << '\n';
      } else {
        err << "error: " << e.what() << '\n';
      }
      return exit_code_for(e.kind());
    } catch (const std::exception& e) {
      err << "internal error: " << e.what() << " — " << report_hint << '\n';
      return exit_internal;
    } catch (...) {
      err << "internal error: unknown exception — " << report_hint << '\n';
      return exit_internal;
    }
  } catch (...) {
    // Printing failed (a stream with exceptions enabled): nothing more can be reported.
    return exit_internal;
  }
}

}  // namespace drdb::cli
