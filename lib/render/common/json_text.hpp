// A Value rendered as compact JSON text (sorted keys) in which deploy-time expressions are holes.
// Targets fill the holes with their substitution syntax: Fn::Sub `${Id.Arn}` / Terraform `${...}`.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/value.hpp"

namespace drdb::render {

struct JsonPiece {
  std::string text;                     // literal JSON text (when expression is null)
  const Expression* expression = nullptr;  // a hole; inside a JSON string when `in_string`
  bool in_string = false;
};

// Adjacent literal pieces are merged.
std::vector<JsonPiece> json_pieces(const Value& document);

// Characters of `document` as compact JSON counting only what is known at synth time (a
// deploy-time value counts as nothing): a lower bound, exact for literal documents. The models'
// size limits (Step Functions definitions, EventBridge patterns and inputs) use it.
std::size_t literal_json_size(const Value& document);

// Escapes a string's content for JSON, without the surrounding quotes.
std::string json_escape(std::string_view s);

}  // namespace drdb::render
