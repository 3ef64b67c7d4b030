#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "render/common/yaml_writer.hpp"

using drdb::render::to_yaml;
using nlohmann::json;

namespace {

// YAML → JSON through yaml-cpp (an independent reader): plain scalars that look like booleans,
// null or numbers become those; quoted scalars stay strings.
json from_yaml(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : n) out.push_back(from_yaml(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : n) out[kv.first.as<std::string>()] = from_yaml(kv.second);
      return out;
    }
    default: {
      const auto text = n.as<std::string>();
      if (n.Tag() == "!") return text;  // quoted
      if (text == "true" || text == "false") return text == "true";
      if (text == "null") return nullptr;
      try {
        std::size_t used = 0;
        const double d = std::stod(text, &used);
        if (used == text.size()) {
          if (text.find_first_of(".eE") == std::string::npos) return static_cast<long long>(d);
          return d;
        }
      } catch (...) {
      }
      return text;
    }
  }
}

}  // namespace

TEST_CASE("YAML round-trips through an independent reader, strings staying strings") {
  const std::vector<std::string> tricky = {
      "", " lead", "trail ", "yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "Null", "~",
      "0", "010", "-1", "+1", "1e3", ".5", "0x1F", "0o17", "1_000", "12:30", "2010-09-09", ".inf", "-.inf",
      ".nan", "a: b", "a:b", "a #b", "#x", "-", "- x", "-x", "? x", ":x", "{x}", "[x]", "a, b", "*x", "&x",
      "!x", "|x", ">x", "'x'", "\"x\"", "%x", "@x", "`x", "multi\nline\n", "tab\there", "unicodé ✓",
      "arn:aws:s3:::bucket/*", "${AWS::Region}", "/", "/*", "s3:GetObject", "10.0.0.0/16", "AWS::S3::Bucket"};
  json doc = json::object();
  json list = json::array();
  for (std::size_t i = 0; i < tricky.size(); ++i) {
    doc["k" + std::to_string(i)] = tricky[i];
    list.push_back(tricky[i]);
  }
  doc["list"] = list;
  doc["nested"] = {{"seq", json::array({json::object({{"a", 1}, {"b", json::array({1, 2})}}), json::array({"x", "y"})})},
                   {"empty_map", json::object()},
                   {"empty_seq", json::array()},
                   {"numbers", json::array({0, -3, 2.5, true, false, nullptr})}};
  for (std::size_t i = 0; i < tricky.size(); ++i) doc["keys"][tricky[i].empty() ? "e" : tricky[i]] = i;
  const auto text = to_yaml(doc);
  CHECK(from_yaml(YAML::Load(text)) == doc);
}

TEST_CASE("tag rules write short forms") {
  const json doc = {{"A", {{"Ref", "X"}}}, {"B", {{"Fn::Join", {"", {"a", {{"Ref", "Z"}}}}}}}};
  const auto text = to_yaml(doc, [](const json& j) -> std::optional<drdb::render::TaggedNode> {
    if (j.is_object() && j.size() == 1 && j.begin().key() == "Ref")
      return drdb::render::TaggedNode{"Ref", &j.begin().value(), std::nullopt};
    if (j.is_object() && j.size() == 1 && j.begin().key() == "Fn::Join")
      return drdb::render::TaggedNode{"Join", &j.begin().value(), std::nullopt};
    return std::nullopt;
  });
  CHECK(text == "A: !Ref X\nB: !Join\n  - \"\"\n  - - a\n    - !Ref Z\n");
  const auto parsed = YAML::Load(text);
  CHECK(parsed["A"].Tag() == "!Ref");
  CHECK(parsed["B"][1][1].Tag() == "!Ref");
}
