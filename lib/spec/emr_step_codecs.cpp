// Work an EMR cluster runs, in specs: steps (spark, hive or any jar) and bootstrap actions.
#include "spec/emr_codecs.hpp"
#include "spec/flat_fields.hpp"

namespace drdb::spec {

using namespace aws::emr;

template <>
struct EnumNames<ActionOnFailure> {
  static constexpr std::pair<std::string_view, ActionOnFailure> values[] = {{"continue", ActionOnFailure::Continue},
                                                                            {"cancel_and_wait", ActionOnFailure::CancelAndWait},
                                                                            {"terminate_cluster", ActionOnFailure::TerminateCluster}};
};

namespace {

struct HiveScript {
  Str script = "";
  MapOf<Str> variables;
};

struct CustomJar {
  Str jar = "";
  std::vector<Str> args;
  std::string main_class;
};

struct StepSpec {
  std::string name;
  ActionOnFailure action_on_failure = ActionOnFailure::Continue;
  std::optional<SparkSubmit> spark;
  std::optional<HiveScript> hive;
  std::optional<CustomJar> jar;
  MapOf<Str> properties;
};

constexpr std::string_view step_forms[] = {"spark", "hive", "jar"};

}  // namespace

template <>
struct Fields<SparkSubmit> {
  static constexpr std::string_view name = "spark-submit";
  static const FieldList<SparkSubmit>& get() {
    static const FieldList<SparkSubmit> list{
        field("application", &SparkSubmit::application, "s3://.../job.py or .jar", required),
        field("main_class", &SparkSubmit::main_class, "--class, for a JAR"),
        field("args", &SparkSubmit::args, "the application's own arguments"),
        field("conf", &SparkSubmit::conf, "--conf key=value"),
        field("deploy_mode", &SparkSubmit::deploy_mode, "cluster (default) or client")};
    return list;
  }
};

template <>
struct Fields<HiveScript> {
  static constexpr std::string_view name = "hive script";
  static const FieldList<HiveScript>& get() {
    static const FieldList<HiveScript> list{field("script", &HiveScript::script, "s3://.../query.q", required),
                                            field("variables", &HiveScript::variables, "-d KEY=VALUE")};
    return list;
  }
};

template <>
struct Fields<CustomJar> {
  static constexpr std::string_view name = "jar";
  static const FieldList<CustomJar>& get() {
    static const FieldList<CustomJar> list{field("jar", &CustomJar::jar, "s3://.../app.jar or command-runner.jar", required),
                                           field("args", &CustomJar::args, ""),
                                           field("main_class", &CustomJar::main_class, "")};
    return list;
  }
};

template <>
struct Fields<StepSpec> {
  static constexpr std::string_view name = "step";
  static const FieldList<StepSpec>& get() {
    static const FieldList<StepSpec> list{
        field("name", &StepSpec::name, "", required),
        field("action_on_failure", &StepSpec::action_on_failure, "continue (default), cancel_and_wait or terminate_cluster"),
        field("spark", &StepSpec::spark, "spark-submit through command-runner.jar"),
        field("hive", &StepSpec::hive, "a Hive script"),
        field("jar", &StepSpec::jar, "any JAR"),
        field("properties", &StepSpec::properties, "Java properties of the step's process")};
    return list;
  }
};

bool Codec<Step>::read(const YAML::Node& n, Step& v, Context& c) {
  StepSpec s;
  const bool ok = Codec<StepSpec>::read(n, s, c);
  if (!exactly_one(n, step_forms, c, "step") || !ok) return false;
  if (s.spark) v = Step::spark(s.name, *s.spark, s.action_on_failure);
  else if (s.hive) v = Step::hive(s.name, s.hive->script, s.hive->variables, s.action_on_failure);
  else v = Step::custom_jar(s.name, s.jar->jar, s.jar->args, s.jar->main_class, s.action_on_failure);
  v.properties = std::move(s.properties);
  return true;
}

Schema Codec<Step>::schema() {
  Schema s = Codec<StepSpec>::schema();
  for (auto key : step_forms) s["oneOf"].push_back({{"required", {key}}});
  return s;
}

const FieldList<BootstrapAction>& Fields<BootstrapAction>::get() {
  static const FieldList<BootstrapAction> list{field("name", &BootstrapAction::name, "", required),
                                               field("script", &BootstrapAction::script, "s3://.../install.sh", required),
                                               field("args", &BootstrapAction::args, "")};
  return list;
}

}  // namespace drdb::spec
