// Application configurations ("classifications"): typed helpers for the common classifications,
// free-form ones for the rest, and a merge of several sources in which a later source overrides an
// earlier one and every overridden property is reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/typed.hpp"

namespace drdb::aws::emr {

// One classification: properties and nested classifications (spark-env → export).
struct Classification {
  std::string name;  // "spark-defaults"
  MapOf<Str> properties;
  std::vector<Classification> nested;

  // EMR API shape: {"Classification", "Properties", "Configurations"}.
  Value api_value() const;
};

// One source of configuration (a team's defaults, a job's tuning...), named for conflict reports.
class Configurations {
 public:
  explicit Configurations(std::string source = "configurations") : source_(std::move(source)) {}

  // Sets `key` of `classification`; setting it again in the same source replaces it.
  Configurations& set(std::string_view classification, std::string key, Str value);
  Configurations& core_site(std::string key, Str value) { return set("core-site", std::move(key), std::move(value)); }
  Configurations& emrfs_site(std::string key, Str value) { return set("emrfs-site", std::move(key), std::move(value)); }
  Configurations& hbase(std::string key, Str value) { return set("hbase", std::move(key), std::move(value)); }
  Configurations& hbase_site(std::string key, Str value) { return set("hbase-site", std::move(key), std::move(value)); }
  Configurations& hive_site(std::string key, Str value) { return set("hive-site", std::move(key), std::move(value)); }
  Configurations& spark_defaults(std::string key, Str value) { return set("spark-defaults", std::move(key), std::move(value)); }
  Configurations& spark_hive_site(std::string key, Str value) { return set("spark-hive-site", std::move(key), std::move(value)); }
  Configurations& yarn_site(std::string key, Str value) { return set("yarn-site", std::move(key), std::move(value)); }
  // An environment variable of Spark's processes: spark-env → export → VARIABLE.
  Configurations& spark_env(std::string variable, Str value);
  // Any classification, nested ones included, merged property by property.
  Configurations& add(const Classification& classification);

  const std::string& source() const { return source_; }
  const std::vector<Classification>& classifications() const { return classifications_; }

 private:
  std::string source_;
  std::vector<Classification> classifications_;
};

// A property set by two sources: the later one wins.
struct ConfigurationConflict {
  std::string classification;  // "spark-env/export" for nested ones
  std::string key;
  std::string earlier_source;
  std::string later_source;
};

struct MergedConfigurations {
  std::vector<Classification> classifications;  // first-seen order of classifications
  std::vector<ConfigurationConflict> conflicts;
};

MergedConfigurations merge(const std::vector<Configurations>& sources);

// EMR API shape of a whole configuration list (RunJobFlow's Configurations, Terraform's configurations_json).
Value configurations_api_value(const std::vector<Classification>& classifications);

}  // namespace drdb::aws::emr
