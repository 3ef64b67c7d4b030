#include "drdb/core/diagnostics.hpp"

#include <algorithm>

namespace drdb {

std::string Diagnostic::format() const {
  std::string out;
  if (severity == Severity::Warning) out += "warning: ";
  if (!source.empty() || !path.empty()) out += "[" + source + (source.empty() || path.empty() ? "" : " ") + path + "] ";
  out += message;
  if (!fix.empty()) out += " — " + fix;
  return out;
}

void Diagnostics::error(std::string path, std::string message, std::string fix) {
  items_.push_back({Severity::Error, std::move(path), std::move(message), std::move(fix)});
}

void Diagnostics::warning(std::string path, std::string message, std::string fix) {
  items_.push_back({Severity::Warning, std::move(path), std::move(message), std::move(fix)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::string Diagnostics::format() const {
  // Stable order: by path, then in the order found (validation walks the tree deterministically).
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->path < b->path; });
  std::string out;
  for (const auto* d : sorted) {
    out += d->format();
    out += '\n';
  }
  return out;
}

}  // namespace drdb
