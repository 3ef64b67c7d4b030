// A KMS alias: a stable, readable name ("alias/data-lake") for a key.
#pragma once

#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::kms {

class Key;

class Alias : public Resource {
 public:
  struct Props {
    std::string alias_name;  // "alias/<name>"; "alias/aws/..." is reserved for AWS
    const Key* key = nullptr;
  };
  Alias(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  const Key& key() const { return *props_.key; }
  Str alias_name() const { return attr("Name"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::kms
