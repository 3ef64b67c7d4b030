#include "drdb/aws/emr/step.hpp"

namespace drdb::aws::emr {

namespace {
// EMR's launcher for commands installed on the cluster (spark-submit, hive-script...).
constexpr const char* command_runner = "command-runner.jar";
}  // namespace

std::string_view action_on_failure_name(ActionOnFailure a) {
  switch (a) {
    case ActionOnFailure::Continue: return "CONTINUE";
    case ActionOnFailure::CancelAndWait: return "CANCEL_AND_WAIT";
    case ActionOnFailure::TerminateCluster: return "TERMINATE_CLUSTER";
  }
  return "";
}

Step Step::spark(std::string name, SparkSubmit submit, ActionOnFailure on_failure) {
  std::vector<Str> args{"spark-submit", "--deploy-mode", submit.deploy_mode};
  if (!submit.main_class.empty()) {
    args.emplace_back("--class");
    args.emplace_back(submit.main_class);
  }
  for (const auto& [key, value] : submit.conf) {
    args.emplace_back("--conf");
    args.push_back(key + "=" + value);
  }
  args.push_back(submit.application);
  args.insert(args.end(), submit.args.begin(), submit.args.end());
  return {std::move(name), command_runner, std::move(args), {}, {}, on_failure, "Spark"};
}

Step Step::hive(std::string name, Str script, MapOf<Str> variables, ActionOnFailure on_failure) {
  std::vector<Str> args{"hive-script", "--run-hive-script", "--args", "-f", std::move(script)};
  for (const auto& [key, value] : variables) {
    args.emplace_back("-d");
    args.push_back(key + "=" + value);
  }
  return {std::move(name), command_runner, std::move(args), {}, {}, on_failure, "Hive"};
}

Step Step::custom_jar(std::string name, Str jar, std::vector<Str> args, std::string main_class, ActionOnFailure on_failure) {
  return {std::move(name), std::move(jar), std::move(args), std::move(main_class), {}, on_failure, {}};
}

Value Step::api_value() const {
  List arg_values;
  for (const auto& a : args) arg_values.push_back(a.value());
  Object jar_step{{"Jar", jar.value()}};
  if (!arg_values.empty()) jar_step.emplace("Args", Value(std::move(arg_values)));
  if (!main_class.empty()) jar_step.emplace("MainClass", main_class);
  if (!properties.empty()) {
    List props;
    for (const auto& [key, value] : properties) props.push_back(Value::object({{"Key", key}, {"Value", value.value()}}));
    jar_step.emplace("Properties", Value(std::move(props)));
  }
  return Value::object({{"ActionOnFailure", std::string(action_on_failure_name(action_on_failure))},
                        {"HadoopJarStep", Value(std::move(jar_step))},
                        {"Name", name}});
}

Value BootstrapAction::api_value() const {
  Object script_action{{"Path", script.value()}};
  if (!args.empty()) {
    List arg_values;
    for (const auto& a : args) arg_values.push_back(a.value());
    script_action.emplace("Args", Value(std::move(arg_values)));
  }
  return Value::object({{"Name", name}, {"ScriptBootstrapAction", Value(std::move(script_action))}});
}

Str steps_json(const std::vector<Step>& steps) {
  List list;
  for (const auto& step : steps) list.push_back(step.api_value());
  return Str::of(json_string(Value(std::move(list))));
}

}  // namespace drdb::aws::emr
