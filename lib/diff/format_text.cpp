// The diff as text for reviewers: the summary first, then per file the changed resources, what a
// replacement or removal does, and IAM and security-group changes as tables.
#include <nlohmann/json.hpp>

#include "diff/summary.hpp"
#include "diff/text_table.hpp"
#include "diff/words.hpp"
#include "drdb/diff/diff.hpp"

namespace drdb::diff {
namespace {

using detail::sign;

// Values up to this many characters stay on the change's line; longer ones go below it, objects and
// lists indented, never cut.
constexpr std::size_t inline_value = 100;

std::string plural(std::size_t n, const char* word, const char* words) { return std::to_string(n) + " " + (n == 1 ? word : words); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A long value on lines of its own below the change, indented; objects and lists pretty-printed.
std::string block(const std::string& compact, const std::string& indent) {
  const auto v = nlohmann::json::parse(compact);
  const std::string text = v.is_structured() ? v.dump(2) : compact;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out += indent + text.substr(start, end == std::string::npos ? std::string::npos : end - start) + '\n';
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void value_lines(std::string& out, const ValueChange& v, const std::string& indent) {
  out += indent + sign(v.change) + " " + v.path;
  const bool fits = v.before.size() <= inline_value && v.after.size() <= inline_value;
  if (fits) {
    if (v.change == Change::Modified) out += ": " + v.before + " -> " + v.after;
    else out += ": " + (v.change == Change::Added ? v.after : v.before);
    out += '\n';
    return;
  }
  out += ":\n";
  const std::string inner = indent + "    ";
  if (v.change == Change::Modified) {
    out += indent + "  before:\n" + block(v.before, inner) + indent + "  after:\n" + block(v.after, inner);
  } else {
    out += block(v.change == Change::Added ? v.after : v.before, indent + "  ");
  }
}

std::string replacement_note(const ResourceDiff& r) {
  if (r.change != Change::Modified || r.replacement == Replacement::No) return {};
  std::vector<std::string> reasons;
  if (!r.replaced_by.empty()) reasons.push_back(joined(r.replaced_by) + " changed");
  for (const auto& c : r.caused_by) reasons.push_back(c.property + " refers to " + c.resource + ", which is replaced");
  const char* verdict = r.replacement == Replacement::Yes     ? " REPLACED: "
                        : r.replacement == Replacement::Maybe ? " MAY BE REPLACED: "
                                                              : " REPLACEMENT UNKNOWN (no update data for it): ";
  std::string out = verdict;
  for (std::size_t i = 0; i < reasons.size(); ++i) out += (i == 0 ? "" : "; ") + reasons[i];
  return out;
}

std::string old_resource_note(const ResourceDiff& r) {
  const bool replaced = r.change == Change::Modified;
  std::string out;
  switch (r.old_resource) {
    case OldResource::Deleted: out = r.data_loss ? "the old resource is deleted with its data" : ""; break;
    case OldResource::Retained: out = "the old resource is retained, orphaned outside the stack"; break;
    case OldResource::Snapshot: out = "the old resource is deleted after a snapshot"; break;
    case OldResource::Blocked: out = "lifecycle.prevent_destroy makes terraform apply fail instead"; break;
    case OldResource::None: break;
  }
  if (!r.data_loss) return out.empty() ? out : " — " + out;
  return " — DATA-LOSS RISK: " + std::string(replaced ? "a new, empty resource takes its place; " : "") + out;
}

std::string counts_text(const detail::Counts& c) {
  std::string out = std::to_string(c.added) + " added, " + std::to_string(c.removed) + " removed, " +
                    std::to_string(c.modified) + " modified";
  const auto extra = [&](std::size_t n, const std::string& what) {
    if (n > 0) out += ", " + std::to_string(n) + " " + what;
  };
  extra(c.replaced, "replaced");
  extra(c.may_be_replaced, "may be replaced");
  extra(c.retained, "retained");
  extra(c.data_loss, c.data_loss == 1 ? "DATA-LOSS RISK" : "DATA-LOSS RISKS");
  extra(c.unreadable, "unreadable");
  return out;
}

std::string summary(const Diff& diff) {
  detail::Counts total;
  std::string rows;
  for (const auto& row : detail::summarize(diff)) {
    const auto& c = row.counts;
    total.added += c.added, total.removed += c.removed, total.modified += c.modified, total.replaced += c.replaced;
    total.data_loss += c.data_loss, total.unreadable += c.unreadable;
    rows += "  " + (row.stack.empty() ? std::string("app") : row.stack) + ", " + row.target + ": ";
    rows += row.target == "files" ? plural(c.other_files, "file differs", "files differ") : counts_text(c);
    rows += '\n';
  }
  std::string out = plural(diff.files.size(), "file differs", "files differ") + "; resources: " +
                    std::to_string(total.added) + " added, " + std::to_string(total.removed) + " removed, " +
                    std::to_string(total.modified) + " modified (" + std::to_string(total.replaced) + " replaced)";
  if (total.data_loss > 0) out += "; " + plural(total.data_loss, "DATA-LOSS RISK", "DATA-LOSS RISKS");
  if (total.unreadable > 0) out += "; " + plural(total.unreadable, "file does not parse", "files do not parse");
  return out + '\n' + rows;
}

std::string statement_table(const std::vector<StatementChange>& statements) {
  std::vector<detail::TableRow> rows{{"", "Resource", "Effect", "Action", "Target", "Principal", "Condition"}};
  for (const auto& s : statements)
    rows.push_back({sign(s.change), s.resource, s.effect, s.actions, s.resources, s.principal, s.condition});
  return "  IAM statement changes:\n" + detail::text_table(rows, "    ");
}

std::string rule_table(const std::vector<RuleChange>& rules) {
  std::vector<detail::TableRow> rows{{"", "Group", "Direction", "Protocol", "Ports", "Peer", "Description"}};
  for (const auto& r : rules) rows.push_back({sign(r.change), r.group, r.direction, r.protocol, r.ports, r.peer, r.description});
  return "  Security group rule changes:\n" + detail::text_table(rows, "    ");
}

void file_text(std::string& out, const FileDiff& f) {
  if (!f.error.empty()) {
    out += "! " + f.file + ": does not parse, so it differs: " + f.error + '\n';
    return;
  }
  if (!f.same_as.empty()) {
    out += std::string(sign(f.change)) + " " + f.file + ": the same changes as " + f.same_as + '\n';
    return;
  }
  out += std::string(sign(f.change)) + " " + f.file + '\n';
  for (const auto& r : f.resources) {
    out += std::string("  ") + sign(r.change) + " " + r.id + " (" + r.type + ")" + replacement_note(r) +
           old_resource_note(r) + '\n';
    for (const auto& v : r.values) value_lines(out, v, "      ");
  }
  for (const auto& v : f.sections) value_lines(out, v, "  ");
  if (!f.statements.empty()) out += statement_table(f.statements);
  if (!f.rules.empty()) out += rule_table(f.rules);
}

}  // namespace

std::string to_text(const Diff& diff) {
  if (diff.empty()) return "no differences\n";
  std::string out = summary(diff) + '\n';
  for (const auto& f : diff.files) file_text(out, f);
  return out;
}

}  // namespace drdb::diff
