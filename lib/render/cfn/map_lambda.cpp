#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/l1/cfn/lambda.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/common/lambda_fields.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::lambda;
namespace lambda = aws::lambda;

namespace {

l1::Function::Code code_of(const lambda::Function& fn) {
  const auto& code = fn.props().code;
  l1::Function::Code c;
  switch (code.kind()) {
    case lambda::Code::Kind::Inline: c.zip_file = code.inline_source(); break;
    case lambda::Code::Kind::S3Object:
      c.s3_bucket = *code.bucket();
      c.s3_key = *code.key();
      if (code.object_version()) c.s3_object_version = *code.object_version();
      break;
    case lambda::Code::Kind::Asset:
      // Uploaded from assets.json before deploying; the bucket is the stack's AssetsBucket parameter.
      c.s3_bucket = dynamic_cast<const Parameter&>(*fn.stack().find_child("AssetsBucket")).as_str();
      c.s3_key = code.asset()->relative_path();
      break;
    case lambda::Code::Kind::None: break;  // reported by validation
  }
  return c;
}

}  // namespace

void CfnMapper::visit(const lambda::Function& fn) {
  const auto& props = fn.props();
  l1::Function r;
  if (!props.function_name.empty()) r.function_name = props.function_name;
  if (props.runtime) r.runtime = std::string(lambda::to_string(*props.runtime));
  r.handler = props.handler;
  r.code = code_of(fn);
  if (!props.description.empty()) r.description = props.description;
  r.memory_size = props.memory_size;
  r.timeout = props.timeout;
  r.architectures = ListOf<Str>{Str(lambda::to_string(props.architecture))};
  r.role = fn.role().arn();
  if (!props.environment.empty()) {
    MapOf<Value> vars;
    for (const auto& [k, v] : props.environment) vars.emplace(k, v.value());
    r.environment = l1::Function::Environment{.variables = std::move(vars)};
  }
  if (props.vpc && props.vpc->vpc != nullptr) {
    l1::Function::VpcConfig vpc;
    vpc.subnet_ids = props.vpc->vpc->subnet_ids(props.vpc->subnets);
    ListOf<Str> groups;
    for (const auto* g : props.vpc->security_groups)
      if (g != nullptr) groups.push_back(g->group_id());
    vpc.security_group_ids = std::move(groups);
    r.vpc_config = std::move(vpc);
  }
  if (props.reserved_concurrency) r.reserved_concurrent_executions = *props.reserved_concurrency;
  if (props.dead_letter) r.dead_letter_config = l1::Function::DeadLetterConfig{.target_arn = props.dead_letter->arn};
  r.logging_config = l1::Function::LoggingConfig{.log_format = Str("Text"), .log_group = fn.log_group().log_group_name()};
  const auto& out = emit(fn, r);
  bind(fn, "Arn", out, "Arn");
  bind_ref(fn, "Name", out);
}

void CfnMapper::visit(const lambda::Permission& permission) {
  l1::Permission r;
  fill_permission(r, permission);
  emit(permission, r);
}

void CfnMapper::visit(const lambda::EventSourceMapping& mapping) {
  l1::EventSourceMapping r;
  fill_event_source_mapping(r, mapping);
  const auto& o = mapping.props().source.options;
  if (mapping.props().source.kind == lambda::EventSource::Kind::SqsQueue && o.maximum_concurrency)
    r.scaling_config = l1::EventSourceMapping::ScalingConfig{.maximum_concurrency = *o.maximum_concurrency};
  const auto& out = emit(mapping, r);
  bind_ref(mapping, "Id", out);
}

}  // namespace drdb::render::cfn
