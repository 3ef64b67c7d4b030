#include "render/common/json_text.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace drdb::render {

namespace {

class PieceWriter {
 public:
  std::vector<JsonPiece> pieces;

  void literal(std::string_view text) {
    if (!pieces.empty() && pieces.back().expression == nullptr)
      pieces.back().text += text;
    else
      pieces.push_back({std::string(text), nullptr, false});
  }
  void hole(const Expression& e, bool in_string) { pieces.push_back({{}, &e, in_string}); }

  void value(const Value& v) {
    if (v.is_expression()) {
      const auto& e = v.as_expression();
      if (const auto* join = std::get_if<Join>(&e)) {
        literal("\"");
        join_parts(*join);
        literal("\"");
      } else {
        // Expressions in documents are strings (ARNs, names, ids): quoted, like a one-part join.
        literal("\"");
        hole(e, true);
        literal("\"");
      }
      return;
    }
    if (v.is_null()) return literal("null");
    if (v.is_bool()) return literal(v.as_bool() ? "true" : "false");
    if (v.is_int()) return literal(std::to_string(v.as_int()));
    if (v.is_double()) return literal(nlohmann::json(v.as_double()).dump());
    if (v.is_string()) {
      literal("\"");
      literal(json_escape(v.as_string()));
      return literal("\"");
    }
    if (v.is_list()) {
      literal("[");
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) literal(",");
        first = false;
        value(item);
      }
      return literal("]");
    }
    literal("{");
    bool first = true;
    for (const auto& [key, member] : v.as_object()) {
      if (!first) literal(",");
      first = false;
      literal("\"" + json_escape(key) + "\":");
      value(member);
    }
    literal("}");
  }

 private:
  // Inside a JSON string: literals escaped, expressions as holes marked in_string.
  void join_parts(const Join& join) {
    bool first = true;
    for (const auto& part : join.parts) {
      if (!first) literal(json_escape(join.separator));
      first = false;
      if (part.is_string()) {
        literal(json_escape(part.as_string()));
      } else if (part.is_expression()) {
        if (const auto* inner = std::get_if<Join>(&part.as_expression()))
          join_parts(*inner);
        else
          hole(part.as_expression(), true);
      } else {
        literal(json_escape(nlohmann::json(part.is_int() ? nlohmann::json(part.as_int()) : nlohmann::json(part.as_double())).dump()));
      }
    }
  }
};

}  // namespace

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::vector<JsonPiece> json_pieces(const Value& document) {
  PieceWriter w;
  w.value(document);
  return std::move(w.pieces);
}

std::size_t literal_json_size(const Value& document) {
  std::size_t size = 0;
  for (const auto& piece : json_pieces(document))
    if (piece.expression == nullptr) size += piece.text.size();
  return size;
}

}  // namespace drdb::render
