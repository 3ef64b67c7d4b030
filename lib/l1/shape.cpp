// check(): one walk of a Value against a Shape. The happy path allocates nothing: the property path
// lives on the stack as a chain of segments and becomes a string only when something is reported.
#include "drdb/l1/shape.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/value.hpp"
#include "l1/suggest.hpp"

namespace drdb::l1 {
namespace {

constexpr std::size_t kMaxListedNames = 12;

// One step of a property path: ".name" or "[index]" below `parent` (the root holds the whole
// property path given to check()).
struct Segment {
  const Segment* parent = nullptr;
  std::string_view name;
  std::size_t index = 0;
  bool is_index = false;
};

void append_path(std::string& out, const Segment& s) {
  if (s.parent) append_path(out, *s.parent);
  if (s.is_index) {
    out += '[' + std::to_string(s.index) + ']';
  } else if (s.parent) {
    if (!out.empty()) out += '.';
    out += s.name;
  } else {
    out += s.name;
  }
}

std::string path_text(const Segment& s) {
  std::string out;
  append_path(out, s);
  return out;
}

std::string_view kind_text(Kind k) {
  switch (k) {
    case Kind::Any: return "any value";
    case Kind::String: return "string";
    case Kind::Integer: return "integer";
    case Kind::Number: return "number";
    case Kind::Boolean: return "boolean";
    case Kind::Array: return "array";
    case Kind::Object: return "object";
    case Kind::Map: return "object";
  }
  return "value";
}

std::string_view value_kind_text(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_bool()) return "boolean";
  if (v.is_int()) return "integer";
  if (v.is_double()) return "number";
  if (v.is_string()) return "string";
  if (v.is_list()) return "array";
  return "object";
}

bool is_whole(double d) { return std::isfinite(d) && std::trunc(d) == d; }

// Literals that are expressions in a target's own syntax, written into raw overrides.
bool is_target_expression(const Value& v) {
  if (v.is_string()) return v.as_string().find("${") != std::string::npos;
  if (!v.is_object() || v.as_object().size() != 1) return false;
  std::string_view key = v.as_object().begin()->first;
  return key == "Ref" || key.starts_with("Fn::");
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Whole numbers without a fraction ("5", not "5.0"), like the JSON text of schema enumerations.
std::string_view number_chars(double d, char (&buffer)[32]) {
  auto end = is_whole(d) && std::fabs(d) < 1e18
                 ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(d)).ptr
                 : std::to_chars(buffer, buffer + sizeof buffer, d).ptr;
  return std::string_view(buffer, static_cast<std::size_t>(end - buffer));
}

std::string number_text(double d) {
  char buffer[32];
  return std::string(number_chars(d, buffer));
}

std::string literal_text(const Value& v) {
  constexpr std::size_t kMax = 60;
  if (v.is_string()) {
    const auto& s = v.as_string();
    return '"' + (s.size() > kMax ? s.substr(0, kMax) + "..." : s) + '"';
  }
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_number()) return number_text(v.as_double());
  return std::string(value_kind_text(v));
}

template <class Range, class Name>
std::string joined(const Range& items, Name name) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : items) {
    if (n == kMaxListedNames) return out + ", ...";
    if (n++) out += ", ";
    out += name(item);
  }
  return out;
}

std::string range_text(double lo, double hi, std::string_view unit = {}) {
  std::string out = std::isinf(lo)   ? "at most " + number_text(hi)
                    : std::isinf(hi) ? "at least " + number_text(lo)
                                     : number_text(lo) + " to " + number_text(hi);
  if (!unit.empty()) out.append(" ").append(unit);
  return out;
}

double limit(std::uint32_t n, bool upper) {
  return upper && n == std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<double>::infinity()
                                                                 : static_cast<double>(n);
}

class Checker {
 public:
  Checker(std::string_view construct_path, Diagnostics& out) : construct_path_(construct_path), out_(out) {}

  void check_value(const Value& v, const Shape& s, const Segment& at) {
    if (v.is_expression() || is_target_expression(v)) return;
    if (!accepts(s, v)) return fail(at, "expected " + expected_text(s) + ", got " + std::string(value_kind_text(v)),
                                    "give " + article(expected_text(s)));
    if (v.is_string()) check_string(v.as_string(), s, at);
    if (v.is_number()) check_number(v, s, at);
    if (!s.enum_values.empty() && (v.is_string() || v.is_number() || v.is_bool())) check_enum(v, s, at);
    if (s.kind == Kind::Array) check_array(v, s, at);
    if (v.is_object() && s.kind == Kind::Object) check_object(v.as_object(), s, at);
    if (v.is_object() && s.kind == Kind::Map) check_map(v.as_object(), s, at);
  }

 private:
  static bool accepts(const Shape& s, const Value& v) {
    switch (s.kind) {
      case Kind::Any:
        if (s.any_of == 0) return true;
        if (v.is_null()) return false;
        if (v.is_string()) return s.any_of & kind_bit(Kind::String);
        if (v.is_bool()) return s.any_of & kind_bit(Kind::Boolean);
        if (v.is_list()) return s.any_of & kind_bit(Kind::Array);
        if (v.is_object()) return s.any_of & (kind_bit(Kind::Object) | kind_bit(Kind::Map));
        if (s.any_of & kind_bit(Kind::Number)) return true;
        return (s.any_of & kind_bit(Kind::Integer)) && (v.is_int() || is_whole(v.as_double()));
      case Kind::String: return v.is_string();
      case Kind::Integer: return v.is_int() || (v.is_double() && is_whole(v.as_double()));
      case Kind::Number: return v.is_number();
      case Kind::Boolean: return v.is_bool();
      case Kind::Array: return v.is_list() || (s.single_as_list && v.is_object());
      case Kind::Object:
      case Kind::Map: return v.is_object();
    }
    return false;
  }

  static std::string expected_text(const Shape& s) {
    if (s.kind != Kind::Any || s.any_of == 0) return std::string(kind_text(s.kind));
    std::string out;
    for (Kind k : {Kind::String, Kind::Integer, Kind::Number, Kind::Boolean, Kind::Array, Kind::Object, Kind::Map}) {
      if (!(s.any_of & kind_bit(k))) continue;
      if (!out.empty()) out += " or ";
      out += kind_text(k);
    }
    return out;
  }

  static std::string article(const std::string& noun) {
    bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + noun;
  }

  void check_string(std::string_view str, const Shape& s, const Segment& at) {
    if (s.min_length > 0 || s.max_length < std::numeric_limits<std::uint32_t>::max()) {
      auto n = code_points(str);
      if (n < s.min_length || n > s.max_length)
        fail(at, "length " + std::to_string(n) + " is " + (n < s.min_length ? "below the minimum " : "above the maximum ") +
                     std::to_string(n < s.min_length ? s.min_length : s.max_length),
             "use " + range_text(s.min_length, limit(s.max_length, true), "characters"));
    }
    if (s.pattern && is_ascii(str) && !s.pattern->search(str))
      fail(at, literal_text(Value(str)) + " does not match the pattern " + std::string(s.pattern->source()),
           "use a value matching " + std::string(s.pattern->source()));
  }

  void check_number(const Value& v, const Shape& s, const Segment& at) {
    double d = v.as_double();
    if (d >= s.minimum && d <= s.maximum) return;
    fail(at, literal_text(v) + " is " + (d < s.minimum ? "below the minimum " + number_text(s.minimum)
                                                        : "above the maximum " + number_text(s.maximum)),
         "use " + range_text(s.minimum, s.maximum));
  }

  void check_enum(const Value& v, const Shape& s, const Segment& at) {
    char buffer[32];
    std::string_view text;
    if (v.is_string()) {
      text = v.as_string();
    } else if (v.is_bool()) {
      text = v.as_bool() ? "true" : "false";
    } else {
      text = number_chars(v.as_double(), buffer);
    }
    for (std::string_view allowed : s.enum_values)
      if (allowed == text) return;
    std::string fix;
    if (v.is_string())
      if (auto near = closest(text, s.enum_values, [](std::string_view e) { return e; }))
        fix = "did you mean " + std::string(*near) + "? ";
    fix += "allowed: " + joined(s.enum_values, [](std::string_view e) { return std::string(e); });
    fail(at, literal_text(v) + " is not an allowed value", std::move(fix));
  }

  void check_array(const Value& v, const Shape& s, const Segment& at) {
    if (!v.is_list()) {  // a single object standing for a one-item list
      if (s.items) check_value(v, *s.items, at);
      return items_count(1, s, at);
    }
    const auto& list = v.as_list();
    items_count(list.size(), s, at);
    if (!s.items) return;
    for (std::size_t i = 0; i < list.size(); ++i) check_value(list[i], *s.items, Segment{&at, {}, i, true});
  }

  void items_count(std::size_t n, const Shape& s, const Segment& at) {
    if (n >= s.min_items && n <= s.max_items) return;
    fail(at, std::to_string(n) + (n == 1 ? " item, " : " items, ") +
                 (n < s.min_items ? "at least " + std::to_string(s.min_items) : "at most " + std::to_string(s.max_items)) +
                 " allowed",
         "give " + range_text(s.min_items, limit(s.max_items, true), "items"));
  }

  void check_map(const Object& members, const Shape& s, const Segment& at) {
    for (const auto& [key, member] : members) {
      Segment child{&at, key};
      if (s.key_pattern && is_ascii(key) && !s.key_pattern->search(key))
        fail(child, "key does not match the pattern " + std::string(s.key_pattern->source()),
             "use keys matching " + std::string(s.key_pattern->source()));
      if (s.items) check_value(member, *s.items, child);
    }
  }

  // Keys and properties are both sorted: one merge walk finds unknown and missing ones.
  void check_object(const Object& members, const Shape& s, const Segment& at) {
    auto property = s.properties.begin();
    const auto end = s.properties.end();
    for (const auto& [key, member] : members) {
      for (; property != end && property->name < key; ++property)
        if (property->required) missing(*property, at);
      if (property != end && property->name == key) {
        present(*property, member, Segment{&at, property->name});
        ++property;
      } else if (s.closed) {
        unknown(key, s, Segment{&at, key});
      }
    }
    for (; property != end; ++property)
      if (property->required) missing(*property, at);
  }

  void present(const Property& p, const Value& v, const Segment& at) {
    if (p.read_only)
      return fail(at, "read-only property cannot be set", "remove it; read it as an attribute of the resource instead");
    if (v.is_null()) {
      if (p.required && !p.nullable) fail(at, "required property is null", "set it to a value");
      return;
    }
    if (p.shape) check_value(v, *p.shape, at);
  }

  void missing(const Property& p, const Segment& parent) {
    fail(Segment{&parent, p.name}, "required property is missing", "set " + std::string(p.name));
  }

  void unknown(std::string_view key, const Shape& s, const Segment& at) {
    auto name = [](const Property& p) { return p.name; };
    if (auto near = closest(key, s.properties, name))
      return fail(at, "unknown property", "did you mean " + std::string(*near) + "?");
    fail(at, "unknown property",
         s.properties.empty() ? "remove it: no property is allowed here"
                              : "remove it; allowed: " + joined(s.properties, [](const Property& p) { return std::string(p.name); }));
  }

  void fail(const Segment& at, const std::string& rule, std::string fix) {
    out_.error(std::string(construct_path_), path_text(at) + ": " + rule, std::move(fix));
  }

  std::string_view construct_path_;
  Diagnostics& out_;
};

}  // namespace

void check(const Value& value, const Shape& shape, std::string_view construct_path,
           std::string_view property_path, Diagnostics& out) {
  Checker(construct_path, out).check_value(value, shape, Segment{nullptr, property_path});
}

}  // namespace drdb::l1
