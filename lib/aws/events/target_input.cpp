#include "drdb/aws/events/target_input.hpp"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "render/common/json_text.hpp"

namespace drdb::aws::events {

namespace {

constexpr std::size_t max_input = 8192;
constexpr std::size_t max_input_path = 256;
constexpr std::size_t max_template = 8192;
constexpr std::size_t max_variables = 100;

const std::set<std::string, std::less<>> predefined{"aws.events.rule-arn", "aws.events.rule-name", "aws.events.event",
                                                    "aws.events.event.json", "aws.events.event.ingestion-time"};

void check_json_path(const std::string& p, const std::string& what, const std::string& path, const std::string& where,
                     Diagnostics& out) {
  if (!p.starts_with("$"))
    out.error(path, where + ": " + what + " \"" + p + "\" is not a JSON path", "start it with $, e.g. $.detail.object.key");
  if (p.size() > max_input_path)
    out.error(path, where + ": " + what + " is " + std::to_string(p.size()) + " characters; EventBridge allows 256",
              "shorten the path");
}

struct Placeholder {
  std::string name;
  bool in_string = false;
  bool is_key = false;  // followed by ':' outside a string: an object key
};

// The <name> placeholders of a template, noting whether each stands inside a JSON string.
std::vector<Placeholder> placeholders(const std::string& t, std::string& filled) {
  static const std::regex name_re("[A-Za-z0-9_.-]+");
  std::vector<Placeholder> out;
  bool in_string = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string && c == '\\' && i + 1 < t.size()) {
      filled += t.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '"') in_string = !in_string;
    if (c == '<') {
      const auto close = t.find('>', i);
      if (close != std::string::npos && std::regex_match(t.substr(i + 1, close - i - 1), name_re)) {
        Placeholder p{t.substr(i + 1, close - i - 1), in_string, false};
        const auto quote = close + 1;
        const auto colon = quote < t.size() ? t.find_first_not_of(" \t\r\n", quote + 1) : std::string::npos;
        p.is_key = in_string && quote < t.size() && t[quote] == '"' && colon != std::string::npos && t[colon] == ':';
        filled += in_string ? "x" : "0";  // what EventBridge puts there is a string's text or a JSON value
        out.push_back(std::move(p));
        i = close;
        continue;
      }
    }
    filled += c;
  }
  return out;
}

void check_transformer(const std::map<std::string, std::string>& paths, const std::string& t, const std::string& path,
                       const std::string& where, Diagnostics& out) {
  static const std::regex key_re("[A-Za-z0-9_-]+");
  if (paths.size() > max_variables)
    out.error(path, where + ": the input transformer has " + std::to_string(paths.size()) + " variables; EventBridge allows 100",
              "extract a larger part of the event (e.g. $.detail) into one variable");
  for (const auto& [name, p] : paths) {
    if (!std::regex_match(name, key_re) || name.size() > 256)
      out.error(path, where + ": input transformer variable \"" + name + "\" is not a valid name",
                "use letters, digits, '_' and '-' (the aws.events.* names are predefined)");
    check_json_path(p, "the path of <" + name + ">", path, where, out);
  }
  if (t.empty() || t.size() > max_template)
    out.error(path, where + ": the input template is " + std::to_string(t.size()) + " characters",
              "EventBridge takes 1-8192 characters");
  std::string filled;
  std::set<std::string> used;
  for (const auto& p : placeholders(t, filled)) {
    used.insert(p.name);
    if (!paths.contains(p.name) && !predefined.contains(p.name))
      out.error(path, where + ": the input template uses <" + p.name + ">, which has no path",
                "add {\"" + p.name + "\", \"$.detail...\"} to the paths, or use a predefined variable such as "
                "<aws.events.rule-name>");
    if (p.is_key)
      out.error(path, where + ": the input template uses <" + p.name + "> as an object key, which EventBridge refuses",
                "use placeholders as values only");
  }
  for (const auto& [name, p] : paths)
    if (!used.contains(name))
      out.warning(path, where + ": input transformer variable \"" + name + "\" is not used in the template",
                  "use <" + name + "> in the template, or remove it");
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (t[first] == '{' || t[first] == '[') && !nlohmann::json::accept(filled))
    out.error(path, where + ": the input template looks like JSON but is not valid JSON once filled",
              "quote placeholders that stand for text (\"<key>\"), leave bare only those that stand for JSON values; "
              "e.g. {\"key\": \"<key>\", \"detail\": <detail>}");
}

}  // namespace

TargetInput TargetInput::json(Value document) {
  TargetInput in(Kind::Json);
  in.document_ = std::move(document);
  return in;
}

TargetInput TargetInput::path(std::string json_path) {
  TargetInput in(Kind::Path);
  in.text_ = std::move(json_path);
  return in;
}

TargetInput TargetInput::transform(std::map<std::string, std::string> paths, std::string input_template) {
  TargetInput in(Kind::Transformer);
  in.paths_ = std::move(paths);
  in.text_ = std::move(input_template);
  return in;
}

void TargetInput::validate(const std::string& path, const std::string& where, Diagnostics& out) const {
  switch (kind_) {
    case Kind::Event: return;
    case Kind::Json: {
      const auto size = render::literal_json_size(document_);
      if (size > max_input)
        out.error(path, where + ": the input is " + std::to_string(size) + " characters; EventBridge allows 8192",
                  "send less (e.g. ids the target looks up), or use an input transformer");
      return;
    }
    case Kind::Path: check_json_path(text_, "input path", path, where, out); return;
    case Kind::Transformer: check_transformer(paths_, text_, path, where, out); return;
  }
}

}  // namespace drdb::aws::events
