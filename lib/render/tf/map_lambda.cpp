#include "core/md5.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/l1/tf/lambda.hpp"
#include "render/tf/tf_mapper.hpp"
#include "render/common/lambda_fields.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;
namespace lambda = aws::lambda;

namespace {

// Terraform needs a function name where CloudFormation generates one: "<Stack>-<logical id>",
// shortened to Lambda's 64 characters with a hash of the full name.
std::string function_name(const lambda::Function& fn) {
  if (!fn.props().function_name.empty()) return fn.props().function_name;
  const std::string full = fn.stack().name() + "-" + logical_id(fn);
  if (full.size() <= 64) return full;
  return full.substr(0, 55) + "-" + detail::md5_hex(full).substr(0, 8);
}

void set_code(const lambda::Function& fn, l1::aws_lambda_function& r) {
  const auto& code = fn.props().code;
  if (code.kind() == lambda::Code::Kind::S3Object) {
    r.s3_bucket = *code.bucket();
    r.s3_key = *code.key();
    if (code.object_version()) r.s3_object_version = *code.object_version();
    return;
  }
  // A packaged asset (inline source too): the zip synth writes beside the modules, relative to
  // terraform/<Stack>/ where terraform runs; the hash makes a code change an update.
  const auto assets = fn.assets(Target::Terraform);
  if (assets.empty() || !assets.front()->error().empty()) return;  // reported by validation
  r.filename = "../../" + assets.front()->relative_path();
  r.source_code_hash = assets.front()->sha256_base64();
}

}  // namespace

void TfMapper::visit(const lambda::Function& fn) {
  const auto& props = fn.props();
  l1::aws_lambda_function r;
  r.function_name = function_name(fn);
  if (props.runtime) r.runtime = std::string(lambda::to_string(*props.runtime));
  r.handler = props.handler;
  set_code(fn, r);
  if (!props.description.empty()) r.description = props.description;
  r.memory_size = props.memory_size;
  r.timeout = props.timeout;
  r.architectures = ListOf<Str>{Str(lambda::to_string(props.architecture))};
  r.role = fn.role().arn();
  if (!props.environment.empty())
    r.environment = ListOf<l1::aws_lambda_function::Environment>{{.variables = MapOf<Str>(props.environment.begin(), props.environment.end())}};
  if (props.vpc && props.vpc->vpc != nullptr) {
    l1::aws_lambda_function::VpcConfig vpc;
    vpc.subnet_ids = props.vpc->vpc->subnet_ids(props.vpc->subnets);
    ListOf<Str> groups;
    for (const auto* g : props.vpc->security_groups)
      if (g != nullptr) groups.push_back(g->group_id());
    vpc.security_group_ids = std::move(groups);
    r.vpc_config = ListOf<l1::aws_lambda_function::VpcConfig>{std::move(vpc)};
  }
  if (props.reserved_concurrency) r.reserved_concurrent_executions = *props.reserved_concurrency;
  if (props.dead_letter)
    r.dead_letter_config = ListOf<l1::aws_lambda_function::DeadLetterConfig>{{.target_arn = props.dead_letter->arn}};
  r.logging_config = ListOf<l1::aws_lambda_function::LoggingConfig>{
      {.log_format = Str("Text"), .log_group = fn.log_group().log_group_name()}};
  auto& out = emit(fn, r);
  // The role's policies are separate resources in Terraform; Lambda checks some of them when it
  // creates the function (VPC network interfaces), and the function logs from its first call.
  out.waits_for.push_back(&fn.role());
  bind(fn, "Arn", out, "arn");
  bind(fn, "Name", out, "function_name");
}

void TfMapper::visit(const lambda::Permission& permission) {
  l1::aws_lambda_permission r;
  fill_permission(r, permission);
  r.statement_id = permission.id();  // stable and readable in the function's resource policy
  emit(permission, r);
}

void TfMapper::visit(const lambda::EventSourceMapping& mapping) {
  l1::aws_lambda_event_source_mapping r;
  fill_event_source_mapping(r, mapping);
  const auto& o = mapping.props().source.options;
  if (mapping.props().source.kind == lambda::EventSource::Kind::SqsQueue && o.maximum_concurrency)
    r.scaling_config = ListOf<l1::aws_lambda_event_source_mapping::ScalingConfig>{{.maximum_concurrency = *o.maximum_concurrency}};
  auto& out = emit(mapping, r);
  out.waits_for.push_back(&mapping.function().role());  // Lambda checks the consume permissions on creation
  bind(mapping, "Id", out, "uuid");
}

}  // namespace drdb::render::tf
