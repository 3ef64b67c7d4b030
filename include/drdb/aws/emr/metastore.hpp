// Where Hive and Spark keep table metadata: EMR's local metastore (default), the AWS Glue Data
// Catalog, or an external MySQL-compatible database.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "drdb/core/typed.hpp"

namespace drdb::aws::ec2 {
class SecurityGroup;
}

namespace drdb::aws::emr {

// Glue Data Catalog (from emr-5.8.0): set in hive-site and spark-hive-site for the installed
// applications; the job-flow role gets the Glue actions it needs, on this catalog only.
struct GlueCatalog {
  std::string catalog_id;  // another account's catalog; empty: this account's
  bool read_only = false;  // only the Get* actions
};

enum class MetastoreEngine { AuroraMySql, MySql, AuroraPostgreSql /* not supported at cluster creation */ };

// How the database password reaches hive-site. It never appears in a template or module.
enum class PasswordDelivery {
  // "EMR.secret@javax.jdo.option.ConnectionPassword": <secret ARN>. EMR reads the secret with its
  // service role and writes the value only on the cluster; DescribeCluster shows the ARN. The secret
  // must be plaintext (the whole SecretString is the password). Works in every output.
  EmrSecret,
  // {{resolve:secretsmanager:<arn>:SecretString:<json_key>}}: CloudFormation resolves it at deploy
  // time (a JSON secret such as an RDS-managed one works), but then EMR holds the value and
  // DescribeCluster shows it. CloudFormation only: Terraform and RunJobFlow report an error.
  CloudFormationDynamicReference,
};

struct ExternalHive {
  MetastoreEngine engine = MetastoreEngine::AuroraMySql;
  Str host = "";  // the database endpoint, e.g. cluster.endpoint_address()
  int port = 3306;
  std::string database = "hive";
  Str user = "hive";
  // A secret of this app (secret.secret_arn()) or an existing one's ARN. The cluster's service role
  // may read it: a secret construct's grant_read (with its customer key), else GetSecretValue.
  Str password_secret_arn = "";
  PasswordDelivery password_delivery = PasswordDelivery::EmrSecret;
  std::string password_json_key = "password";  // CloudFormationDynamicReference only
  // The database's group: gets ingress from the cluster's primary group (and the primary group
  // egress to it) on `port`.
  ec2::SecurityGroup* database_security_group = nullptr;
  std::optional<int> hive_schema_version;  // 2 or 3: the metastore schema in the database
};

using Metastore = std::variant<std::monostate, GlueCatalog, ExternalHive>;

inline Metastore glue_catalog(GlueCatalog catalog = {}) { return catalog; }
inline Metastore external_hive(ExternalHive database) { return database; }

inline constexpr std::string_view glue_client_factory =
    "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory";

}  // namespace drdb::aws::emr
