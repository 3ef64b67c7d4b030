// The root of a construct tree.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/construct.hpp"

namespace drdb {

class App : public Construct {
 public:
  struct Props {
    std::string name = "App";  // first component of every path
  };
  App() : App(Props{}) {}
  explicit App(Props props);

  // The stacks of this app, in creation order.
  std::vector<const Stack*> stacks() const;
  std::vector<Stack*> stacks();
};

}  // namespace drdb
