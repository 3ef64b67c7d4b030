// The diff as text for people and as JSON for machines.
#include <nlohmann/json.hpp>

#include "drdb/diff/diff.hpp"

namespace drdb::diff {
namespace {

constexpr std::size_t max_value_text = 120;

const char* sign(Change c) { return c == Change::Added ? "+" : c == Change::Removed ? "-" : "~"; }
const char* word(Change c) { return c == Change::Added ? "added" : c == Change::Removed ? "removed" : "modified"; }
const char* word(Replacement r) { return r == Replacement::Yes ? "yes" : r == Replacement::No ? "no" : "unknown"; }

std::string shortened(const std::string& text) {
  return text.size() <= max_value_text ? text : text.substr(0, max_value_text - 3) + "...";
}

void value_line(std::string& out, const ValueChange& v, const char* indent) {
  out += indent;
  out += sign(v.change);
  out += " " + v.path;
  if (v.change == Change::Modified) out += ": " + shortened(v.before) + " -> " + shortened(v.after);
  else if (v.change == Change::Added) out += ": " + shortened(v.after);
  out += '\n';
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

nlohmann::json values_json(const std::vector<ValueChange>& values) {
  auto out = nlohmann::json::array();
  for (const auto& v : values) {
    nlohmann::json j{{"path", v.path}, {"change", word(v.change)}};
    if (!v.before.empty()) j["before"] = nlohmann::json::parse(v.before);
    if (!v.after.empty()) j["after"] = nlohmann::json::parse(v.after);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string to_text(const Diff& diff) {
  if (diff.empty()) return "no differences\n";
  std::string out;
  std::size_t added = 0, removed = 0, modified = 0, replaced = 0;
  for (const auto& f : diff.files) {
    out += std::string(sign(f.change)) + " " + f.file + '\n';
    for (const auto& r : f.resources) {
      out += std::string("  ") + sign(r.change) + " " + r.id + " (" + r.type + ")";
      if (r.replacement == Replacement::Yes) out += " REPLACED: " + joined(r.replaced_by) + " changed";
      out += '\n';
      for (const auto& v : r.values) value_line(out, v, "      ");
      (r.change == Change::Added ? added : r.change == Change::Removed ? removed : modified) += 1;
      replaced += r.replacement == Replacement::Yes ? 1 : 0;
    }
    for (const auto& v : f.sections) value_line(out, v, "  ");
  }
  out += std::to_string(diff.files.size()) + (diff.files.size() == 1 ? " file differs" : " files differ") +
         "; resources: " + std::to_string(added) + " added, " + std::to_string(removed) + " removed, " +
         std::to_string(modified) + " modified (" + std::to_string(replaced) + " replaced)\n";
  return out;
}

std::string to_json(const Diff& diff) {
  auto files = nlohmann::json::array();
  for (const auto& f : diff.files) {
    auto resources = nlohmann::json::array();
    for (const auto& r : f.resources)
      resources.push_back({{"id", r.id},
                           {"type", r.type},
                           {"change", word(r.change)},
                           {"replacement", word(r.replacement)},
                           {"replaced_by", r.replaced_by},
                           {"values", values_json(r.values)}});
    files.push_back({{"file", f.file}, {"change", word(f.change)}, {"resources", resources},
                     {"sections", values_json(f.sections)}});
  }
  return nlohmann::json{{"equal", diff.empty()}, {"files", files}}.dump(2) + "\n";
}

}  // namespace drdb::diff
