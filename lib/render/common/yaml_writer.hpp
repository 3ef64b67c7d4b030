// A small block-style YAML writer for JSON trees. Ours rather than yaml-cpp's emitter: it is several
// times faster (synth speed is a feature) and its quoting rules are exactly ours: a string is plain
// only when every YAML reader, 1.1 included, reads it back as that same string.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace drdb::render {

// A node written as `!Tag value` instead of as itself (CloudFormation short-form intrinsics).
struct TaggedNode {
  std::string tag;               // without "!"
  const nlohmann::json* value;   // written after the tag (a scalar inline, a collection below)
  std::optional<std::string> scalar;  // or this plain scalar text (e.g. "Bucket.Arn")
};
using TagRule = std::function<std::optional<TaggedNode>(const nlohmann::json&)>;

std::string to_yaml(const nlohmann::json& document, const TagRule& tags = {});

// The scalar as YAML: plain when safe, else double-quoted with JSON escapes.
std::string yaml_scalar(const std::string& s);

}  // namespace drdb::render
