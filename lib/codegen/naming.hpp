// C++ identifiers for schema names. The rules are documented at the top of main.cpp.
#pragma once

#include <string>
#include <string_view>

#include "model.hpp"

namespace drdb::codegen {

// "VPCId" -> "vpc_id", "Ipv4IpamPoolId" -> "ipv4_ipam_pool_id", "ebs_config" -> "ebs_config".
std::string snake_case(std::string_view schema_name);
// "ebs_config" -> "EbsConfig", "VPC" -> "VPC", "S3Location" -> "S3Location".
std::string pascal_case(std::string_view schema_name);

// A field name for `schema_name`, unique in `scope` (see the rules in main.cpp).
std::string field_name(const StructDef& scope, std::string_view schema_name);
// A nested struct name for `schema_name`, unique in `scope`.
std::string struct_name(const StructDef& scope, std::string_view schema_name);
// A resource struct name: the schema name made a valid, non-reserved identifier.
std::string top_level_name(std::string_view schema_name);
// An identifier for `struct attr`: "Endpoint.Address" -> "Endpoint_Address", "default" -> "default_".
std::string attribute_name(std::string_view attribute);

}  // namespace drdb::codegen
