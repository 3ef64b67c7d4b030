// What an EventBridge rule sends to a target: the matched event (default), a constant JSON
// document, a part of the event (a JSON path), or a template filled from the event (an input
// transformer).
#pragma once

#include <map>
#include <string>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/value.hpp"

namespace drdb::aws::events {

class TargetInput {
 public:
  enum class Kind { Event, Json, Path, Transformer };

  static TargetInput event() { return TargetInput(Kind::Event); }
  // A constant document, sent as JSON (it may hold deploy-time values such as an ARN).
  static TargetInput json(Value document);
  // The part of the event at `json_path`, e.g. "$.detail".
  static TargetInput path(std::string json_path);
  // `input_template` with each <name> replaced by the event's value at paths[name]; the predefined
  // <aws.events.rule-arn>, <aws.events.rule-name>, <aws.events.event>, <aws.events.event.json> and
  // <aws.events.event.ingestion-time> need no path. E.g.
  //   transform({{"bucket", "$.detail.bucket.name"}, {"key", "$.detail.object.key"}},
  //             R"({"bucket": <bucket>, "key": <key>, "rule": "<aws.events.rule-name>"})")
  static TargetInput transform(std::map<std::string, std::string> paths, std::string input_template);

  Kind kind() const { return kind_; }
  const Value& document() const { return document_; }
  const std::string& json_path() const { return text_; }
  const std::string& input_template() const { return text_; }
  const std::map<std::string, std::string>& paths() const { return paths_; }

  // Every problem, each naming `where` ("target Relauncher"): sizes above EventBridge's limits
  // (input 8192 characters, path 256, template 8192, 100 variables), paths that are not JSON paths,
  // placeholders without a path (and paths no placeholder uses, as warnings), a JSON template
  // that is not JSON once filled.
  void validate(const std::string& path, const std::string& where, Diagnostics& out) const;

 private:
  explicit TargetInput(Kind kind) : kind_(kind) {}
  Kind kind_;
  Value document_;
  std::string text_;
  std::map<std::string, std::string> paths_;
};

}  // namespace drdb::aws::events
