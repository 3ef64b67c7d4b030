// The one exception family of drdb. drdb-synth maps each kind to a documented exit code.
#pragma once

#include <stdexcept>
#include <string>

#include "drdb/core/diagnostics.hpp"

namespace drdb {

enum class ErrorKind {
  Usage,       // bad command line or API misuse (exit 2)
  Validation,  // the model is invalid: diagnostics say where and how to fix (exit 3)
  Io,          // reading or writing files failed (exit 4)
  Render,      // a target cannot express something in the model (exit 3, like validation)
  Internal,    // a bug in drdb (exit 70)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// Thrown by the validation phase, carrying every diagnostic found (not just the first).
class ValidationError : public Error {
 public:
  explicit ValidationError(Diagnostics diagnostics)
      : Error(ErrorKind::Validation, diagnostics.format()), diagnostics_(std::move(diagnostics)) {}
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

}  // namespace drdb
