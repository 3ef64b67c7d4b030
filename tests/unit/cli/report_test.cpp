#include "cli/report.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

#include "drdb/cli/run.hpp"

namespace {

struct Reported {
  int code;
  std::string err;
};

template <class E>
Reported report(E e) {
  std::ostringstream err;
  const int code = drdb::cli::report_exception(std::make_exception_ptr(std::move(e)), err);
  return {code, err.str()};
}

}  // namespace

TEST_CASE("every error kind maps to its documented exit code") {
  using drdb::ErrorKind;
  CHECK(drdb::cli::exit_code_for(ErrorKind::Usage) == 2);
  CHECK(drdb::cli::exit_code_for(ErrorKind::Validation) == 3);
  CHECK(drdb::cli::exit_code_for(ErrorKind::Render) == 3);
  CHECK(drdb::cli::exit_code_for(ErrorKind::Io) == 4);
  CHECK(drdb::cli::exit_code_for(ErrorKind::Internal) == 70);
}

TEST_CASE("a validation error prints every diagnostic") {
  drdb::Diagnostics d;
  d.error("App/S/B", "second", "fix it");
  d.error("App/S/A", "first");
  d.warning("App/S/C", "careful");
  const auto r = report(drdb::ValidationError(d));
  CHECK(r.code == drdb::exit_validation);
  CHECK(r.err ==
        "[App/S/A] first\n"
        "[App/S/B] second — fix it\n"
        "warning: [App/S/C] careful\n"
        "error: the app is invalid (2 errors); nothing was written\n");
}

TEST_CASE("errors by kind, and foreign exceptions as internal errors") {
  auto io = report(drdb::Error(drdb::ErrorKind::Io, "out/x: Permission denied — fix"));
  CHECK(io.code == drdb::exit_io);
  CHECK(io.err == "error: out/x: Permission denied — fix\n");

  auto usage = report(drdb::Error(drdb::ErrorKind::Usage, "unknown stack 'X'"));
  CHECK(usage.code == drdb::exit_usage);

  auto internal = report(drdb::Error(drdb::ErrorKind::Internal, "duplicate document"));
  CHECK(internal.code == drdb::exit_internal);
  CHECK(internal.err.rfind("internal error: duplicate document — ", 0) == 0);
  CHECK(internal.err.find("please report") != std::string::npos);

  auto foreign = report(std::out_of_range("map::at"));
  CHECK(foreign.code == drdb::exit_internal);
  CHECK(foreign.err.rfind("internal error: map::at", 0) == 0);

  auto unknown = report(42);
  CHECK(unknown.code == drdb::exit_internal);
}
