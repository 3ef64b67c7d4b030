#include "drdb/aws/emr/ebs.hpp"

namespace drdb::aws::emr {

namespace {

struct SizeRange {
  int min;
  int max;
};

// EBS volume size limits per type (GiB).
SizeRange size_range(VolumeType t) {
  switch (t) {
    case VolumeType::Gp3:
    case VolumeType::Gp2: return {1, 16384};
    case VolumeType::Io1: return {4, 16384};
    case VolumeType::St1:
    case VolumeType::Sc1: return {125, 16384};
    case VolumeType::Standard: return {1, 1024};
  }
  return {1, 16384};
}

// EMR attaches at most this many EBS data volumes to one instance.
constexpr int max_volumes_per_instance = 25;

void validate_volume(const EbsVolume& v, const std::string& path, const std::string& at, Diagnostics& out) {
  const std::string type(volume_type_name(v.type));
  const auto range = size_range(v.type);
  if (v.size_gib < range.min || v.size_gib > range.max)
    out.error(path, at + " " + type + " size " + std::to_string(v.size_gib) + " GiB is out of range",
              "use " + std::to_string(range.min) + "-" + std::to_string(range.max) + " GiB for " + type);
  if (v.volumes_per_instance < 1)
    out.error(path, at + " has volumes_per_instance " + std::to_string(v.volumes_per_instance), "use 1 or more");

  if (v.type == VolumeType::Io1) {
    if (!v.iops) {
      out.error(path, at + " io1 needs provisioned IOPS", "set .iops (100-64000, at most 50 per GiB)");
    } else if (*v.iops < 100 || *v.iops > 64000) {
      out.error(path, at + " io1 IOPS " + std::to_string(*v.iops) + " is out of range", "use 100-64000");
    } else if (*v.iops > 50 * v.size_gib) {
      out.error(path, at + " io1 IOPS " + std::to_string(*v.iops) + " exceed 50 per GiB of " +
                          std::to_string(v.size_gib) + " GiB",
                "lower .iops to " + std::to_string(50 * v.size_gib) + " or enlarge the volume");
    }
  } else if (v.type == VolumeType::Gp3) {
    if (v.iops && (*v.iops < 3000 || *v.iops > 16000))
      out.error(path, at + " gp3 IOPS " + std::to_string(*v.iops) + " is out of range", "use 3000-16000");
    else if (v.iops && *v.iops > 3000 && *v.iops > 500 * v.size_gib)
      out.error(path, at + " gp3 IOPS " + std::to_string(*v.iops) + " exceed 500 per GiB of " +
                          std::to_string(v.size_gib) + " GiB",
                "lower .iops or enlarge the volume");
  } else if (v.iops) {
    out.error(path, at + " " + type + " does not take provisioned IOPS", "remove .iops, or use gp3 or io1");
  }

  if (v.throughput_mibps) {
    const int t = *v.throughput_mibps;
    const int iops = v.iops.value_or(3000);
    if (v.type != VolumeType::Gp3)
      out.error(path, at + " " + type + " does not take a throughput", "remove .throughput_mibps, or use gp3");
    else if (t < 125 || t > 1000)
      out.error(path, at + " gp3 throughput " + std::to_string(t) + " MiB/s is out of range", "use 125-1000 MiB/s");
    else if (t * 4 > iops)
      out.error(path, at + " gp3 throughput " + std::to_string(t) + " MiB/s exceeds 0.25 MiB/s per IOPS (" +
                          std::to_string(iops) + " IOPS)",
                "raise .iops to at least " + std::to_string(t * 4) + " or lower the throughput");
  }
}

}  // namespace

std::string_view volume_type_name(VolumeType t) {
  switch (t) {
    case VolumeType::Gp3: return "gp3";
    case VolumeType::Gp2: return "gp2";
    case VolumeType::Io1: return "io1";
    case VolumeType::St1: return "st1";
    case VolumeType::Sc1: return "sc1";
    case VolumeType::Standard: return "standard";
  }
  return "gp3";
}

void validate_ebs(const std::vector<EbsVolume>& volumes, const std::string& path, const std::string& where,
                  Diagnostics& out) {
  int total = 0;
  for (std::size_t i = 0; i < volumes.size(); ++i) {
    validate_volume(volumes[i], path, where + " EBS volume " + std::to_string(i + 1) + ":", out);
    total += volumes[i].volumes_per_instance;
  }
  if (total > max_volumes_per_instance)
    out.error(path, where + " attaches " + std::to_string(total) + " EBS volumes to each instance",
              "use at most " + std::to_string(max_volumes_per_instance) + " (larger volumes instead of more)");
}

Value EbsVolume::api_value() const {
  Object spec{{"SizeInGB", size_gib}, {"VolumeType", std::string(volume_type_name(type))}};
  if (iops) spec.emplace("Iops", *iops);
  if (throughput_mibps) spec.emplace("Throughput", *throughput_mibps);
  return Value::object({{"VolumeSpecification", Value(std::move(spec))}, {"VolumesPerInstance", volumes_per_instance}});
}

Value ebs_configuration_api_value(const std::vector<EbsVolume>& volumes, std::optional<bool> ebs_optimized) {
  if (volumes.empty() && !ebs_optimized) return {};
  Object out;
  if (!volumes.empty()) {
    List configs;
    for (const auto& v : volumes) configs.push_back(v.api_value());
    out.emplace("EbsBlockDeviceConfigs", Value(std::move(configs)));
  }
  if (ebs_optimized) out.emplace("EbsOptimized", *ebs_optimized);
  return Value(std::move(out));
}

}  // namespace drdb::aws::emr
