#include "drdb/aws/lambda/function.hpp"

#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::lambda {

namespace {

Str ec2_arn(const std::string& type_and_id) {
  return Join{"", {"arn:", Pseudo::Partition, ":ec2:", Pseudo::Region, ":", Pseudo::AccountId, ":" + type_and_id}};
}
Str ec2_arn(const std::string& type, const Str& id) {
  return Join{"", {"arn:", Pseudo::Partition, ":ec2:", Pseudo::Region, ":", Pseudo::AccountId, ":" + type + "/", id.value()}};
}

// What AWSLambdaVPCAccessExecutionRole grants, without its logs:* part, and scoped: network
// interfaces are created only in the placement's subnets with its groups. The two Describe calls
// support no resource-level scoping.
void grant_network_interfaces(iam::Role& role, const VpcPlacement& placement) {
  role.add_to_policy({.actions = {"ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"}, .resources = {Str("*")}});
  role.add_to_policy({.actions = {"ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"},
                      .resources = {ec2_arn("network-interface/*")}});
  std::vector<Str> create_on = {ec2_arn("network-interface/*")};
  if (placement.vpc != nullptr)
    for (const auto& subnet : placement.vpc->subnets_of(placement.subnets)) create_on.push_back(ec2_arn("subnet", subnet.subnet_id));
  for (const auto* group : placement.security_groups)
    if (group != nullptr) create_on.push_back(ec2_arn("security-group", group->group_id()));
  role.add_to_policy({.actions = {"ec2:CreateNetworkInterface"}, .resources = std::move(create_on)});
}

// CloudFormation writes inline source to index.py / index.js; Terraform gets the same file zipped.
std::string inline_file_name(Runtime runtime) {
  return to_string(runtime).starts_with("python") ? "index.py" : "index.js";
}

}  // namespace

Function::Function(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  if (props_.role != nullptr) {
    role_ = props_.role;
  } else {
    role_ = &add<iam::Role>("ServiceRole", {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")},
                                            .description = "Execution role of the Lambda function " + path()});
  }

  std::optional<Str> group_name;
  if (!props_.log_group_name.empty()) {
    group_name = Str(props_.log_group_name);
  } else if (!props_.function_name.empty()) {
    group_name = Str("/aws/lambda/" + props_.function_name);
  }
  log_group_ = &add<logs::LogGroup>("LogGroup", {.log_group_name = group_name,
                                                  .retention = props_.log_retention,
                                                  .kms_key = props_.log_key});
  log_group_->grant_write(*role_);

  if (props_.vpc) grant_network_interfaces(*role_, *props_.vpc);
  if (props_.dead_letter) {
    const bool sqs = props_.dead_letter->kind == DeadLetterTarget::Kind::SqsQueue;
    role_->add_to_policy({.actions = {sqs ? "sqs:SendMessage" : "sns:Publish"}, .resources = {props_.dead_letter->arn}});
  }

  if (props_.code.kind() == Code::Kind::Asset) stack().assets_bucket(false);
  if (props_.code.kind() == Code::Kind::Inline && props_.runtime && supports_inline_code(*props_.runtime))
    inline_asset_ = Asset::from_files("inline source of " + path(),
                                      {{inline_file_name(*props_.runtime), props_.code.inline_source()}});
}

void Function::grant_invoke(iam::Role& role) const {
  role.add_to_policy({.actions = {"lambda:InvokeFunction"}, .resources = {function_arn()}});
}

Permission& Function::allow_invocation(std::string id, std::string service_principal, Str source_arn,
                                       std::optional<Str> source_account) {
  return add<Permission>(std::move(id), {.function = this,
                                         .principal = std::move(service_principal),
                                         .source_arn = std::move(source_arn),
                                         .source_account = std::move(source_account)});
}

EventSourceMapping& Function::add_event_source(std::string id, EventSource source) {
  if (source.grant) source.grant(*role_);
  return add<EventSourceMapping>(std::move(id), {.function = this, .source = std::move(source)});
}

std::vector<std::shared_ptr<const Asset>> Function::assets(Target target) const {
  if (props_.code.kind() == Code::Kind::Asset) return {props_.code.asset()};
  if (target == Target::Terraform && inline_asset_) return {inline_asset_};
  return {};
}

void Function::accept(ResourceVisitor& v) const { v.visit(*this); }
void Permission::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::lambda
