// Applications installed on a cluster: typed names for the common ones, any other name as is.
#pragma once

#include <string>

#include "drdb/aws/emr/release.hpp"

namespace drdb::aws::emr {

struct Application {
  std::string name;  // as EMR spells it ("Spark", "JupyterEnterpriseGateway"...)

  static Application flink() { return {"Flink"}; }
  static Application ganglia() { return {"Ganglia"}; }
  static Application hadoop() { return {"Hadoop"}; }
  static Application hbase() { return {"HBase"}; }
  static Application hcatalog() { return {"HCatalog"}; }
  static Application hive() { return {"Hive"}; }
  static Application hudi() { return {"Hudi"}; }
  static Application hue() { return {"Hue"}; }
  static Application jupyter_enterprise_gateway() { return {"JupyterEnterpriseGateway"}; }
  static Application jupyterhub() { return {"JupyterHub"}; }
  static Application livy() { return {"Livy"}; }
  static Application oozie() { return {"Oozie"}; }
  static Application phoenix() { return {"Phoenix"}; }
  static Application pig() { return {"Pig"}; }
  static Application presto() { return {"Presto"}; }
  static Application prestosql() { return {"PrestoSQL"}; }
  static Application spark() { return {"Spark"}; }
  static Application sqoop() { return {"Sqoop"}; }
  static Application tez() { return {"Tez"}; }
  static Application trino() { return {"Trino"}; }
  static Application zeppelin() { return {"Zeppelin"}; }
  static Application zookeeper() { return {"ZooKeeper"}; }

  friend bool operator==(const Application&, const Application&) = default;
};

// Why `app` cannot be installed on `release` ("Trino is available from emr-6.4.0"), or "" when it
// can or drdb has no rule for it. Only documented release boundaries are checked.
std::string unavailable_reason(const Application& app, const Release& release);

}  // namespace drdb::aws::emr
