// The Shape data of one generated source file, as constant-initialized arrays:
//   E  enumeration values      R  patterns (compiled on first use)
//   S  shapes                  P  properties of object shapes, each object's contiguous and sorted
// Identical leaf shapes, enumerations and patterns are stored once.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model.hpp"

namespace drdb::codegen {

class ShapeTable {
 public:
  // Index in S of the shape of `st`; adds it, and all it reaches, on first use.
  std::size_t add(const StructDef& st);
  // The arrays, for the anonymous namespace of the generated source.
  std::string render() const;

 private:
  std::size_t node(const Node& n);
  std::string enum_span(const std::vector<std::string>& values);
  std::size_t pattern(const std::string& source);

  std::vector<std::string> shapes_;
  std::map<std::string, std::size_t> leaf_index_;
  std::map<const StructDef*, std::size_t> struct_index_;
  std::vector<std::string> properties_;
  std::vector<std::string> enum_values_;
  std::map<std::vector<std::string>, std::size_t> enum_offset_;
  std::vector<std::string> patterns_;
  std::map<std::string, std::size_t> pattern_index_;
};

}  // namespace drdb::codegen
