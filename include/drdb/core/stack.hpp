// A unit of deployment: one CloudFormation stack / one Terraform root module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/construct.hpp"
#include "drdb/core/typed.hpp"

namespace drdb {

class Stack : public Construct {
 public:
  struct Props {
    std::string description;
    // Default region for Terraform's provider variable; CloudFormation deploys where it is sent.
    std::string region;
  };
  Stack(const Scope& scope, Props props);

  const std::string& name() const { return id(); }
  const Props& props() const { return props_; }

  // The parameter AssetsBucket: the bucket the assets (io/asset.hpp) are uploaded to, created on
  // first use. Lambda code needs it in CloudFormation only (Terraform points at the zip itself);
  // `terraform` makes it a Terraform variable too, for a file Terraform uploads there.
  const Parameter& assets_bucket(bool terraform);

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

enum class ParameterType { String, Number, CommaDelimitedList, NumberList };

// A value supplied at deploy time (CloudFormation parameter / Terraform variable). Child of a Stack.
class Parameter : public Construct {
 public:
  struct Props {
    ParameterType type = ParameterType::String;
    std::string description;
    std::optional<Value> default_value;
    std::vector<std::string> allowed_values;
    std::string allowed_pattern;
    std::optional<double> min_value;
    std::optional<double> max_value;
    std::optional<int> min_length;
    std::optional<int> max_length;
    bool no_echo = false;  // sensitive: masked by CloudFormation, `sensitive` in Terraform
    // Only CloudFormation needs it (the bucket it reads Lambda code from: Terraform uploads the
    // code itself): no Terraform variable, and a Terraform reference to it is an error.
    bool cloudformation_only = false;
  };
  Parameter(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str as_str() const { return ParamRef{this}; }
  Num as_num() const { return ParamRef{this}; }
  Int as_int() const { return ParamRef{this}; }
  StrList as_list() const { return StrList::of(ParamRef{this}); }

  void validate(Diagnostics& out) const override;

 private:
  friend class Stack;  // widens the assets bucket to Terraform
  Props props_;
};

// A value the stack publishes; `export_name` makes it importable by other stacks.
class Output : public Construct {
 public:
  struct Props {
    Value value;
    std::string description;
    std::string export_name;
  };
  Output(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

// Pseudo parameters, as typed handles.
namespace pseudo {
inline Str region() { return Pseudo::Region; }
inline Str account_id() { return Pseudo::AccountId; }
inline Str partition() { return Pseudo::Partition; }
inline Str url_suffix() { return Pseudo::UrlSuffix; }
inline Str stack_name() { return Pseudo::StackName; }
// arn:<partition>:<service>:<region>:<account>:<resource> in the deployment's region and account.
inline Str arn(std::string_view service, std::string_view resource) {
  return Str("arn:") + partition() + ":" + std::string(service) + ":" + region() + ":" + account_id() + ":" + std::string(resource);
}
}  // namespace pseudo

inline Str import_value(std::string export_name) { return ImportValue{std::move(export_name)}; }

}  // namespace drdb

namespace drdb::pseudo {
// The availability zones of the deployment region (a list), and one of them by index.
inline StrList availability_zones() { return StrList::of(Pseudo::AvailabilityZones); }
inline Str availability_zone(std::int64_t index) {
  return Select{index, std::make_shared<const Value>(Value(Pseudo::AvailabilityZones))};
}
}  // namespace drdb::pseudo
