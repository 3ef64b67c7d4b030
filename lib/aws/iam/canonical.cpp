#include "aws/iam/canonical.hpp"

#include <cstdio>
#include <type_traits>

#include "drdb/core/stack.hpp"

namespace drdb::aws::iam::detail {

namespace {

std::string_view pseudo_text(Pseudo p) {
  switch (p) {
    case Pseudo::Region: return "AWS::Region";
    case Pseudo::AccountId: return "AWS::AccountId";
    case Pseudo::Partition: return "AWS::Partition";
    case Pseudo::UrlSuffix: return "AWS::URLSuffix";
    case Pseudo::StackName: return "AWS::StackName";
    case Pseudo::AvailabilityZones: return "AWS::AvailabilityZones";
  }
  return "";
}

// Literal text: quotes and backslashes escaped, and '$' doubled so no literal reads as an expression.
void escaped(std::string& out, const std::string& s) {
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
}

void quoted(std::string& out, const std::string& s) {
  out += '"';
  escaped(out, s);
  out += '"';
}

void write(std::string& out, const Value& v);

// A string-valued expression reads as the text it stands for, quoted like a literal, so
// "arn:" + x sorts next to "arn:..." literals.
void write_inline(std::string& out, const Value& v);

void write_expression(std::string& out, const Expression& e) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, AttrRef>) {
          out += "${" + (x.target ? x.target->path() : std::string("?")) + "." + x.attribute + "}";
        } else if constexpr (std::is_same_v<T, ParamRef>) {
          out += "${param:" + (x.parameter ? x.parameter->path() : std::string("?")) + "}";
        } else if constexpr (std::is_same_v<T, Pseudo>) {
          out += "${" + std::string(pseudo_text(x)) + "}";
        } else if constexpr (std::is_same_v<T, Join>) {
          out += "${join:";
          quoted(out, x.separator);
          for (const auto& part : x.parts) {
            out += ',';
            write(out, part);
          }
          out += '}';
        } else if constexpr (std::is_same_v<T, JsonString>) {
          out += "${json:";
          if (x.document) write(out, *x.document);
          out += '}';
        } else if constexpr (std::is_same_v<T, ImportValue>) {
          out += "${import:" + x.export_name + "}";
        } else if constexpr (std::is_same_v<T, Select>) {
          out += "${select:" + std::to_string(x.index) + ",";
          if (x.list) write(out, *x.list);
          out += '}';
        }
      },
      e);
}

void write(std::string& out, const Value& v) {
  if (v.is_null()) {
    out += "null";
  } else if (v.is_bool()) {
    out += v.as_bool() ? "true" : "false";
  } else if (v.is_int()) {
    out += std::to_string(v.as_int());
  } else if (v.is_double()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v.as_double());
    out += buffer;
  } else if (v.is_string()) {
    quoted(out, v.as_string());
  } else if (v.is_list()) {
    out += '[';
    bool first = true;
    for (const auto& item : v.as_list()) {
      if (!first) out += ',';
      first = false;
      write(out, item);
    }
    out += ']';
  } else if (v.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, member] : v.as_object()) {
      if (!first) out += ',';
      first = false;
      quoted(out, key);
      out += ':';
      write(out, member);
    }
    out += '}';
  } else {
    out += '"';
    write_inline(out, v);
    out += '"';
  }
}

void write_inline(std::string& out, const Value& v) {
  if (v.is_string()) {
    escaped(out, v.as_string());
  } else if (v.is_expression()) {
    const auto* join = std::get_if<Join>(&v.as_expression());
    if (join != nullptr && join->separator.empty()) {
      for (const auto& part : join->parts) write_inline(out, part);
    } else {
      write_expression(out, v.as_expression());
    }
  } else {
    write(out, v);
  }
}

}  // namespace

std::string canonical_text(const Value& v) {
  std::string out;
  write(out, v);
  return out;
}

}  // namespace drdb::aws::iam::detail
