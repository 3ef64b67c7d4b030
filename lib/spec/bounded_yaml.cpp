#include "spec/bounded_yaml.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include <yaml-cpp/depthguard.h>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"

namespace drdb::spec {
namespace {

std::string at(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null()) return file;
  return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

[[noreturn]] void fail(std::string where, std::string what, std::string fix) {
  Diagnostics out;
  out.error(std::move(where), std::move(what), std::move(fix));
  throw ValidationError(std::move(out));
}

std::string thousands(std::uintmax_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The document's size and depth as the kinds will read it, aliases expanded, in time linear in the
// text: an aliased node is one node of yaml-cpp's graph (its anchor's), measured once and remembered
// by its place in the text and its type (a block mapping and its first key start at the same place).
class Measure {
 public:
  explicit Measure(const std::string& file) : file_(file) {}

  struct Size {
    std::uintmax_t values = 0;  // saturates just above max_spec_values
    int height = 0;             // levels of nesting, this node included
  };

  Size of(const YAML::Node& node) {
    const auto mark = node.Mark();
    const auto key = std::pair(mark.pos, static_cast<int>(node.Type()));
    if (!mark.is_null())
      if (const auto known = sizes_.find(key); known != sizes_.end()) return known->second;
    Size size{1, 1};
    const auto add = [&](const YAML::Node& child) {
      const Size c = of(child);
      size.values = std::min<std::uintmax_t>(size.values + c.values, max_spec_values + 1);
      size.height = std::max(size.height, c.height + 1);
    };
    if (node.IsSequence()) {
      for (const auto& item : node) add(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node) {
        add(entry.first);
        add(entry.second);
      }
    }
    // The smallest value over the limit is the one to point at: an anchor whose aliases multiply.
    if (size.values > max_spec_values)
      fail(at(file_, mark),
           "the spec holds more than " + thousands(max_spec_values) + " values once its YAML aliases (*name) are expanded",
           "write the values out, or use fewer aliases of large anchors (&name)");
    if (!mark.is_null()) sizes_[key] = size;
    return size;
  }

  // Fails at the first node below `node` that is deeper than max_spec_depth.
  void check_depth(const YAML::Node& node) {
    if (of(node).height <= max_spec_depth) return;
    YAML::Node deepest = node;
    for (int depth = 1; depth <= max_spec_depth; ++depth) {  // follow the tallest child down
      YAML::Node next;
      int tallest = 0;
      const auto consider = [&](const YAML::Node& child) {
        if (const int h = of(child).height; h > tallest) {
          tallest = h;
          next.reset(child);
        }
      };
      if (deepest.IsSequence()) {
        for (const auto& item : deepest) consider(item);
      } else {
        for (const auto& entry : deepest) consider(entry.second);
      }
      deepest.reset(next);
    }
    fail(at(file_, deepest.Mark()), "the spec nests deeper than " + std::to_string(max_spec_depth) + " levels",
         "flatten this value: no part of a spec needs that depth");
  }

 private:
  const std::string& file_;
  std::map<std::pair<int, int>, Size> sizes_;
};

}  // namespace

void check_spec_size(std::uintmax_t bytes, const std::string& file) {
  if (bytes > max_spec_bytes)
    fail(file, "the spec is " + thousands(bytes) + " bytes; a spec may have at most " + thousands(max_spec_bytes),
         "check that this is the spec file; an app that large is better split into several specs' worth of stacks");
}

YAML::Node parse_bounded(std::string_view text, const std::string& file) {
  check_spec_size(text.size(), file);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    fail(at(file, e.mark), "the spec nests deeper than the YAML reader allows (" + std::to_string(e.depth()) + " levels)",
         "flatten this value: no part of a spec needs that depth");
  } catch (const YAML::Exception& e) {
    fail(at(file, e.mark), "not valid YAML: " + e.msg, "fix the syntax at this place");
  }
  if (documents.empty() || documents.front().IsNull())
    fail(file + ":1:1", "the spec is empty", "start it with the app's stacks, e.g. stacks: {Data: {resources: {...}}}");
  for (std::size_t i = 1; i < documents.size(); ++i)  // an empty one (a trailing ---) holds nothing to lose
    if (!documents[i].IsNull())
      fail(at(file, documents[i].Mark()), "a spec is one YAML document, and a second one starts here",
           "remove the --- line and what follows it, or move its content into the first document");
  Measure measure(file);
  measure.check_depth(documents.front());
  return documents.front();
}

}  // namespace drdb::spec
