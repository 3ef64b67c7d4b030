// Codecs of EMR types, each defined in the file its section names and used by the kinds: the
// cluster's parts (kinds_emr.cpp) and the step a workflow runs (kinds_workflows.cpp).
#pragma once

#include "drdb/aws/emr/cluster.hpp"
#include "spec/fields.hpp"
#include "spec/forms.hpp"

namespace drdb::spec {

// emr_software_codecs.cpp ----------------------------------------------------------------------

// An application as EMR spells it ("Spark"); a near miss of a known name is reported.
template <>
struct Codec<aws::emr::Application> {
  static bool read(const YAML::Node& n, aws::emr::Application& v, Context& c);
  static Schema schema();
};

// {source: tuning, classifications: [{classification: spark-defaults, properties: {...}}]}, or
// {spark_in_docker: {repository: JobImages, image_tag: v1}} (aws::ecr::spark_in_docker).
template <>
struct Codec<aws::emr::Configurations> {
  static bool read(const YAML::Node& n, aws::emr::Configurations& v, Context& c);
  static Schema schema();
};

// {glue_catalog: {...}} or {external_hive: {...}}; unset: the cluster's local metastore.
template <>
struct Forms<aws::emr::Metastore> {
  static constexpr std::string_view name = "metastore";
  static const FormList<aws::emr::Metastore>& get();
};

// emr_step_codecs.cpp --------------------------------------------------------------------------

// name, action_on_failure, and one of spark, hive or jar.
template <>
struct Codec<aws::emr::Step> {
  static bool read(const YAML::Node& n, aws::emr::Step& v, Context& c);
  static Schema schema();
};

template <>
struct Fields<aws::emr::BootstrapAction> {
  static constexpr std::string_view name = "bootstrap action";
  static const FieldList<aws::emr::BootstrapAction>& get();
};

// emr_instance_codecs.cpp ----------------------------------------------------------------------

// {groups: {primary, core, task}} or {fleets: {primary, core, task}}.
template <>
struct Forms<aws::emr::Instances> {
  static constexpr std::string_view name = "instances";
  static const FormList<aws::emr::Instances>& get();
};

// emr_scaling_codecs.cpp -----------------------------------------------------------------------

// A custom automatic scaling policy of an instance group.
template <>
struct Fields<aws::emr::AutoScalingPolicy> {
  static constexpr std::string_view name = "autoscaling policy";
  static const FieldList<aws::emr::AutoScalingPolicy>& get();
};

template <>
struct Fields<aws::emr::ManagedScaling> {
  static constexpr std::string_view name = "managed scaling";
  static const FieldList<aws::emr::ManagedScaling>& get();
};

// kinds_emr_security.cpp -----------------------------------------------------------------------

// emr.SecurityConfiguration and emr.ClusterLauncher (kinds_emr_launcher.cpp), of emr_kinds().
struct Kind;
Kind emr_security_configuration_kind();
Kind emr_cluster_launcher_kind();

}  // namespace drdb::spec
