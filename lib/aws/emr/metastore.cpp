#include "aws/emr/metastore_settings.hpp"

#include <algorithm>

#include "aws/emr/checks.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::emr::detail {

namespace {

bool has(const std::vector<Application>& apps, std::string_view name) {
  return std::any_of(apps.begin(), apps.end(), [&](const Application& a) { return a.name == name; });
}

constexpr std::string_view password_key = "javax.jdo.option.ConnectionPassword";
// EMR replaces an annotated property's secret ARN by the secret's value on the cluster only.
constexpr std::string_view emr_secret_annotation = "EMR.secret@";

Configurations glue_configurations(const GlueCatalog& glue, const std::vector<Application>& apps) {
  Configurations out(std::string{metastore_source});
  for (std::string_view classification : {"hive-site", "spark-hive-site"}) {
    if (!has(apps, classification == "hive-site" ? "Hive" : "Spark")) continue;
    out.set(classification, "hive.metastore.client.factory.class", Str(std::string(glue_client_factory)));
    if (!glue.catalog_id.empty()) out.set(classification, "hive.metastore.glue.catalogid", glue.catalog_id);
  }
  return out;
}

Configurations hive_configurations(const ExternalHive& db) {
  Configurations out(std::string{metastore_source});
  out.hive_site("javax.jdo.option.ConnectionURL",
                Str("jdbc:mysql://") + db.host + ":" + std::to_string(db.port) + "/" + db.database + "?createDatabaseIfNotExist=true");
  // EMR ships the MariaDB Connector/J, which speaks to MySQL and Aurora MySQL.
  out.hive_site("javax.jdo.option.ConnectionDriverName", "org.mariadb.jdbc.Driver");
  out.hive_site("javax.jdo.option.ConnectionUserName", db.user);
  if (db.password_delivery == PasswordDelivery::EmrSecret)
    out.hive_site(std::string(emr_secret_annotation) + std::string(password_key), db.password_secret_arn);
  else
    out.hive_site(std::string(password_key), secrets_manager_dynamic_reference(db.password_secret_arn, db.password_json_key));
  return out;
}

Str glue_arn(const GlueCatalog& glue, std::string_view resource) {
  const Str account = glue.catalog_id.empty() ? pseudo::account_id() : Str(glue.catalog_id);
  return Str("arn:") + pseudo::partition() + ":glue:" + pseudo::region() + ":" + account + ":" + std::string(resource);
}

void grant_glue(const GlueCatalog& glue, iam::Role& role) {
  std::vector<std::string> actions{"glue:BatchGetPartition",    "glue:GetDatabase",   "glue:GetDatabases",
                                   "glue:GetPartition",         "glue:GetPartitions", "glue:GetTable",
                                   "glue:GetTables",            "glue:GetTableVersions",
                                   "glue:GetUserDefinedFunction", "glue:GetUserDefinedFunctions"};
  if (!glue.read_only)
    actions.insert(actions.end(),
                   {"glue:BatchCreatePartition", "glue:BatchDeletePartition", "glue:CreateDatabase", "glue:CreatePartition",
                    "glue:CreateTable", "glue:CreateUserDefinedFunction", "glue:DeleteDatabase", "glue:DeletePartition",
                    "glue:DeleteTable", "glue:DeleteUserDefinedFunction", "glue:UpdateDatabase", "glue:UpdatePartition",
                    "glue:UpdateTable", "glue:UpdateUserDefinedFunction"});
  role.add_to_policy({.actions = std::move(actions),
                      .resources = {glue_arn(glue, "catalog"), glue_arn(glue, "database/*"), glue_arn(glue, "table/*/*"),
                                    glue_arn(glue, "userDefinedFunction/*/*")}});
}

// The secret construct `arn` refers to, if any.
const secretsmanager::Secret* secret_construct(const Str& arn) {
  if (!arn.value().is_expression()) return nullptr;
  const auto* ref = std::get_if<AttrRef>(&arn.value().as_expression());
  return ref == nullptr ? nullptr : dynamic_cast<const secretsmanager::Secret*>(ref->target);
}

// EMR's secret support hands the whole secret string to the cluster as the value, and limits key
// and value together to 1,024 characters; a generated secret of this app says what it will hold.
void check_secret_value(const ExternalHive& db, const std::string& path, Diagnostics& out) {
  constexpr std::size_t emr_secret_limit = 1024;
  const auto* secret = db.password_delivery == PasswordDelivery::EmrSecret ? secret_construct(db.password_secret_arn) : nullptr;
  if (secret == nullptr || !secret->props().generate) return;
  const auto& generated = *secret->props().generate;
  if (!generated.secret_string_template.empty()) {
    out.error(path, "the password secret " + secret->path() + " is a JSON document, and EMR passes the whole secret string as the password",
              "generate a plain password (no secret_string_template), or use PasswordDelivery::CloudFormationDynamicReference with password_json_key");
    return;
  }
  const std::size_t total = password_key.size() + static_cast<std::size_t>(std::max(generated.password_length, 0));
  if (total > emr_secret_limit)
    out.error(path, "EMR limits a configuration secret and its key to 1,024 characters; " + std::string(password_key) + " and a " +
                        std::to_string(generated.password_length) + "-character password take " + std::to_string(total),
              "generate a password of at most " + std::to_string(emr_secret_limit - password_key.size()) + " characters");
}

}  // namespace

Configurations metastore_configurations(const Metastore& metastore, const std::vector<Application>& applications) {
  if (const auto* glue = std::get_if<GlueCatalog>(&metastore)) return glue_configurations(*glue, applications);
  if (const auto* db = std::get_if<ExternalHive>(&metastore)) return hive_configurations(*db);
  return Configurations(std::string{metastore_source});
}

void grant_metastore(const Metastore& metastore, iam::Role& job_flow_role, iam::Role* service_role) {
  if (const auto* glue = std::get_if<GlueCatalog>(&metastore)) grant_glue(*glue, job_flow_role);
  const auto* db = std::get_if<ExternalHive>(&metastore);
  // With a dynamic reference CloudFormation reads the secret with the deployer's credentials.
  if (db == nullptr || db->password_delivery != PasswordDelivery::EmrSecret || service_role == nullptr ||
      is_blank(db->password_secret_arn))
    return;
  // A secret of this app (secret.secret_arn()) grants its own read, with its customer key if any.
  if (const auto* secret = secret_construct(db->password_secret_arn))
    secret->grant_read(*service_role);
  else
    service_role->add_to_policy({.actions = {"secretsmanager:GetSecretValue"}, .resources = {db->password_secret_arn}});
}

void validate_metastore(const Metastore& metastore, const std::vector<Application>& applications,
                        const std::optional<Release>& release, const std::string& path, Diagnostics& out) {
  if (const auto* glue = std::get_if<GlueCatalog>(&metastore)) {
    if (release && *release < Release{5, 8, 0})
      out.error(path, "the Glue Data Catalog as metastore needs emr-5.8.0 or later (" + release->label() + ")",
                "use a later release");
    if (!has(applications, "Hive") && !has(applications, "Spark"))
      out.error(path, "glue_catalog() without Hive or Spark has no effect", "add Application::hive() or Application::spark()");
    if (!glue->catalog_id.empty() &&
        (glue->catalog_id.size() != 12 || !std::all_of(glue->catalog_id.begin(), glue->catalog_id.end(), [](char c) { return c >= '0' && c <= '9'; })))
      out.error(path, "Glue catalog id \"" + glue->catalog_id + "\" is not an account id", "use the 12-digit account id");
    return;
  }
  const auto* db = std::get_if<ExternalHive>(&metastore);
  if (db == nullptr) return;
  if (db->engine == MetastoreEngine::AuroraPostgreSql)
    out.error(path, "an Aurora PostgreSQL metastore cannot be set up at cluster creation",
              "use Aurora MySQL or MySQL, or the Glue Data Catalog");
  if (!has(applications, "Hive"))
    out.error(path, "an external Hive metastore without Hive installed", "add Application::hive()");
  if (is_blank(db->host)) out.error(path, "the external Hive metastore has no host", "set .host to the database endpoint");
  if (db->port < 1 || db->port > 65535)
    out.error(path, "metastore port " + std::to_string(db->port) + " is outside 1-65535", "use the database's port (3306)");
  if (db->database.empty()) out.error(path, "the external Hive metastore has no database name", "set .database");
  if (is_blank(db->user)) out.error(path, "the external Hive metastore has no user", "set .user");
  if (is_blank(db->password_secret_arn))
    out.error(path, "the external Hive metastore has no password secret",
              "set .password_secret_arn to a Secrets Manager secret ARN (never a password)");
  else if (db->password_secret_arn.is_literal() &&
           db->password_secret_arn.value().as_string().find(":secretsmanager:") == std::string::npos)
    out.error(path, "password_secret_arn is not a Secrets Manager secret ARN",
              "use arn:aws:secretsmanager:<region>:<account>:secret:<name>");
  check_secret_value(*db, path, out);
  if (db->database_security_group == nullptr)
    out.error(path, "the external Hive metastore has no database security group",
              "set .database_security_group so the primary node may reach the database");
  if (db->hive_schema_version && *db->hive_schema_version != 2 && *db->hive_schema_version != 3)
    out.error(path, "hive_schema_version " + std::to_string(*db->hive_schema_version) + " is not 2 or 3",
              "use the major version of the metastore schema in the database");
  if (db->hive_schema_version == 3 && release && release->x < 6)
    out.error(path, "a Hive 3 metastore needs emr-6.x or later (" + release->label() + " ships Hive 2)",
              "use emr-6.x or later, or a Hive 2 metastore");
}

}  // namespace drdb::aws::emr::detail
