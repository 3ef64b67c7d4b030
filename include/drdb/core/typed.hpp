// Typed handles over Value: a number field cannot take a string, a string field can take a literal
// or any expression (`"arn:" + Str(pseudo::partition()) + ...`). Generated L1 structs use these.
#pragma once

#include <concepts>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "drdb/core/value.hpp"

namespace drdb {

class Str {
 public:
  Str(const char* s) : v_(s) {}
  Str(std::string s) : v_(std::move(s)) {}
  Str(std::string_view s) : v_(s) {}
  Str(AttrRef e) : v_(std::move(e)) {}
  Str(ParamRef e) : v_(e) {}
  Str(Pseudo e) : v_(e) {}
  Str(Join e) : v_(std::move(e)) {}
  Str(JsonString e) : v_(std::move(e)) {}
  Str(ImportValue e) : v_(std::move(e)) {}
  Str(Select e) : v_(std::move(e)) {}
  // Wraps a value already known to evaluate to a string (no check).
  static Str of(Value v) { return Str(std::move(v), 0); }

  const Value& value() const { return v_; }
  bool is_literal() const { return v_.is_string(); }

  friend Str operator+(const Str& a, const Str& b) { return of(concat({a.v_, b.v_})); }
  friend Str operator+(const Str& a, const char* b) { return a + Str(b); }
  friend Str operator+(const char* a, const Str& b) { return Str(a) + b; }
  friend Str operator+(const Str& a, const std::string& b) { return a + Str(b); }
  friend Str operator+(const std::string& a, const Str& b) { return Str(a) + b; }
  friend bool operator==(const Str& a, const Str& b) { return a.v_ == b.v_; }

 private:
  Str(Value v, int) : v_(std::move(v)) {}
  Value v_;
};

// Integer property (schema "integer" / Terraform "number" holding whole numbers).
class Int {
 public:
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Int(T i) : v_(static_cast<long long>(i)) {}
  Int(ParamRef e) : v_(e) {}
  static Int of(Value v) { return Int(std::move(v), 0); }
  const Value& value() const { return v_; }
  friend bool operator==(const Int& a, const Int& b) { return a.v_ == b.v_; }

 private:
  Int(Value v, int) : v_(std::move(v)) {}
  Value v_;
};

// Any number (schema "number").
class Num {
 public:
  template <typename T>
    requires((std::integral<T> || std::floating_point<T>) && !std::same_as<T, bool>)
  Num(T n) : v_(std::integral<T> ? Value(static_cast<long long>(n)) : Value(static_cast<double>(n))) {}
  Num(ParamRef e) : v_(e) {}
  static Num of(Value v) { return Num(std::move(v), 0); }
  const Value& value() const { return v_; }
  friend bool operator==(const Num& a, const Num& b) { return a.v_ == b.v_; }

 private:
  Num(Value v, int) : v_(std::move(v)) {}
  Value v_;
};

class Bool {
 public:
  template <std::same_as<bool> T>
  Bool(T b) : v_(b) {}
  Bool(ParamRef e) : v_(e) {}
  static Bool of(Value v) { return Bool(std::move(v), 0); }
  const Value& value() const { return v_; }
  friend bool operator==(const Bool& a, const Bool& b) { return a.v_ == b.v_; }

 private:
  Bool(Value v, int) : v_(std::move(v)) {}
  Value v_;
};

// A list property: either items known at synth time or one expression yielding a list.
template <class T>
class ListOf {
 public:
  ListOf() = default;
  ListOf(std::initializer_list<T> items) : items_(items) {}
  ListOf(std::vector<T> items) : items_(std::move(items)) {}
  static ListOf of(Value list_expression) {
    ListOf l;
    l.expr_ = std::move(list_expression);
    l.is_expr_ = true;
    return l;
  }
  const std::vector<T>& items() const { return items_; }
  std::vector<T>& items() { return items_; }
  void push_back(T item) { items_.push_back(std::move(item)); }
  bool is_expression() const { return is_expr_; }
  const Value& expression() const { return expr_; }

 private:
  std::vector<T> items_;
  Value expr_;
  bool is_expr_ = false;
};

using StrList = ListOf<Str>;

template <class T>
using MapOf = std::map<std::string, T, std::less<>>;

// Conversions used by generated code and constructs alike.
inline Value to_value(const Value& v) { return v; }
inline Value to_value(const Str& s) { return s.value(); }
inline Value to_value(const Int& i) { return i.value(); }
inline Value to_value(const Num& n) { return n.value(); }
inline Value to_value(const Bool& b) { return b.value(); }
template <class T>
  requires requires(const T& t) { t.to_value(); }
Value to_value(const T& t) {
  return t.to_value();
}
template <class T>
Value to_value(const ListOf<T>& l) {
  if (l.is_expression()) return l.expression();
  List out;
  out.reserve(l.items().size());
  for (const auto& item : l.items()) out.push_back(to_value(item));
  return Value(std::move(out));
}
template <class T>
Value to_value(const MapOf<T>& m) {
  Object out;
  for (const auto& [k, v] : m) out.emplace(k, to_value(v));
  return Value(std::move(out));
}

}  // namespace drdb
