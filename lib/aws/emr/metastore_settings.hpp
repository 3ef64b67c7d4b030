// What a metastore choice means for a cluster: the classifications it sets, the permissions it
// grants, and the problems it can have.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/emr/application.hpp"
#include "drdb/aws/emr/configuration.hpp"
#include "drdb/aws/emr/metastore.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::iam {
class Role;
}

namespace drdb::aws::emr::detail {

// Source name of the metastore's settings in configuration merges (they come last).
inline constexpr std::string_view metastore_source = "metastore";

Configurations metastore_configurations(const Metastore& metastore, const std::vector<Application>& applications);

// Glue actions on the catalog for the job-flow role; GetSecretValue on the password secret for the
// service role when EMR resolves it (null: a role the user supplied, left as is).
void grant_metastore(const Metastore& metastore, iam::Role& job_flow_role, iam::Role* service_role);

void validate_metastore(const Metastore& metastore, const std::vector<Application>& applications,
                        const std::optional<Release>& release, const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::emr::detail
