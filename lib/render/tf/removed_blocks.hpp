// Retention in Terraform. `lifecycle.prevent_destroy` only guards a resource while its block is in
// the configuration: once a retained resource leaves the model, Terraform would delete it. A
// `removed` block with `lifecycle.destroy = false` (Terraform >= 1.7) makes Terraform forget it
// instead, as CloudFormation's DeletionPolicy Retain orphans it.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace drdb::render::tf {

// The addresses ("type.name") of a module's retained resources: each resource marked
// prevent_destroy, and the resources of other types with its name, which the provider splits off the
// same construct (an S3 bucket's encryption, versioning, public access block...) and which
// CloudFormation holds in the retained resource itself.
std::set<std::string> retained_addresses(const nlohmann::json& module);

// The addresses of a module's `removed` blocks that forget the resource (lifecycle.destroy = false).
std::set<std::string> forgotten_addresses(const nlohmann::json& module);

// The `removed` blocks `module` needs after `previous`, the module an earlier synth wrote for the
// same stack: one for each retained address of `previous` whose construct `module` no longer
// retains and that `module` does not declare, and `previous`'s own blocks whose address `module`
// does not declare again (synthesizing twice before an apply must not lose them). Sorted by
// address; an empty array when there are none.
nlohmann::json removed_blocks(const nlohmann::json& previous, const nlohmann::json& module);

// Adds removed_blocks(previous, module) to `module` and requires the Terraform that reads them.
// Returns whether there were any (`module` is unchanged otherwise).
bool keep_retained(nlohmann::json& module, const nlohmann::json& previous);

}  // namespace drdb::render::tf
