#include "render/common/yaml_writer.hpp"

#include "render/common/json_text.hpp"
#include "render/common/yaml_scalars.hpp"

namespace drdb::render {

using nlohmann::json;

namespace {

bool plain_is_safe(const std::string& s) {
  if (s.empty() || needs_quotes_in_yaml(s)) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  // Indicators that cannot start a plain scalar.
  static constexpr std::string_view leading = "-?:,[]{}#&*!|>'\"%@`";
  if (leading.find(s.front()) != std::string_view::npos) {
    // "-x", "?x", ":x" are plain in YAML 1.2 but not in every reader; quote them all.
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
    if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return false;
    // Flow indicators are harmless in block context, but quoting keeps readers' opinions out of it.
    if (s[i] == '{' || s[i] == '}' || s[i] == '[' || s[i] == ']' || s[i] == ',') return false;
  }
  return true;
}

class Writer {
 public:
  explicit Writer(const TagRule& tags) : tags_(tags) {}
  std::string out;

  // A node that follows "key:" or "- " on the same line (`inline_start`), or a document root.
  void node(const json& j, int indent, bool after_dash) {
    if (tags_) {
      if (auto tagged = tags_(j)) {
        out += " !" + tagged->tag;
        if (tagged->scalar) {
          out += ' ';
          out += *tagged->scalar;
          out += '\n';
          return;
        }
        node(*tagged->value, indent, false);
        return;
      }
    }
    if (j.is_object() && !j.empty()) {
      if (after_dash) {
        mapping(j, indent, true);
      } else {
        out += '\n';
        mapping(j, indent, false);
      }
      return;
    }
    if (j.is_array() && !j.empty()) {
      if (after_dash) {
        sequence(j, indent, true);
      } else {
        out += '\n';
        sequence(j, indent, false);
      }
      return;
    }
    out += ' ';
    scalar(j);
    out += '\n';
  }

  void mapping(const json& j, int indent, bool continue_line) {
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!(first && continue_line)) out.append(static_cast<std::size_t>(indent), ' ');
      first = false;
      out += yaml_scalar(it.key());
      out += ':';
      node(it.value(), indent + 2, false);
    }
  }

  void sequence(const json& j, int indent, bool continue_line) {
    bool first = true;
    for (const auto& item : j) {
      if (!(first && continue_line)) out.append(static_cast<std::size_t>(indent), ' ');
      first = false;
      out += '-';
      const bool collection = (item.is_object() || item.is_array()) && !item.empty() && !(tags_ && tags_(item));
      if (collection) {
        out += ' ';
        node(item, indent + 2, true);
      } else {
        node(item, indent + 2, false);
      }
    }
  }

  void scalar(const json& j) {
    switch (j.type()) {
      case json::value_t::null: out += "null"; return;
      case json::value_t::boolean: out += j.get<bool>() ? "true" : "false"; return;
      case json::value_t::string: out += yaml_scalar(j.get_ref<const std::string&>()); return;
      case json::value_t::object: out += "{}"; return;
      case json::value_t::array: out += "[]"; return;
      default: out += j.dump(); return;
    }
  }

 private:
  const TagRule& tags_;
};

}  // namespace

std::string yaml_scalar(const std::string& s) {
  if (plain_is_safe(s)) return s;
  return "\"" + json_escape(s) + "\"";
}

std::string to_yaml(const json& document, const TagRule& tags) {
  Writer w(tags);
  if (document.is_object() && !document.empty()) {
    w.mapping(document, 0, false);
  } else if (document.is_array() && !document.empty()) {
    w.sequence(document, 0, false);
  } else {
    w.scalar(document);
    w.out += '\n';
  }
  return std::move(w.out);
}

}  // namespace drdb::render
