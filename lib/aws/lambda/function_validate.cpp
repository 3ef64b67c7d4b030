// Function::validate: every problem of the props, each with the function's path and a fix.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::lambda {

namespace {

constexpr std::size_t inline_code_limit = 4096;                   // CloudFormation's ZipFile
constexpr std::uintmax_t unzipped_limit = 250ULL * 1024 * 1024;    // Lambda's deployment package limit
constexpr std::size_t environment_limit = 4096;                   // all keys and values together

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Set by the Lambda runtime itself: a function may not define them.
bool reserved_variable(const std::string& name) {
  static constexpr std::array<std::string_view, 4> runtime_names = {"_HANDLER", "_X_AMZN_TRACE_ID", "LAMBDA_TASK_ROOT",
                                                                    "LAMBDA_RUNTIME_DIR"};
  return name.starts_with("AWS_") ||
         std::find(runtime_names.begin(), runtime_names.end(), name) != runtime_names.end();
}

void validate_environment(const Function::Props& props, const std::string& p, Diagnostics& out) {
  std::size_t size = 0;
  bool all_literal = true;
  for (const auto& [name, value] : props.environment) {
    bool valid = name.size() >= 2 && is_letter(name.front());
    for (char c : name) valid = valid && (is_letter(c) || is_digit(c) || c == '_');
    if (!valid)
      out.error(p, "environment variable name \"" + name + "\" is not valid",
                "use a letter followed by at least one letter, digit or underscore, e.g. TABLE_NAME");
    else if (reserved_variable(name))
      out.error(p, "environment variable \"" + name + "\" is reserved by the Lambda runtime",
                "choose another name (AWS_* and the runtime's own variables are set by Lambda)");
    size += name.size();
    // Secret-looking values are the rule pack's LAMBDA.1 (suppressible, with a reason).
    if (value.is_literal()) {
      size += value.value().as_string().size();
    } else {
      all_literal = false;
    }
  }
  if (all_literal && size > environment_limit)
    out.error(p, "environment variables take " + std::to_string(size) + " bytes; Lambda allows 4096 in all",
              "move large values to S3, SSM Parameter Store or Secrets Manager and pass their names");
}

void validate_code(const Function::Props& props, const std::string& p, Diagnostics& out) {
  const auto& code = props.code;
  switch (code.kind()) {
    case Code::Kind::None:
      out.error(p, "the function has no code", "set .code = Code::from_asset(path), Code::from_s3(...) or Code::from_inline(source)");
      break;
    case Code::Kind::Inline:
      if (code.inline_source().empty()) out.error(p, "the inline source is empty", "give the handler's source");
      if (code.inline_source().size() > inline_code_limit)
        out.error(p, "the inline source is " + std::to_string(code.inline_source().size()) +
                         " characters; CloudFormation accepts at most 4096",
                  "package it with Code::from_asset(path) instead");
      if (props.runtime && !supports_inline_code(*props.runtime))
        out.error(p, "inline source needs a Node.js or Python runtime, not " + std::string(to_string(*props.runtime)),
                  "package the code with Code::from_asset(path)");
      if (!props.handler.empty() && !props.handler.starts_with("index."))
        out.error(p, "inline source is written to the file index; handler \"" + props.handler + "\" names another module",
                  "use a handler of the form index.<function>, e.g. index.handler");
      break;
    case Code::Kind::S3Object:
      if (code.bucket()->is_literal() && code.bucket()->value().as_string().empty())
        out.error(p, "the code's S3 bucket is empty", "name the bucket holding the package");
      if (code.key()->is_literal() && code.key()->value().as_string().empty())
        out.error(p, "the code's S3 key is empty", "give the key of the .zip package");
      break;
    case Code::Kind::Asset: {
      const auto& asset = *code.asset();
      if (!asset.error().empty())
        out.error(p, "the code asset cannot be packaged: " + asset.error(),
                  "check the path given to Code::from_asset (relative paths are relative to the current directory)");
      else if (asset.unzipped_size() > unzipped_limit)
        out.error(p, "the code asset " + asset.source() + " is " + std::to_string(asset.unzipped_size() / (1024 * 1024)) +
                         " MB unzipped; Lambda allows 250 MB",
                  "leave out what the function does not need, or use layers or a container image");
      break;
    }
  }
}

void validate_vpc(const VpcPlacement& vpc, const std::string& p, Diagnostics& out) {
  if (vpc.vpc == nullptr) {
    out.error(p, "vpc placement has no VPC", "set .vpc = VpcPlacement{.vpc = &network, ...}, or drop .vpc");
    return;
  }
  if (vpc.vpc->subnets_of(vpc.subnets).empty())
    out.error(p, "the VPC " + vpc.vpc->node().path() + " has no " + std::string(ec2::describe(vpc.subnets)) + " subnets",
              "choose a subnet type the VPC has (a function needs a NAT gateway or VPC endpoints to reach AWS APIs)");
  if (vpc.subnets == ec2::SubnetType::Public)
    out.error(p, "a function in public subnets gets no public address and cannot reach the internet",
              "use SubnetType::PrivateWithEgress");
  if (vpc.security_groups.empty())
    out.error(p, "vpc placement has no security group", "give at least one in .security_groups");
  if (vpc.security_groups.size() > 5)
    out.error(p, std::to_string(vpc.security_groups.size()) + " security groups; Lambda allows 5", "merge some groups");
  for (const auto* g : vpc.security_groups)
    if (g == nullptr) out.error(p, "a security group of the vpc placement is null", "pass existing groups");
}

void check_range(Diagnostics& out, const std::string& p, std::string_view what, int value, int lo, int hi,
                 std::string_view unit) {
  if (value < lo || value > hi)
    out.error(p, std::string(what) + " " + std::to_string(value) + " is out of range",
              "use " + std::to_string(lo) + "-" + std::to_string(hi) + " " + std::string(unit));
}

}  // namespace

void Function::validate(Diagnostics& out) const {
  const auto p = path();
  // A deprecated runtime is the rule pack's LAMBDA.3 (a warning that can be suppressed with a reason).
  if (!props_.runtime) out.error(p, "the function has no runtime", "set .runtime, e.g. Runtime::Python313");
  if (props_.handler.empty())
    out.error(p, "the function has no handler", "set .handler, e.g. \"index.handler\" (file index, function handler)");
  else if (props_.handler.size() > 128 ||
           std::any_of(props_.handler.begin(), props_.handler.end(), [](unsigned char c) { return std::isspace(c) != 0; }))
    out.error(p, "handler \"" + props_.handler + "\" is not valid", "use at most 128 characters without spaces, e.g. app.handler");
  if (!props_.function_name.empty()) {
    bool valid = props_.function_name.size() <= 64;
    for (char c : props_.function_name) valid = valid && (is_letter(c) || is_digit(c) || c == '-' || c == '_');
    if (!valid)
      out.error(p, "function name \"" + props_.function_name + "\" is not valid",
                "use at most 64 letters, digits, hyphens and underscores, or leave it empty to have one generated");
  }
  if (props_.description.size() > 256)
    out.error(p, "description is " + std::to_string(props_.description.size()) + " characters long", "keep it to 256");
  check_range(out, p, "memory_size", props_.memory_size, 128, 10240, "MB");
  check_range(out, p, "timeout", props_.timeout, 1, 900, "seconds");
  if (props_.reserved_concurrency && *props_.reserved_concurrency < 0)
    out.error(p, "reserved_concurrency " + std::to_string(*props_.reserved_concurrency) + " is negative",
              "use 0 (no invocations) or more, or leave it unset");
  validate_code(props_, p, out);
  validate_environment(props_, p, out);
  if (props_.vpc) validate_vpc(*props_.vpc, p, out);
  if (props_.dead_letter && props_.dead_letter->arn.is_literal()) {
    const auto& arn = props_.dead_letter->arn.value().as_string();
    const bool sqs = props_.dead_letter->kind == DeadLetterTarget::Kind::SqsQueue;
    if (arn.find(sqs ? ":sqs:" : ":sns:") == std::string::npos || !arn.starts_with("arn:"))
      out.error(p, "dead-letter target \"" + arn + "\" is not an " + (sqs ? "SQS queue" : "SNS topic") + " ARN",
                sqs ? "pass queue.queue_arn() or arn:aws:sqs:<region>:<account>:<name>"
                    : "pass the topic's ARN, arn:aws:sns:<region>:<account>:<name>");
  }
}

void Permission::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.function == nullptr) out.error(p, "the permission names no function", "create it with function.allow_invocation(...)");
  if (props_.principal.empty())
    out.error(p, "the permission has no principal", "name the invoking service, e.g. \"s3.amazonaws.com\"");
  else if (props_.principal.ends_with(".amazonaws.com") && !props_.source_arn)
    out.error(p, "any resource of service " + props_.principal + " in any account could invoke the function",
              "give the calling resource's ARN as source_arn");
  if (props_.action != "lambda:InvokeFunction" && props_.action != "lambda:InvokeFunctionUrl")
    out.error(p, "action \"" + props_.action + "\" is not an invocation", "use lambda:InvokeFunction");
}

}  // namespace drdb::aws::lambda
