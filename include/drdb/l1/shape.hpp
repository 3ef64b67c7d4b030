// Runtime constraint checks of L1 property trees.
//
// Every generated L1 struct (drdb/l1/cfn/*.hpp, drdb/l1/tf/*.hpp) has a `static const Shape&
// shape()`: constant data generated from the vendored schemas, describing what its rendered
// Value may hold. One generic function, check(), walks a Value against a Shape and reports every
// violation as a Diagnostic. Renderers check what they fill; raw resources and property overrides
// are checked through find_shape().
//
// Only literals are checked: an expression (Value::is_expression) is unknown until deploy and is
// accepted, and so are target-syntax expressions found in raw literals: CloudFormation intrinsic
// objects ({"Ref": ...}, {"Fn::...": ...}) and strings holding a Terraform interpolation ("${").
// Checked: required and unknown properties (with a "did you mean" suggestion), read-only
// properties, value kinds (strictly: "5" is no integer), enumerations, patterns (on ASCII strings;
// JSON Schema semantics: a match anywhere), numeric ranges, string lengths (in code points), item
// counts, map key patterns. Not checked: uniqueItems, oneOf/anyOf variants, requiredXor and other
// cross-property rules of the schemas.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

namespace drdb {
class Value;
class Diagnostics;
}  // namespace drdb

namespace drdb::l1 {

// JSON-level kind a Shape expects. Map is an object whose keys are free (patternProperties /
// additionalProperties schemas, Terraform map(T)); Object lists its properties.
enum class Kind : std::uint8_t { Any, String, Integer, Number, Boolean, Array, Object, Map };

constexpr std::uint8_t kind_bit(Kind k) { return static_cast<std::uint8_t>(1U << static_cast<unsigned>(k)); }

// A schema pattern (ECMAScript syntax), compiled on first use, thread-safely, then kept for the
// life of the program: patterns are static data (a literal type, so generated tables are
// constant-initialized).
class Pattern {
 public:
  constexpr explicit Pattern(std::string_view source) : source_(source) {}
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  std::string_view source() const { return source_; }
  // Whether `s` contains a match (JSON Schema patterns are not anchored).
  bool search(std::string_view s) const;

 private:
  struct Compiled;
  const Compiled& compiled() const;

  std::string_view source_;
  mutable std::atomic<const Compiled*> compiled_{nullptr};
};

struct Shape;

struct Property {
  std::string_view name;
  const Shape* shape = nullptr;  // nullptr only for read-only properties
  bool required = false;
  bool read_only = false;        // computed by the target: setting it is an error
  bool nullable = false;         // null is a valid value even when required (Terraform object
                                 // attributes: every key present, null when unset)
};

// Defaults mean "no constraint", so generated data only spells out what the schema says.
struct Shape {
  Kind kind = Kind::Any;
  std::uint8_t any_of = 0;                  // Kind::Any: accepted kinds as kind_bit()s; 0 = any
  bool closed = false;                      // Object: properties not listed are errors
  bool single_as_list = false;              // Array: one object stands for a one-item list
  std::span<const Property> properties{};   // Object: sorted by name in byte order
  const Shape* items = nullptr;             // Array items, Map values (nullptr: anything)
  const Pattern* key_pattern = nullptr;     // Map keys
  std::span<const std::string_view> enum_values{};  // strings; numbers as their JSON text
  const Pattern* pattern = nullptr;         // strings
  double minimum = -std::numeric_limits<double>::infinity();
  double maximum = std::numeric_limits<double>::infinity();
  std::uint32_t min_length = 0;             // strings, in code points
  std::uint32_t max_length = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t min_items = 0;              // arrays
  std::uint32_t max_items = std::numeric_limits<std::uint32_t>::max();
};

// Reports every violation of `shape` in `value` to `out`, as errors whose path is `construct_path`
// and whose message starts with the property path: `property_path` for the value itself
// ("Properties"), then ".Name" and "[i]" below it ("Properties.Tags[0].Key").
void check(const Value& value, const Shape& shape, std::string_view construct_path,
           std::string_view property_path, Diagnostics& out);

// Shapes of the generated L1 resources by type name (generated registries, lib/l1/{cfn,tf}).
namespace cfn {
// The Properties shape of a CloudFormation type ("AWS::EC2::VPC"); nullptr when drdb has none.
const Shape* find_shape(std::string_view type_name);
// Every type with a shape, sorted.
std::span<const std::string_view> type_names();
}  // namespace cfn
namespace tf {
// The resource body shape of a Terraform type ("aws_vpc"); nullptr when drdb has none.
const Shape* find_shape(std::string_view type_name);
std::span<const std::string_view> type_names();
}  // namespace tf

}  // namespace drdb::l1
