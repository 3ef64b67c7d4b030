// The built-in rule packs, one function (and one file) per service. Adding a pack: write
// lib/rules/<service>.cpp with register_<service>_rules and list it in registry.cpp's builtin().
#pragma once

#include "drdb/rules/rule.hpp"

namespace drdb::rules {

void register_dynamodb_rules(Registry& r);
void register_ec2_rules(Registry& r);
void register_emr_rules(Registry& r);
void register_iam_rules(Registry& r);
void register_kms_rules(Registry& r);
void register_lambda_rules(Registry& r);
void register_logs_rules(Registry& r);
void register_s3_rules(Registry& r);
void register_secretsmanager_rules(Registry& r);
void register_sqs_rules(Registry& r);

}  // namespace drdb::rules
