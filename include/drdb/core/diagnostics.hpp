// Diagnostics collected by the validation phase: every problem, with where it is and how to fix it.
#pragma once

#include <string>
#include <vector>

namespace drdb {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;     // construct path ("App/Stack/Etl/Cluster"), or file:line:col for specs
  std::string message;  // what is wrong
  std::string fix;      // how to fix it (may be empty when obvious from the message)
  std::string source;   // where the construct was declared, for constructs a spec declared

  // "[App/Stack/Etl/Cluster] core max (1) < min (2) — raise max or lower min", and with a source
  // "[app.yaml:12:7 App/Stack/Etl/Cluster] ..."
  std::string format() const;
};

class Diagnostics {
 public:
  void error(std::string path, std::string message, std::string fix = {});
  void warning(std::string path, std::string message, std::string fix = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  bool empty() const { return items_.empty(); }
  // One diagnostic per line, sorted by path for stable output.
  std::string format() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace drdb
