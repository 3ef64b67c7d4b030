// Work a cluster runs: steps (Spark, Hive, any JAR) and bootstrap actions (scripts run on every
// node before the applications start).
#pragma once

#include <string>
#include <vector>

#include "drdb/core/typed.hpp"

namespace drdb::aws::emr {

enum class ActionOnFailure { Continue, CancelAndWait, TerminateCluster };

std::string_view action_on_failure_name(ActionOnFailure a);

// spark-submit through EMR's command-runner.jar.
struct SparkSubmit {
  Str application = "";         // s3://bucket/jobs/etl.py or .jar
  std::string main_class;       // --class, for a JAR
  std::vector<Str> args;        // the application's own arguments
  MapOf<Str> conf;              // --conf key=value
  std::string deploy_mode = "cluster";  // "cluster" or "client"
};

struct Step {
  std::string name;
  Str jar = "";                 // "command-runner.jar" or s3://.../app.jar
  std::vector<Str> args;
  std::string main_class;
  MapOf<Str> properties;        // Java properties of the step's process
  ActionOnFailure action_on_failure = ActionOnFailure::Continue;
  std::string needs_application;  // set by spark()/hive(): the application the step runs on

  static Step spark(std::string name, SparkSubmit submit, ActionOnFailure on_failure = ActionOnFailure::Continue);
  // hive-script --run-hive-script --args -f <script> -d KEY=VALUE...
  static Step hive(std::string name, Str script, MapOf<Str> variables = {},
                   ActionOnFailure on_failure = ActionOnFailure::Continue);
  static Step custom_jar(std::string name, Str jar, std::vector<Str> args = {}, std::string main_class = {},
                         ActionOnFailure on_failure = ActionOnFailure::Continue);

  // EMR API shape (StepConfig).
  Value api_value() const;
};

// Steps in EMR's API shape as JSON text, for a program that adds them itself (boto3's
// run_job_flow(Steps=json.loads(...)), e.g. from a Lambda function's environment); deploy-time
// values in them stay references the targets resolve.
Str steps_json(const std::vector<Step>& steps);

struct BootstrapAction {
  std::string name;
  Str script = "";  // s3://bucket/bootstrap/install.sh
  std::vector<Str> args;

  // EMR API shape (BootstrapActionConfig).
  Value api_value() const;
};

}  // namespace drdb::aws::emr
