// What Task states call in specs: the typed integrations of stepfunctions/tasks/*.hpp, each
// referring to resources of the stack by id and carrying the IAM statements of its call.
//   task: {emr_create_cluster: {cluster: Spark}}
//   task: {emr_add_step: {cluster_id: {path: $.cluster.ClusterId}, step: {name: etl, spark: {...}}}}
//   task: {dynamodb_put_item: {table: Runs, item: {Id: {S: {path: $$.Execution.Name}}}}}
//   task: {lambda_invoke: {function: Notify, payload: {run: {path: $$.Execution.Id}}}}
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/stepfunctions/tasks/dynamodb.hpp"
#include "drdb/aws/stepfunctions/tasks/emr.hpp"
#include "drdb/aws/stepfunctions/tasks/messaging.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/flat_fields.hpp"
#include "spec/iam_codecs.hpp"
#include "spec/sfn_codecs.hpp"

namespace drdb::spec {

using namespace aws::stepfunctions;
using aws::dynamodb::Table;
using aws::emr::Cluster;
using tasks::ClusterId;

// A cluster id, fixed (a string) or read from the state's input ({path: $.cluster.ClusterId}).
template <>
struct Codec<ClusterId> {
  static bool read(const YAML::Node& n, ClusterId& v, Context& c) {
    if (n.IsMap() && n.size() == 1 && n["path"]) {
      std::string path;
      if (!Codec<std::string>::read(n["path"], path, c)) return false;
      v = ClusterId::from_path(std::move(path));
      return true;
    }
    Str id = blank<Str>();
    if (!Codec<Str>::read(n, id, c)) return false;
    v = ClusterId(std::move(id));
    return true;
  }
  static Schema schema() {
    const Schema path{{"type", "object"}, {"additionalProperties", false}, {"required", {"path"}}, {"properties", {{"path", {{"type", "string"}}}}}};
    return {{"oneOf", {Codec<Str>::schema(), path}}};
  }
};

namespace {

struct CreateCluster {
  const Cluster* cluster = nullptr;
  IntegrationPattern pattern = IntegrationPattern::RunJob;
};

struct AddStep {
  ClusterId cluster_id = ClusterId("");
  aws::emr::Step step;
  IntegrationPattern pattern = IntegrationPattern::RunJob;
};

// terminateCluster, setClusterTerminationProtection and describeCluster: a cluster and an option.
struct OnCluster {
  ClusterId cluster_id = ClusterId("");
  IntegrationPattern pattern = IntegrationPattern::RequestResponse;
  bool protect = true;
};

struct PutItem {
  const Table* table = nullptr;
  Payload item;
};

struct UpdateItem {
  const Table* table = nullptr;
  tasks::UpdateItem update;
};

struct GetItem {
  const Table* table = nullptr;
  Payload key;
  bool consistent_read = false;
};

struct Invoke {
  const aws::lambda::Function* function = nullptr;
  std::optional<Str> function_arn;
  tasks::LambdaInvoke options;
};

struct Publish {
  Str topic_arn = "";
  tasks::SnsPublish options;
};

struct Custom {
  Str resource = "";
  Payload parameters;
  aws::iam::PolicyDocument statements;
  IntegrationPattern pattern = IntegrationPattern::RequestResponse;
};

constexpr std::string_view pattern_doc = "request_response, run_job (.sync) or wait_for_task_token";
constexpr std::string_view cluster_id_doc = "the cluster's id, or {path: $.x} to read it from the input";

}  // namespace

template <>
struct Fields<CreateCluster> {
  static constexpr std::string_view name = "emr_create_cluster";
  static const FieldList<CreateCluster>& get() {
    static const FieldList<CreateCluster> list{
        field("cluster", &CreateCluster::cluster, "the emr.Cluster model launched (it must keep alive without steps)", required),
        field("pattern", &CreateCluster::pattern, "run_job (default: ends when the cluster is up) or request_response")};
    return list;
  }
};

template <>
struct Fields<AddStep> {
  static constexpr std::string_view name = "emr_add_step";
  static const FieldList<AddStep>& get() {
    static const FieldList<AddStep> list{field("cluster_id", &AddStep::cluster_id, cluster_id_doc, required),
                                         field("step", &AddStep::step, "the step added", required),
                                         field("pattern", &AddStep::pattern, "run_job (default: ends with the step) or request_response")};
    return list;
  }
};

template <>
struct Fields<OnCluster> {
  static constexpr std::string_view name = "emr cluster call";
  static const FieldList<OnCluster>& get() {
    static const FieldList<OnCluster> list{field("cluster_id", &OnCluster::cluster_id, cluster_id_doc, required),
                                           field("pattern", &OnCluster::pattern, pattern_doc)};
    return list;
  }
  // The fields of describeCluster (the id alone) and of setClusterTerminationProtection.
  static const FieldList<OnCluster>& id_only() {
    static const FieldList<OnCluster> list{get().front()};
    return list;
  }
  static const FieldList<OnCluster>& protection() {
    static const FieldList<OnCluster> list{get().front(), field("protect", &OnCluster::protect, "on (default) or off")};
    return list;
  }
};

template <>
struct Fields<tasks::ListClusters> {
  static constexpr std::string_view name = "emr_list_clusters";
  static const FieldList<tasks::ListClusters>& get() {
    using L = tasks::ListClusters;
    static const FieldList<L> list{field("states", &L::states, "states listed (default: STARTING, BOOTSTRAPPING, RUNNING, WAITING)"),
                                   field("marker_path", &L::marker_path, "the previous page's Marker in the input, e.g. $.page.Marker")};
    return list;
  }
};

template <>
struct Fields<PutItem> {
  static constexpr std::string_view name = "dynamodb_put_item";
  static const FieldList<PutItem>& get() {
    static const FieldList<PutItem> list{field("table", &PutItem::table, "the dynamodb.Table", required),
                                         field("item", &PutItem::item, "attribute → {S: ...} or {N: ...}", required)};
    return list;
  }
};

template <>
struct Fields<tasks::UpdateItem> {
  static constexpr std::string_view name = "dynamodb_update_item";
  static const FieldList<tasks::UpdateItem>& get() {
    using U = tasks::UpdateItem;
    static const FieldList<U> list{field("key", &U::key, "the item's key attributes", required),
                                   field("update_expression", &U::update_expression, "SET #status = :status", required),
                                   field("expression_attribute_names", &U::expression_attribute_names, "#name → attribute name"),
                                   field("expression_attribute_values", &U::expression_attribute_values, ":value → {S: ...}"),
                                   field("condition_expression", &U::condition_expression, "")};
    return list;
  }
};

template <>
struct FlatFields<UpdateItem> {
  static constexpr std::string_view name = "dynamodb_update_item";
  static const FieldList<UpdateItem>& get() {
    static const FieldList<UpdateItem> list{field("table", &UpdateItem::table, "the dynamodb.Table", required)};
    return list;
  }
  static constexpr auto nested = &UpdateItem::update;
  static constexpr std::array<std::string_view, 0> choice{};
};

template <>
struct Fields<GetItem> {
  static constexpr std::string_view name = "dynamodb_get_item";
  static const FieldList<GetItem>& get() {
    static const FieldList<GetItem> list{field("table", &GetItem::table, "the dynamodb.Table", required),
                                         field("key", &GetItem::key, "the item's key attributes", required),
                                         field("consistent_read", &GetItem::consistent_read, "")};
    return list;
  }
};

template <>
struct Fields<tasks::LambdaInvoke> {
  static constexpr std::string_view name = "lambda_invoke";
  static const FieldList<tasks::LambdaInvoke>& get() {
    using L = tasks::LambdaInvoke;
    static const FieldList<L> list{field("payload", &L::payload, "the function's event; default: the state's input"),
                                   field("pattern", &L::pattern, "request_response (default) or wait_for_task_token")};
    return list;
  }
};

template <>
struct FlatFields<Invoke> {
  static constexpr std::string_view name = "lambda_invoke";
  static const FieldList<Invoke>& get() {
    static const FieldList<Invoke> list{field("function", &Invoke::function, "a lambda.Function of the stack"),
                                        field("function_arn", &Invoke::function_arn, "or a function's ARN")};
    return list;
  }
  static constexpr auto nested = &Invoke::options;
  static constexpr std::array<std::string_view, 2> choice{"function", "function_arn"};
};

template <>
struct Fields<tasks::SnsPublish> {
  static constexpr std::string_view name = "sns_publish";
  static const FieldList<tasks::SnsPublish>& get() {
    using P = tasks::SnsPublish;
    static const FieldList<P> list{field("message", &P::message, "the text, or {path: ...} (default: the whole input)"),
                                   field("subject", &P::subject, "")};
    return list;
  }
};

template <>
struct FlatFields<Publish> {
  static constexpr std::string_view name = "sns_publish";
  static const FieldList<Publish>& get() {
    static const FieldList<Publish> list{field("topic_arn", &Publish::topic_arn, "the topic", required)};
    return list;
  }
  static constexpr auto nested = &Publish::options;
  static constexpr std::array<std::string_view, 0> choice{};
};

template <>
struct Fields<Custom> {
  static constexpr std::string_view name = "custom";
  static const FieldList<Custom>& get() {
    static const FieldList<Custom> list{
        field("resource", &Custom::resource, "the integration's ARN, e.g. arn:aws:states:::glue:startJobRun.sync", required),
        field("parameters", &Custom::parameters, "the call's parameters"),
        field("statements", &Custom::statements, "what the state machine's role needs to make the call", required),
        field("pattern", &Custom::pattern, pattern_doc)};
    return list;
  }
};

namespace {

// A form whose value is read with `fields` (a subset of Fields<S>), then made into a call.
template <class S, class Make>
Form<ServiceCall> call(std::string_view key, std::string_view doc, const FieldList<S>& fields, Make make) {
  return {key, doc,
          [&fields, key, make](const YAML::Node& n, ServiceCall& out, Context& c) {
            S spec{};
            if (!read_fields(n, spec, fields, c, key)) return false;
            out = make(std::move(spec));
            return true;
          },
          [&fields] { return object_schema(fields); }};
}

}  // namespace

const FormList<ServiceCall>& Forms<ServiceCall>::get() {
  static const FormList<ServiceCall> list{
      call("emr_create_cluster", "launches the cluster model (createCluster)", Fields<CreateCluster>::get(),
           [](CreateCluster s) { return tasks::emr_create_cluster(*s.cluster, s.pattern); }),
      call("emr_add_step", "adds a step (addStep)", Fields<AddStep>::get(),
           [](AddStep s) { return tasks::emr_add_step(std::move(s.cluster_id), std::move(s.step), s.pattern); }),
      call("emr_terminate_cluster", "terminates a cluster (terminateCluster)", Fields<OnCluster>::get(),
           [](OnCluster s) { return tasks::emr_terminate_cluster(std::move(s.cluster_id), s.pattern); }),
      call("emr_set_termination_protection", "setClusterTerminationProtection", Fields<OnCluster>::protection(),
           [](OnCluster s) { return tasks::emr_set_termination_protection(std::move(s.cluster_id), s.protect); }),
      call("emr_describe_cluster", "aws-sdk:emr:describeCluster", Fields<OnCluster>::id_only(),
           [](OnCluster s) { return tasks::emr_describe_cluster(std::move(s.cluster_id)); }),
      form<ServiceCall, tasks::ListClusters>("emr_list_clusters", "aws-sdk:emr:listClusters ({} for the defaults)",
                                             [](tasks::ListClusters s) { return tasks::emr_list_clusters(std::move(s)); }),
      form<ServiceCall, PutItem>("dynamodb_put_item", "putItem on one table",
                                 [](PutItem s) { return tasks::dynamodb_put_item(*s.table, std::move(s.item)); }),
      form<ServiceCall, UpdateItem>("dynamodb_update_item", "updateItem on one table",
                                    [](UpdateItem s) { return tasks::dynamodb_update_item(*s.table, std::move(s.update)); }),
      form<ServiceCall, GetItem>("dynamodb_get_item", "getItem on one table",
                                 [](GetItem s) { return tasks::dynamodb_get_item(*s.table, std::move(s.key), s.consistent_read); }),
      form<ServiceCall, Invoke>("lambda_invoke", "invokes one function",
                                [](Invoke s) {
                                  return s.function != nullptr ? tasks::lambda_invoke(*s.function, std::move(s.options))
                                                               : tasks::lambda_invoke(*s.function_arn, std::move(s.options));
                                }),
      form<ServiceCall, Publish>("sns_publish", "publishes to one topic",
                                 [](Publish s) { return tasks::sns_publish(std::move(s.topic_arn), std::move(s.options)); }),
      form<ServiceCall, Custom>("custom", "any other resource, with the statements its call needs", [](Custom s) {
        return ServiceCall::custom(std::move(s.resource), std::move(s.parameters), s.statements.statements(), s.pattern);
      })};
  return list;
}

}  // namespace drdb::spec
