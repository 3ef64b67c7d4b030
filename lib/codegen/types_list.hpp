// schemas/types.txt: the resource types drdb uses and how they correspond across targets.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace drdb::codegen {

struct TypeEntry {
  std::string cfn_type;                 // "AWS::EC2::VPC"
  std::string service;                  // "ec2": lower-case second segment, names the files
  std::vector<std::string> tf_types;    // "aws_vpc"
};

// Throws std::runtime_error naming file:line on a malformed line.
std::vector<TypeEntry> read_types(const std::filesystem::path& file);

// "AWS::EC2::VPC" -> "AWS_EC2_VPC.json" (schemas/cfn/ file name).
std::string cfn_schema_file(const std::string& cfn_type);

}  // namespace drdb::codegen
