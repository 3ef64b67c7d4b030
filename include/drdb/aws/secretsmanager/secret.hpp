// Secrets Manager secrets: a password Secrets Manager generates at deploy time (never written to a
// template), or an empty secret filled out of band; optionally rotated by a Lambda function.
// Retained when removed from the stack.
#pragma once

#include <optional>
#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::secretsmanager {

class RotationSchedule;

// A generated password, optionally inside a JSON object: with
// secret_string_template {{"username", "hive"}} and generate_string_key "password" the secret is
// {"password": "<generated>", "username": "hive"}.
struct GeneratedSecret {
  int password_length = 32;               // 1-4096
  std::string exclude_characters;         // e.g. "\"@/\\" for JDBC URLs
  bool exclude_punctuation = false;
  bool exclude_numbers = false;
  bool exclude_uppercase = false;
  bool exclude_lowercase = false;
  bool include_space = false;
  bool require_each_included_type = true;
  Object secret_string_template;          // empty: the secret is the bare password
  std::string generate_string_key;        // required with a template, and not one of its keys
};

struct Rotation {
  Str rotation_lambda_arn;                // the function must allow secretsmanager.amazonaws.com to invoke it
  std::optional<int> automatically_after_days;  // 1-1000; or
  std::string schedule_expression;              // "rate(10 days)", "cron(0 16 1,15 * ? *)"
  std::string duration;                         // rotation window, e.g. "3h"
  bool rotate_immediately = true;               // rotate once when the rotation is set up
};

class Secret : public Resource {
 public:
  struct Props {
    std::string secret_name;  // empty: generated
    std::string description;
    // Unset: an empty secret whose value is set out of band (console, CLI, a rotation function).
    std::optional<GeneratedSecret> generate;
    const kms::Key* kms_key = nullptr;  // null: the AWS-managed aws/secretsmanager key
    // Creates the child "Rotation" (AWS::SecretsManager::RotationSchedule / aws_secretsmanager_secret_rotation).
    std::optional<Rotation> rotation;
  };
  Secret(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str secret_arn() const { return attr("Arn"); }
  // The name given, or "<stack name>/<construct path below the stack>" (CloudFormation has no
  // attribute for a generated secret's name, so drdb always names secrets, in both targets). A
  // deleted secret's name stays taken for its recovery window (7-30 days).
  Str secret_name() const;
  const kms::Key* key() const { return props_.kms_key; }
  const RotationSchedule* rotation() const { return rotation_; }

  // secretsmanager:GetSecretValue and DescribeSecret on this secret; kms:Decrypt through Secrets
  // Manager only when a customer key encrypts it.
  void grant_read(iam::Role& role) const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  RotationSchedule* rotation_ = nullptr;
};

class RotationSchedule : public Resource {
 public:
  struct Props {
    const Secret* secret = nullptr;
    Rotation rotation;
  };
  RotationSchedule(const Scope& scope, Props props);

  const Secret& secret() const { return *props_.secret; }
  const Rotation& rotation() const { return props_.rotation; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::secretsmanager
