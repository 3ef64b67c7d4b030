// Choice rule conditions in specs, one key per Condition builder (condition.hpp):
//   {string_equals: [$.status, FAILED]}   {numeric_greater_than_path: [$.done, $.total]}
//   {is_present: $.clusters[0]}           {is_null: [$.error, false]}
//   {all_of: [...]}  {any_of: [...]}  {negate: {...}}
#include "spec/sfn_codecs.hpp"

namespace drdb::spec {

using aws::stepfunctions::Condition;

template <>
Condition blank<Condition>() {
  return Condition::is_present("$");
}

namespace {

// The schema of [variable, <second>].
Schema pair_schema(Schema second) {
  return {{"type", "array"}, {"prefixItems", {Codec<std::string>::schema(), std::move(second)}}, {"minItems", 2}, {"maxItems", 2}};
}

// [variable, operand]: the builder's two arguments.
template <class Operand>
Form<Condition> comparison(std::string_view key, Condition (*make)(std::string, Operand)) {
  return {key, "[variable, operand]",
          [key, make](const YAML::Node& n, Condition& out, Context& c) {
            if (!n.IsSequence() || n.size() != 2) {
              c.error(n, std::string(key) + " takes [variable, operand]", "write e.g. " + std::string(key) + ": [$.field, value]");
              return false;
            }
            std::string variable;
            Operand operand{};
            const bool ok = Codec<std::string>::read(n[0], variable, c);
            if (!Codec<Operand>::read(n[1], operand, c) || !ok) return false;
            out = make(std::move(variable), std::move(operand));
            return true;
          },
          [] { return pair_schema(Codec<Operand>::schema()); }};
}

// The variable alone (the test holds), or [variable, false] (it does not).
Form<Condition> type_test(std::string_view key, Condition (*make)(std::string, bool)) {
  return {key, "the variable, or [variable, false]",
          [make](const YAML::Node& n, Condition& out, Context& c) {
            std::string variable;
            bool holds = true;
            if (n.IsSequence() && n.size() == 2) {
              const bool ok = Codec<std::string>::read(n[0], variable, c);
              if (!Codec<bool>::read(n[1], holds, c) || !ok) return false;
            } else if (!Codec<std::string>::read(n, variable, c)) {
              return false;
            }
            out = make(std::move(variable), holds);
            return true;
          },
          [] { return Schema{{"oneOf", {Codec<std::string>::schema(), pair_schema(Codec<bool>::schema())}}}; }};
}

// all_of, any_of and negate, whose schema says "conditions" without repeating theirs (it would recurse).
template <class V>
Form<Condition> combination(std::string_view key, std::string_view doc, Condition (*make)(V)) {
  Form<Condition> f = form<Condition, V>(key, doc, make);
  f.schema = [] {
    const Schema condition{{"type", "object"}, {"description", "a condition"}};
    if constexpr (std::is_same_v<V, Condition>) return condition;
    else return Schema{{"type", "array"}, {"items", condition}};
  };
  return f;
}

}  // namespace

const FormList<Condition>& Forms<Condition>::get() {
  using C = Condition;
  using S = std::string;
  static const FormList<Condition> list{
      comparison<S>("string_equals", &C::string_equals),
      comparison<S>("string_less_than", &C::string_less_than),
      comparison<S>("string_greater_than", &C::string_greater_than),
      comparison<S>("string_less_than_equals", &C::string_less_than_equals),
      comparison<S>("string_greater_than_equals", &C::string_greater_than_equals),
      comparison<S>("string_matches", &C::string_matches),
      comparison<S>("string_equals_path", &C::string_equals_path),
      comparison<S>("string_less_than_path", &C::string_less_than_path),
      comparison<S>("string_greater_than_path", &C::string_greater_than_path),
      comparison<S>("string_less_than_equals_path", &C::string_less_than_equals_path),
      comparison<S>("string_greater_than_equals_path", &C::string_greater_than_equals_path),
      comparison<double>("numeric_equals", &C::numeric_equals),
      comparison<double>("numeric_less_than", &C::numeric_less_than),
      comparison<double>("numeric_greater_than", &C::numeric_greater_than),
      comparison<double>("numeric_less_than_equals", &C::numeric_less_than_equals),
      comparison<double>("numeric_greater_than_equals", &C::numeric_greater_than_equals),
      comparison<S>("numeric_equals_path", &C::numeric_equals_path),
      comparison<S>("numeric_less_than_path", &C::numeric_less_than_path),
      comparison<S>("numeric_greater_than_path", &C::numeric_greater_than_path),
      comparison<S>("numeric_less_than_equals_path", &C::numeric_less_than_equals_path),
      comparison<S>("numeric_greater_than_equals_path", &C::numeric_greater_than_equals_path),
      comparison<bool>("boolean_equals", &C::boolean_equals),
      comparison<S>("boolean_equals_path", &C::boolean_equals_path),
      comparison<S>("timestamp_equals", &C::timestamp_equals),
      comparison<S>("timestamp_less_than", &C::timestamp_less_than),
      comparison<S>("timestamp_greater_than", &C::timestamp_greater_than),
      comparison<S>("timestamp_less_than_equals", &C::timestamp_less_than_equals),
      comparison<S>("timestamp_greater_than_equals", &C::timestamp_greater_than_equals),
      comparison<S>("timestamp_equals_path", &C::timestamp_equals_path),
      comparison<S>("timestamp_less_than_path", &C::timestamp_less_than_path),
      comparison<S>("timestamp_greater_than_path", &C::timestamp_greater_than_path),
      comparison<S>("timestamp_less_than_equals_path", &C::timestamp_less_than_equals_path),
      comparison<S>("timestamp_greater_than_equals_path", &C::timestamp_greater_than_equals_path),
      type_test("is_present", &C::is_present),
      type_test("is_null", &C::is_null),
      type_test("is_string", &C::is_string),
      type_test("is_numeric", &C::is_numeric),
      type_test("is_boolean", &C::is_boolean),
      type_test("is_timestamp", &C::is_timestamp),
      combination<std::vector<C>>("all_of", "every condition holds (And)", &C::all_of),
      combination<std::vector<C>>("any_of", "one condition holds (Or)", &C::any_of),
      combination<C>("negate", "the condition does not hold (Not)", &C::negate)};
  return list;
}

}  // namespace drdb::spec
