// A construct that deploys something: each renderer maps it to one or more target resources
// (an S3 bucket is one AWS::S3::Bucket, but several aws_s3_bucket_* resources in Terraform).
#pragma once

#include <string>
#include <vector>

#include "drdb/core/construct.hpp"
#include "drdb/core/typed.hpp"
#include "drdb/core/value.hpp"

namespace drdb {

class ResourceVisitor;  // lib/core/resource_visitor.hpp: one visit() per resource kind, one visitor per target

enum class Target { CloudFormation, Terraform };

// What happens to the deployed resource when it leaves the template.
enum class RemovalPolicy { Destroy, Retain };

// Raw change to a rendered resource, applied after mapping and checked against the schema like
// everything else. A null value deletes the property.
struct PropertyOverride {
  Target target = Target::CloudFormation;
  std::string resource_type;  // which rendered resource (empty: the construct's main one)
  std::string path;           // dotted, below Properties (CloudFormation) or the body (Terraform); "0" indexes lists
  Value value;
};

class Resource : public Construct {
 public:
  using Construct::Construct;

  virtual void accept(ResourceVisitor& visitor) const = 0;

  // Escape hatches: `bucket.cfn_override("VersioningConfiguration.Status", "Suspended")`.
  void cfn_override(std::string path, Value value) {
    overrides_.push_back({Target::CloudFormation, {}, std::move(path), std::move(value)});
  }
  void tf_override(std::string path, Value value, std::string resource_type = {}) {
    overrides_.push_back({Target::Terraform, std::move(resource_type), std::move(path), std::move(value)});
  }
  const std::vector<PropertyOverride>& overrides() const { return overrides_; }

  void set_removal_policy(RemovalPolicy p) { removal_policy_ = p; }
  RemovalPolicy removal_policy() const { return removal_policy_; }

  // `Ref`-like handle to an attribute by its target-neutral name ("Id", "Arn"...). Kinds expose
  // typed accessors (bucket.arn()) built on this; the renderers know each kind's attributes.
  Str attr(std::string name) const { return AttrRef{this, std::move(name)}; }

 protected:
  // Kinds whose deletion loses data (buckets, tables, keys) retain by default.
  void default_removal_policy(RemovalPolicy p) { removal_policy_ = p; }

 private:
  std::vector<PropertyOverride> overrides_;
  RemovalPolicy removal_policy_ = RemovalPolicy::Destroy;
};

}  // namespace drdb
