// Validation of a cluster's instance groups and fleets (the cluster passes its release, if valid).
#pragma once

#include <optional>
#include <string>

#include "drdb/aws/emr/instance_fleet.hpp"
#include "drdb/aws/emr/instance_group.hpp"
#include "drdb/aws/emr/release.hpp"

namespace drdb::aws::emr::detail {

void validate_instance_groups(const InstanceGroups& groups, const std::optional<Release>& release,
                              const std::string& path, Diagnostics& out);
void validate_instance_fleets(const InstanceFleets& fleets, const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::emr::detail
