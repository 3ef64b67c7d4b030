#include "drdb/reference.hpp"
#include "cluster_security.hpp"
#include "job_script.hpp"
#include "network/network.hpp"

namespace drdb::examples::drdb_app {

using namespace aws::emr;
using aws::events::Schedule;
using aws::stepfunctions::ClusterLifecycle;
using aws::stepfunctions::EnsureClusterRunStep;

void build(App& app) {
  auto& stack = app.add<Stack>("Drdb", {.description = "drdb reference architecture: uploads run Spark on a reused or new EMR cluster",
                                        .region = "us-east-1"});
  stack.tag("project", "drdb");
  auto& vpc = network::add_compact_vpc(stack, "10.20.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& landing = stack.add<aws::s3::Bucket>("Landing", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/landing/"});
  auto& ingest_script = job_script(stack, "IngestScript", "drdb", "ingest.py");
  auto& lake = stack.add<aws::s3::Bucket>("Lake", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/lake/"});

  auto& security = encrypted_at_rest(stack, "the DRDB clusters");

  // Instance fleets over the private subnets of both zones: EMR launches each cluster in whichever
  // zone has the capacity. Primary and core nodes (HDFS) are On-Demand; task nodes are Spot from
  // three types (capacity-optimized: the pools least likely to be reclaimed), added and removed by
  // managed scaling, which may add nothing but Spot task nodes.
  const std::vector<EbsVolume> primary_disk{{.type = VolumeType::Gp3, .size_gib = 64}};
  const std::vector<EbsVolume> hdfs{{.type = VolumeType::Gp3, .size_gib = 256, .throughput_mibps = 250, .volumes_per_instance = 2}};
  const std::vector<EbsVolume> scratch{{.type = VolumeType::Gp3, .size_gib = 128}};
  auto fleet_types = [](std::vector<std::string> names, const std::vector<EbsVolume>& ebs) {
    std::vector<FleetInstanceType> out;
    for (auto& name : names) out.push_back({.instance_type = std::move(name), .ebs = ebs});
    return out;
  };
  auto& cluster = stack.add<Cluster>(
      "Spark", {.name = "drdb",
                .release_label = "emr-7.1.0",
                .launch = Launch::ByWorkflows,
                .applications = {Application::spark(), Application::hive()},
                .instances = InstanceFleets{
                    .primary = {.on_demand_capacity = 1, .instance_types = fleet_types({"m5.xlarge", "m6i.xlarge"}, primary_disk)},
                    .core = InstanceFleet{.on_demand_capacity = 2, .instance_types = fleet_types({"r5.2xlarge", "r6i.2xlarge"}, hdfs)},
                    .task = InstanceFleet{
                        .instance_types = fleet_types({"r5.2xlarge", "r5a.2xlarge", "r6i.2xlarge"}, scratch),
                        .spot = SpotProvisioning{.timeout_minutes = 10, .allocation = SpotAllocation::CapacityOptimized}}},
                .vpc = &vpc,
                .subnets = {vpc.private_subnets()[0], vpc.private_subnets()[1]},
                // SSH from inside the VPC only; CloudFormation generates the key and keeps its private
                // key in SSM (output SparkPrivateKeyParameter), Terraform imports the operator's.
                .ssh = SshAccess{.create_key_pair = true, .allowed_cidrs = {"10.20.0.0/16"}},
                .security_configuration = &security,
                .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                .metastore = glue_catalog(),
                // 3 units (primary and core, On-Demand) up to 11: at most 8 Spot task nodes.
                .managed_scaling = ManagedScaling{.unit = CapacityUnit::InstanceFleetUnits,
                                                  .min_capacity = 3,
                                                  .max_capacity = 11,
                                                  .max_on_demand_capacity = 3,
                                                  .max_core_capacity = 3},
                .idle_timeout_seconds = 2 * 3600});
  cluster.suppress("EMR.4", "batch steps in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  ingest_script.grant_read(cluster.job_flow_role());
  landing.grant_read(cluster.job_flow_role());
  lake.grant_read_write(cluster.job_flow_role());

  auto& runs = stack.add<aws::dynamodb::Table>("RunLog", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  auto& workflow = stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest", {.application = ingest_script.s3_uri(),
                                                // the uploaded object, then where the job writes
                                                .args = {EnsureClusterRunStep::object_uri(), Str("s3://") + lake.bucket_name() + "/"}}),
                 .run_log = &runs,
                 .data_product = "drdb",
                 .poll_seconds = 60});
  workflow.run_on_upload(landing, {"incoming/"});

  // Working hours on weekdays (UTC): a cluster is started at 06:00 and every one stopped (EMR can only
  // terminate) at 20:00; at 03:00 each night a running cluster is replaced by a fresh one, so none
  // outlives a day of drift or leaked state. Uploads outside those hours still launch one on demand.
  stack.add<ClusterLifecycle>("Recycle", {.cluster = &cluster,
                                          .start = Schedule::cron({.minutes = "0", .hours = "6", .day_of_week = "MON-FRI"}),
                                          .stop = Schedule::cron({.minutes = "0", .hours = "20", .day_of_week = "MON-FRI"}),
                                          .recycle = Schedule::cron({.minutes = "0", .hours = "3"})});

  stack.add<Output>("LandingBucket", {.value = landing.bucket_name().value(), .description = "Upload under incoming/"});
  stack.add<Output>("StateMachineArn", {.value = workflow.state_machine_arn().value(), .description = "The ensure-cluster workflow"});
  stack.add<Output>("RunLogTable", {.value = runs.table_name().value(), .description = "Every run and operation"});
}

}  // namespace drdb::examples::drdb_app
