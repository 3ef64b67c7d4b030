// update_behavior() of both targets: the generated update tables (lib/l1/replacement.cpp) read
// from the registry schemas, schemas/cfn-updates.json and schemas/tf-aliases.json.
#include <doctest/doctest.h>

#include <string>

#include "drdb/l1/replacement.hpp"

namespace doctest {
template <>
struct StringMaker<drdb::l1::UpdateBehavior> {
  static String convert(drdb::l1::UpdateBehavior b) {
    static const char* const names[] = {"InPlace", "MayReplace", "Replace", "Unknown"};
    return names[static_cast<int>(b)];
  }
};
}  // namespace doctest

namespace {

using drdb::l1::UpdateBehavior;
using enum UpdateBehavior;

UpdateBehavior cfn(const char* type, const char* path, bool whole_value = false) {
  return drdb::l1::cfn::update_behavior(type, path, whole_value);
}
UpdateBehavior tf(const char* type, const char* path, bool whole_value = false) {
  return drdb::l1::tf::update_behavior(type, path, whole_value);
}

TEST_CASE("replacement: create-only properties replace, others update in place") {
  CHECK(cfn("AWS::EC2::VPC", "CidrBlock") == Replace);
  CHECK(cfn("AWS::EC2::VPC", "EnableDnsHostnames") == InPlace);
  CHECK(cfn("AWS::S3::Bucket", "BucketName") == Replace);
  CHECK(cfn("AWS::S3::Bucket", "Tags") == InPlace);
  CHECK(cfn("AWS::S3::Bucket", "Tags.Value") == InPlace);
  CHECK(cfn("AWS::S3::Bucket", "Tags", true) == InPlace);
  CHECK(cfn("AWS::S3::BucketPolicy", "Bucket") == Replace);
  CHECK(cfn("AWS::S3::BucketPolicy", "PolicyDocument") == InPlace);
  CHECK(cfn("AWS::Lambda::Function", "Runtime") == InPlace);
  CHECK(cfn("AWS::Lambda::Function", "FunctionName") == Replace);
  CHECK(cfn("AWS::EC2::SecurityGroup", "GroupDescription") == Replace);
  CHECK(cfn("AWS::EC2::SecurityGroup", "VpcId") == Replace);
  CHECK(cfn("AWS::EC2::SecurityGroup", "SecurityGroupIngress.CidrIp") == InPlace);
  CHECK(cfn("AWS::StepFunctions::StateMachine", "DefinitionString") == InPlace);
  CHECK(cfn("AWS::EMR::InstanceGroupConfig", "InstanceType") == Replace);
  CHECK(cfn("AWS::EMR::InstanceGroupConfig", "InstanceCount") == InPlace);
}

TEST_CASE("replacement: conditional create-only properties may replace; the stronger source wins") {
  // The registry says conditionalCreateOnly, AWS's own data says "yes": Replace, also inside it.
  CHECK(cfn("AWS::DynamoDB::Table", "KeySchema") == Replace);
  CHECK(cfn("AWS::DynamoDB::Table", "KeySchema.AttributeName") == Replace);
  CHECK(cfn("AWS::DynamoDB::Table", "BillingMode") == InPlace);
  // Both say "maybe".
  CHECK(cfn("AWS::EC2::VPC", "InstanceTenancy") == MayReplace);
  // Conditional in the registry only.
  CHECK(cfn("AWS::Lambda::Function", "DurableConfig") == MayReplace);
  // Conditional in the registry, "yes" in AWS's data.
  CHECK(cfn("AWS::Events::Rule", "EventBusName") == Replace);
}

TEST_CASE("replacement: nested properties, the deepest known one deciding") {
  CHECK(cfn("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.InstanceType") == Replace);
  CHECK(cfn("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.InstanceCount") == InPlace);
  CHECK(cfn("AWS::EMR::Cluster", "Instances.TerminationProtected") == InPlace);  // inside a MayReplace
  CHECK(cfn("AWS::EMR::Cluster", "Instances") == MayReplace);
  CHECK(cfn("AWS::EMR::Cluster", "Instances", true) == Replace);  // the strongest below counts
  CHECK(cfn("AWS::EMR::Cluster", "Instances.CoreInstanceGroup", true) == Replace);
  // Beyond what the data describes: the deepest entry above.
  CHECK(cfn("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.EbsConfiguration.EbsOptimized") == Replace);
  CHECK(cfn("AWS::EMR::Cluster", "Configurations.ConfigurationProperties.spark") == Replace);
  CHECK(cfn("AWS::EMR::Cluster", "Instances.TerminationProtected.Whatever") == InPlace);
  // Registry create-only paths below a top-level property.
  CHECK(cfn("AWS::EC2::VPCEndpoint", "DnsOptions.PrivateDnsPreference") == Replace);
  CHECK(cfn("AWS::EC2::VPCEndpoint", "DnsOptions", true) == Replace);
}

TEST_CASE("replacement: unknown types and properties") {
  CHECK(drdb::l1::cfn::knows_type("AWS::S3::Bucket"));
  CHECK_FALSE(drdb::l1::cfn::knows_type("AWS::Nope::Thing"));
  CHECK(cfn("AWS::Nope::Thing", "Name") == Unknown);
  CHECK(cfn("AWS::Nope::Thing", "Name", true) == Unknown);
  CHECK(cfn("AWS::S3::Bucket", "NoSuchProperty") == Unknown);
  CHECK(cfn("AWS::S3::Bucket", "") == Unknown);
  CHECK(cfn("aws_s3_bucket", "BucketName") == Unknown);
}

TEST_CASE("replacement: Terraform, through the mapping to CloudFormation") {
  CHECK(drdb::l1::tf::cloudformation_type("aws_emr_cluster") == "AWS::EMR::Cluster");
  CHECK(drdb::l1::tf::cloudformation_type("aws_s3_bucket_versioning") == "AWS::S3::Bucket");
  CHECK(drdb::l1::tf::cloudformation_type("aws_security_group_rule") == "AWS::EC2::SecurityGroupIngress");
  CHECK(drdb::l1::tf::cloudformation_type("aws_nope").empty());

  CHECK(tf("aws_vpc", "cidr_block") == Replace);                     // by name
  CHECK(tf("aws_vpc", "enable_dns_hostnames") == InPlace);
  CHECK(tf("aws_s3_bucket", "bucket") == Replace);                   // alias BucketName
  CHECK(tf("aws_s3_bucket_versioning", "bucket") == Replace);
  CHECK(tf("aws_s3_bucket_versioning", "versioning_configuration.status") == InPlace);
  CHECK(tf("aws_dynamodb_table", "hash_key") == Replace);            // alias KeySchema
  CHECK(tf("aws_dynamodb_table", "range_key") == Replace);
  CHECK(tf("aws_dynamodb_table", "billing_mode") == InPlace);
  CHECK(tf("aws_dynamodb_table", "attribute.type") == InPlace);
  CHECK(tf("aws_emr_cluster", "core_instance_group.instance_type") == Replace);
  CHECK(tf("aws_emr_cluster", "core_instance_group.instance_count") == InPlace);
  CHECK(tf("aws_emr_cluster", "core_instance_group.ebs_config.size") == Replace);  // inside a uniform block
  CHECK(tf("aws_emr_cluster", "release_label") == Replace);
  CHECK(tf("aws_emr_cluster", "termination_protection") == InPlace);  // alias Instances.TerminationProtected
  CHECK(tf("aws_emr_instance_group", "instance_type") == Replace);
  CHECK(tf("aws_lambda_function", "runtime") == InPlace);
  CHECK(tf("aws_lambda_function", "function_name") == Replace);
  CHECK(tf("aws_security_group", "vpc_id") == Replace);
  CHECK(tf("aws_security_group", "name") == Replace);
  CHECK(tf("aws_security_group", "ingress.cidr_blocks") == InPlace);
  CHECK(tf("aws_sfn_state_machine", "definition") == InPlace);
  CHECK(tf("aws_s3_bucket_lifecycle_configuration", "rule.expiration.days") == InPlace);
  CHECK(tf("aws_sqs_queue", "tags") == InPlace);
  CHECK(tf("aws_sqs_queue", "tags_all") == InPlace);
  CHECK(tf("aws_sqs_queue", "name") == Replace);
}

TEST_CASE("replacement: Terraform overrides where the provider differs from CloudFormation") {
  CHECK(tf("aws_cloudwatch_event_target", "target_id") == Replace);  // CloudFormation: in place
  CHECK(tf("aws_vpc_security_group_ingress_rule", "cidr_ipv4") == InPlace);
  CHECK(tf("aws_vpc_security_group_ingress_rule", "security_group_id") == Replace);
  CHECK(tf("aws_iam_role_policy_attachment", "policy_arn") == Replace);
  CHECK(tf("aws_s3_bucket", "force_destroy") == InPlace);
}

TEST_CASE("replacement: Terraform attributes with no counterpart are unknown") {
  CHECK(tf("aws_emr_cluster", "list_steps_states") == Unknown);
  CHECK(tf("aws_sns_topic", "sqs_failure_feedback_role_arn") == Unknown);
  CHECK(tf("aws_vpc", "arn") == Unknown);  // computed only: never in a configuration
  CHECK(tf("aws_vpc", "no_such_attribute") == Unknown);
  CHECK(tf("aws_nope", "name") == Unknown);
  // A whole block: the strongest below it, an unknown one included.
  CHECK(tf("aws_emr_cluster", "core_instance_group", true) == Replace);
  CHECK(tf("aws_s3_bucket", "website", true) == Unknown);
}

}  // namespace
