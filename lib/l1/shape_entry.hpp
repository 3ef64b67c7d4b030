// How generated sources hand their Shapes to the generated registry (lib/l1/registry.cpp in the
// build tree), without the registry including every generated header.
#pragma once

#include <string_view>

namespace drdb::l1 {

struct Shape;

namespace detail {

struct ShapeEntry {
  std::string_view type_name;
  const Shape* shape = nullptr;
};

}  // namespace detail
}  // namespace drdb::l1
