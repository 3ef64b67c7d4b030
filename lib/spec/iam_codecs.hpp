// Codecs of IAM types other kinds use too (bucket and key policies, roles).
#pragma once

#include "drdb/aws/iam/policy.hpp"
#include "spec/codec.hpp"

namespace drdb::spec {

// {service: ec2.amazonaws.com}, {aws: <ARN>}, {federated: <id>}, or account_root.
template <>
struct Codec<aws::iam::Principal> {
  static bool read(const YAML::Node& n, aws::iam::Principal& v, Context& c);
  static Schema schema();
};

// A list of statements.
template <>
struct Codec<aws::iam::PolicyDocument> {
  static bool read(const YAML::Node& n, aws::iam::PolicyDocument& v, Context& c);
  static Schema schema();
};

}  // namespace drdb::spec
