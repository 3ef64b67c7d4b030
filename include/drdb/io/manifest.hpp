// manifest.json: what a synth wrote and how to deploy it. For each synthesized stack its files per
// target and the stacks it depends on, and the order to deploy the stacks in:
//   {"deploy_order": ["Network", "Data"],
//    "stacks": {"Data": {"cloudformation": {"json": "cloudformation/Data.template.json",
//                                           "yaml": "cloudformation/Data.template.yaml"},
//                        "depends_on": ["Network"],
//                        "terraform": {"directory": "terraform/Data"}}, ...},
//    "version": 1}
#pragma once

#include <string>
#include <string_view>

#include "drdb/render/synth.hpp"

namespace drdb {

inline constexpr std::string_view manifest_path = "manifest.json";

// Sorted keys, no timestamps: the same synthesis gives the same bytes.
std::string manifest_json(const Synthesis& synthesis);

}  // namespace drdb
