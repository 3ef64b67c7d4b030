// What an EMR cluster runs, in specs: applications, configurations and the metastore (steps and
// bootstrap actions: emr_step_codecs.cpp).
#include <algorithm>

#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ecr/spark_docker.hpp"
#include "l1/suggest.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using namespace aws::emr;

// Applications --------------------------------------------------------------------------------

namespace {

const std::vector<std::string>& known_applications() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (auto* make : {&Application::flink, &Application::ganglia, &Application::hadoop, &Application::hbase,
                       &Application::hcatalog, &Application::hive, &Application::hudi, &Application::hue,
                       &Application::jupyter_enterprise_gateway, &Application::jupyterhub, &Application::livy,
                       &Application::oozie, &Application::phoenix, &Application::pig, &Application::presto,
                       &Application::prestosql, &Application::spark, &Application::sqoop, &Application::tez,
                       &Application::trino, &Application::zeppelin, &Application::zookeeper})
      out.push_back(make().name);
    return out;
  }();
  return names;
}

}  // namespace

bool Codec<Application>::read(const YAML::Node& n, Application& v, Context& c) {
  if (!detail::scalar(n, c, "an application name")) return false;
  const auto& known = known_applications();
  const std::vector<std::string_view> names(known.begin(), known.end());
  const std::string& name = n.Scalar();
  // Names drdb does not know are passed on as written (EMR adds applications); near misses are typos.
  if (std::find(names.begin(), names.end(), name) == names.end() &&
      l1::closest(name, std::span<const std::string_view>(names), [](std::string_view s) { return s; })) {
    c.unknown(n, "application", names);
    return false;
  }
  v = Application{name};
  return true;
}

Schema Codec<Application>::schema() {
  return {{"type", "string"}, {"examples", known_applications()}};
}

// Configurations ------------------------------------------------------------------------------

// Classifications nest (spark-env → export): the schema refers back to itself through an anchor.
template <>
struct Codec<Classification> {
  static constexpr std::string_view anchor = "emr-classification";
  static const FieldList<Classification>& fields() {
    static const FieldList<Classification> list{
        field("classification", &Classification::name, "e.g. spark-defaults, yarn-site, spark-env, export", required),
        field("properties", &Classification::properties, "key → value; values are strings (quote true or 200)"),
        {"configurations", "nested classifications, e.g. export under spark-env", false,
         [](const YAML::Node& n, Classification& s, Context& c) { return Codec<std::vector<Classification>>::read(n, s.nested, c); },
         [] { return Schema{{"type", "array"}, {"items", {{"$ref", "#" + std::string(anchor)}}}}; }}};
    return list;
  }
  static bool read(const YAML::Node& n, Classification& v, Context& c) { return read_fields(n, v, fields(), c, "classification"); }
  static Schema schema() {
    Schema s = object_schema(fields());
    s["$anchor"] = std::string(anchor);
    return s;
  }
};

namespace {

// One source of configurations; later sources override earlier ones, property by property.
struct ConfigurationSource {
  std::string source = "configurations";
  std::vector<Classification> classifications;
};

// {spark_in_docker: {repository: JobImages, image_tag: v1}}: aws::ecr::spark_in_docker.
struct SparkInDocker {
  const aws::ecr::Repository* repository = nullptr;
  std::string image_tag;
};

}  // namespace

template <>
struct Fields<SparkInDocker> {
  static constexpr std::string_view name = "spark_in_docker";
  static const FieldList<SparkInDocker>& get() {
    static const FieldList<SparkInDocker> list{
        field("repository", &SparkInDocker::repository, "the ecr.Repository holding the image", required),
        field("image_tag", &SparkInDocker::image_tag, "an existing tag of the image, e.g. v1", required)};
    return list;
  }
};

template <>
struct Fields<ConfigurationSource> {
  static constexpr std::string_view name = "configurations";
  static const FieldList<ConfigurationSource>& get() {
    static const FieldList<ConfigurationSource> list{
        field("source", &ConfigurationSource::source, "names this source in reports of overridden properties"),
        field("classifications", &ConfigurationSource::classifications, "", required)};
    return list;
  }
};

bool Codec<Configurations>::read(const YAML::Node& n, Configurations& v, Context& c) {
  if (n.IsMap() && n["spark_in_docker"]) {
    if (n.size() != 1) {
      c.error(n, "spark_in_docker stands alone", "give the other classifications as a source of their own");
      return false;
    }
    SparkInDocker docker;
    if (!Codec<SparkInDocker>::read(n["spark_in_docker"], docker, c)) return false;
    v = aws::ecr::spark_in_docker(*docker.repository, docker.image_tag);
    return true;
  }
  ConfigurationSource spec;
  if (!Codec<ConfigurationSource>::read(n, spec, c)) return false;
  v = Configurations(spec.source);
  for (const auto& classification : spec.classifications) v.add(classification);
  return true;
}

Schema Codec<Configurations>::schema() {
  Schema docker = object_schema(Fields<SparkInDocker>::get());
  Schema form{{"type", "object"},
              {"additionalProperties", false},
              {"required", {"spark_in_docker"}},
              {"properties", {{"spark_in_docker", docker}}},
              {"description", "Spark's driver and executors run in an image of a private ECR repository (EMR 6.x)"}};
  return {{"oneOf", {Codec<ConfigurationSource>::schema(), form}}};
}

// Metastore -----------------------------------------------------------------------------------

template <>
struct EnumNames<MetastoreEngine> {
  static constexpr std::pair<std::string_view, MetastoreEngine> values[] = {{"aurora_mysql", MetastoreEngine::AuroraMySql},
                                                                            {"mysql", MetastoreEngine::MySql},
                                                                            {"aurora_postgresql", MetastoreEngine::AuroraPostgreSql}};
};
template <>
struct EnumNames<PasswordDelivery> {
  static constexpr std::pair<std::string_view, PasswordDelivery> values[] = {
      {"emr_secret", PasswordDelivery::EmrSecret}, {"cloudformation_dynamic_reference", PasswordDelivery::CloudFormationDynamicReference}};
};

template <>
struct Fields<GlueCatalog> {
  static constexpr std::string_view name = "Glue Data Catalog";
  static const FieldList<GlueCatalog>& get() {
    static const FieldList<GlueCatalog> list{field("catalog_id", &GlueCatalog::catalog_id, "another account's catalog; empty: this account's"),
                                             field("read_only", &GlueCatalog::read_only, "only the Get* actions")};
    return list;
  }
};

template <>
struct Fields<ExternalHive> {
  static constexpr std::string_view name = "external Hive metastore";
  static const FieldList<ExternalHive>& get() {
    using H = ExternalHive;
    static const FieldList<H> list{
        field("engine", &H::engine, "aurora_mysql (default) or mysql"),
        field("host", &H::host, "the database endpoint", required),
        field("port", &H::port, "default 3306"),
        field("database", &H::database, "default hive"),
        field("user", &H::user, "default hive"),
        field("password_secret_arn", &H::password_secret_arn, "{ref: <secretsmanager.Secret>, attribute: secret_arn} or an ARN", required),
        field("password_delivery", &H::password_delivery, "emr_secret (default; plaintext secret) or cloudformation_dynamic_reference"),
        field("password_json_key", &H::password_json_key, "with cloudformation_dynamic_reference"),
        field("database_security_group", &H::database_security_group, "the database's ec2.SecurityGroup: ingress from the primary node"),
        field("hive_schema_version", &H::hive_schema_version, "2 or 3")};
    return list;
  }
};

const FormList<Metastore>& Forms<Metastore>::get() {
  static const FormList<Metastore> list{
      form<Metastore, GlueCatalog>("glue_catalog", "the AWS Glue Data Catalog ({} for this account's)", &glue_catalog),
      form<Metastore, ExternalHive>("external_hive", "a MySQL-compatible database", &external_hive)};
  return list;
}

}  // namespace drdb::spec
