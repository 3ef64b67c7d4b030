// EBS volumes attached to each instance of an instance group or fleet instance type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/value.hpp"

namespace drdb::aws::emr {

enum class VolumeType { Gp3, Gp2, Io1, St1, Sc1, Standard };

// "gp3", "io1"... as EMR and EC2 spell them.
std::string_view volume_type_name(VolumeType t);

struct EbsVolume {
  VolumeType type = VolumeType::Gp3;
  int size_gib = 0;
  std::optional<int> iops;             // io1: required; gp3: 3000-16000 (EBS default 3000)
  std::optional<int> throughput_mibps;  // gp3 only: 125-1000 (EBS default 125)
  int volumes_per_instance = 1;

  // EMR API shape: {"VolumeSpecification": {...}, "VolumesPerInstance": n}
  Value api_value() const;
};

// Every problem of `volumes`, reported at `path` as "<where> EBS volume <n> ...".
void validate_ebs(const std::vector<EbsVolume>& volumes, const std::string& path, const std::string& where,
                  Diagnostics& out);

// EMR API shape of an instance's EBS configuration; null when there is nothing to say.
Value ebs_configuration_api_value(const std::vector<EbsVolume>& volumes, std::optional<bool> ebs_optimized);

}  // namespace drdb::aws::emr
