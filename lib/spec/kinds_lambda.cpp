// lambda.Function in specs: runtime, code (inline, S3 or a local asset), settings, VPC placement;
// actions (lambda_codecs.hpp): event sources, invoke grants and permissions, role statements.
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "spec/ec2_codecs.hpp"
#include "spec/flat_fields.hpp"
#include "spec/forms.hpp"
#include "spec/iam_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/lambda_codecs.hpp"
#include "spec/logs_codecs.hpp"
#include "spec/role_grants.hpp"

namespace drdb::spec {

using namespace aws::lambda;

template <>
struct EnumNames<Architecture> {
  static constexpr std::pair<std::string_view, Architecture> values[] = {{"x86_64", Architecture::X86_64},
                                                                         {"arm64", Architecture::Arm64}};
};
template <>
struct EnumNames<DeadLetterTarget::Kind> {
  static constexpr std::pair<std::string_view, DeadLetterTarget::Kind> values[] = {
      {"sqs_queue", DeadLetterTarget::Kind::SqsQueue}, {"sns_topic", DeadLetterTarget::Kind::SnsTopic}};
};
template <>
struct EnumNames<StartingPosition> {
  static constexpr std::pair<std::string_view, StartingPosition> values[] = {
      {"latest", StartingPosition::Latest}, {"trim_horizon", StartingPosition::TrimHorizon}};
};

namespace {

struct S3Code {
  Str bucket = "";
  Str key = "";
  std::optional<Str> object_version;
};

EventSource event_source(const EventSourceSpec& s) {
  if (s.queue != nullptr) return sqs_queue_source(*s.queue, s.options);
  if (s.table != nullptr) return dynamodb_stream_source(*s.table, s.options);
  if (s.queue_arn) return sqs_queue_source(*s.queue_arn, s.fifo, s.options);
  return dynamodb_stream_source(*s.stream_arn, s.options);
}

}  // namespace

template <>
struct Fields<S3Code> {
  static constexpr std::string_view name = "s3 code";
  static const FieldList<S3Code>& get() {
    static const FieldList<S3Code> list{field("bucket", &S3Code::bucket, "", required), field("key", &S3Code::key, "", required),
                                        field("object_version", &S3Code::object_version, "")};
    return list;
  }
};

const FormList<Code>& Forms<Code>::get() {
  static const FormList<Code> list{
        form<Code, std::string>("inline", "the handler's source (Node.js and Python), at most 4096 characters", &Code::from_inline),
      form<Code, S3Code>("s3", "an object uploaded by other means",
                         [](S3Code s) { return Code::from_s3(std::move(s.bucket), std::move(s.key), std::move(s.object_version)); }),
      // Labelled with the path as written, so the asset manifest is the same on every machine.
      form<Code, std::string>("asset", "a file or directory, zipped; a relative path is relative to the spec file",
                            [](const std::string& path, Context& c) { return Code::from_asset(c.directory() / path, path); })};
  return list;
}

template <>
struct Fields<VpcPlacement> {
  static constexpr std::string_view name = "vpc placement";
  static const FieldList<VpcPlacement>& get() {
    static const FieldList<VpcPlacement> list{
        field("vpc", &VpcPlacement::vpc, "an ec2.Vpc of this stack", required),
        field("subnets", &VpcPlacement::subnets, "private_with_egress (default), isolated or public"),
        field("security_groups", &VpcPlacement::security_groups, "at least one ec2.SecurityGroup", required)};
    return list;
  }
};

template <>
struct Fields<DeadLetterTarget> {
  static constexpr std::string_view name = "dead letter";
  static const FieldList<DeadLetterTarget>& get() {
    static const FieldList<DeadLetterTarget> list{
        field("kind", &DeadLetterTarget::kind, "sqs_queue (default) or sns_topic"),
        field("arn", &DeadLetterTarget::arn, "e.g. {ref: <sqs.Queue id>, attribute: queue_arn}", required)};
    return list;
  }
};

template <>
struct Fields<Function::Props> {
  static constexpr std::string_view name = "lambda.Function";
  static const FieldList<Function::Props>& get() {
    using P = Function::Props;
    static const FieldList<P> list{
        field("function_name", &P::function_name, "empty: generated (recommended)"),
        field("runtime", &P::runtime, "python3.13, nodejs22.x, java21, provided.al2023...", required),
        field("handler", &P::handler, "e.g. index.handler", required),
        field("code", &P::code, "{inline: ...}, {s3: {bucket, key}} or {asset: <path>}", required),
        field("description", &P::description, ""),
        field("memory_size", &P::memory_size, "MB, 128-10240 (default 128)"),
        field("timeout", &P::timeout, "seconds, 1-900 (default 3)"),
        field("architecture", &P::architecture, "x86_64 (default) or arm64"),
        field("environment", &P::environment, "name → value or {ref, attribute}; never secrets (pass a secret's ARN)"),
        field("vpc", &P::vpc, "placement in subnets of a VPC of this stack"),
        field("reserved_concurrency", &P::reserved_concurrency, "0 stops all invocations"),
        field("dead_letter", &P::dead_letter, "where events that failed every asynchronous retry go"),
        field("role", &P::role, "an iam.Role of this stack; default: one created for the function"),
        field("log_retention", &P::log_retention, "of the function's log group; one_year by default"),
        field("log_key", &P::log_key, "a kms.Key of this stack with allow_log_encryption"),
        field("log_group_name", &P::log_group_name, "the log group's name; default /aws/lambda/<function_name>, or generated")};
    return list;
  }
};

template <>
struct Fields<EventSourceOptions> {
  static constexpr std::string_view name = "event source";
  static const FieldList<EventSourceOptions>& get() {
    using O = EventSourceOptions;
    static const FieldList<O> list{
        field("batch_size", &O::batch_size, "default 10; FIFO queues 1-10, standard queues and streams up to 10000"),
        field("max_batching_window_seconds", &O::max_batching_window_seconds, "0-300"),
        field("enabled", &O::enabled, "on by default"),
        field("report_batch_item_failures", &O::report_batch_item_failures, "retry only the failed records; on by default"),
        field("maximum_concurrency", &O::maximum_concurrency, "queues: 2-1000 concurrent invocations"),
        field("starting_position", &O::starting_position, "streams: latest (default) or trim_horizon"),
        field("maximum_retry_attempts", &O::maximum_retry_attempts, "streams: -1 (until the record expires) to 10000"),
        field("maximum_record_age_seconds", &O::maximum_record_age_seconds, "streams: -1 (no limit) or 60-604800"),
        field("bisect_batch_on_error", &O::bisect_batch_on_error, "streams")};
    return list;
  }
};

template <>
struct FlatFields<EventSourceSpec> {
  static constexpr std::string_view name = "event source";
  static constexpr auto nested = &EventSourceSpec::options;
  static constexpr std::array<std::string_view, 4> choice{"queue", "table", "queue_arn", "stream_arn"};
  static const FieldList<EventSourceSpec>& get() {
    using S = EventSourceSpec;
    static const FieldList<S> list{
        field("id", &S::id, "the event source mapping's id, unique in the function", required),
        field("queue", &S::queue, "an sqs.Queue of this stack"),
        field("table", &S::table, "a dynamodb.Table of this stack with a stream"),
        field("queue_arn", &S::queue_arn, "any queue by ARN"),
        field("fifo", &S::fifo, "with queue_arn: whether the queue is FIFO"),
        field("stream_arn", &S::stream_arn, "any DynamoDB stream by ARN")};
    return list;
  }
};

template <>
struct Fields<InvokePermission> {
  static constexpr std::string_view name = "invoke permission";
  static const FieldList<InvokePermission>& get() {
    using I = InvokePermission;
    static const FieldList<I> list{
        field("id", &I::id, "the permission's id, unique in the function", required),
        field("principal", &I::principal, "the calling service, e.g. s3.amazonaws.com", required),
        field("source_arn", &I::source_arn, "the calling resource", required),
        field("source_account", &I::source_account, "give it when the source ARN names no account (S3 buckets)")};
    return list;
  }
};

template <>
struct GrantNames<Function> {
  static constexpr std::pair<std::string_view, GrantMethod<Function>> values[] = {{"invoke", &Function::grant_invoke}};
};

const FieldList<FunctionActions>& Fields<FunctionActions>::get() {
  using A = FunctionActions;
  static const FieldList<A> list{
      field("event_sources", &A::event_sources, "queues and streams the function polls; its role gets what polling needs"),
      field("grants", &A::grants, "roles allowed to invoke the function"),
      field("invoke_permissions", &A::invoke_permissions, "services allowed to invoke the function, scoped to a source"),
      field("statements", &A::statements, "added to the function's role")};
  return list;
}

void apply_function_actions(Function& function, const FunctionActions& a) {
  for (const auto& s : a.event_sources) function.add_event_source(s.id, event_source(s));
  grant_all(function, a.grants);
  for (const auto& p : a.invoke_permissions) function.allow_invocation(p.id, p.principal, p.source_arn, p.source_account);
  for (const auto& s : a.statements.statements()) function.role().add_to_policy(s);
}

std::vector<Kind> lambda_kinds() {
  return {make_kind<Function, FunctionActions>("a Lambda function with its own least-privilege role and a log group with a finite retention",
                                                function_attributes<Function>(), &apply_function_actions)};
}

}  // namespace drdb::spec
