// Maps each resource kind to CloudFormation resources (one visit per kind, grouped by service in
// map_<service>.cpp), filling the generated L1 structs so property names and types are checked by
// the compiler.
#pragma once

#include "render/common/mapper.hpp"

namespace drdb::render::cfn {

class CfnMapper final : public Mapper {
 public:
  using Mapper::Mapper;
  void visit(const RawResource&) override;
  // apigateway (map_apigateway*.cpp)
  void visit(const aws::apigateway::ApiResource&) override;
  void visit(const aws::apigateway::Deployment&) override;
  void visit(const aws::apigateway::GatewayResponse&) override;
  void visit(const aws::apigateway::Method&) override;
  void visit(const aws::apigateway::RestApi&) override;
  void visit(const aws::apigateway::Stage&) override;
  // ---- end of apigateway ----
  // dynamodb (map_dynamodb*.cpp)
  void visit(const aws::dynamodb::Table&) override;
  // ---- end of dynamodb ----
  // ec2 (map_ec2*.cpp)
  void visit(const aws::ec2::ElasticIp&) override;
  void visit(const aws::ec2::FlowLog&) override;
  void visit(const aws::ec2::InternetGateway&) override;
  void visit(const aws::ec2::InternetGatewayAttachment&) override;
  void visit(const aws::ec2::NatGateway&) override;
  void visit(const aws::ec2::Route&) override;
  void visit(const aws::ec2::RouteTable&) override;
  void visit(const aws::ec2::SecurityGroup&) override;
  void visit(const aws::ec2::SecurityGroupRule&) override;
  void visit(const aws::ec2::Subnet&) override;
  void visit(const aws::ec2::SubnetRouteTableAssociation&) override;
  void visit(const aws::ec2::Vpc&) override;
  void visit(const aws::ec2::VpcEndpoint&) override;
  // ---- end of ec2 ----
  // ecr (map_ecr*.cpp)
  void visit(const aws::ecr::Repository&) override;
  // ---- end of ecr ----
  // emr (map_emr*.cpp)
  void visit(const aws::emr::ClusterResource&) override;
  void visit(const aws::emr::KeyPair&) override;
  void visit(const aws::emr::SecurityConfiguration&) override;
  // ---- end of emr ----
  // events (map_events*.cpp)
  void visit(const aws::events::Rule&) override;
  // ---- end of events ----
  // iam (map_iam.cpp)
  void visit(const aws::iam::InstanceProfile&) override;
  void visit(const aws::iam::ManagedPolicy&) override;
  void visit(const aws::iam::Role&) override;
  // ---- end of iam ----
  // kms (map_kms.cpp)
  void visit(const aws::kms::Alias&) override;
  void visit(const aws::kms::Key&) override;
  // ---- end of kms ----
  // lambda (map_lambda*.cpp)
  void visit(const aws::lambda::EventSourceMapping&) override;
  void visit(const aws::lambda::Function&) override;
  void visit(const aws::lambda::Permission&) override;
  // ---- end of lambda ----
  // logs (map_logs*.cpp)
  void visit(const aws::logs::LogGroup&) override;
  // ---- end of logs ----
  // s3 (map_s3*.cpp)
  void visit(const aws::s3::Bucket&) override;
  void visit(const aws::s3::BucketNotifications&) override;
  void visit(const aws::s3::BucketPolicy&) override;
  void visit(const aws::s3::FileAsset&) override;  // map_s3_file_asset.cpp
  // ---- end of s3 ----
  // secretsmanager (map_secretsmanager*.cpp)
  void visit(const aws::secretsmanager::RotationSchedule&) override;
  void visit(const aws::secretsmanager::Secret&) override;
  // ---- end of secretsmanager ----
  // sqs (map_sqs*.cpp)
  void visit(const aws::sqs::Queue&) override;
  void visit(const aws::sqs::QueuePolicy&) override;
  // ---- end of sqs ----
  // stepfunctions (map_stepfunctions*.cpp)
  void visit(const aws::stepfunctions::StateMachineResource&) override;
  // ---- end of stepfunctions ----

 private:
  // Ref gives the id; other attributes are Fn::GetAtt names.
  void bind_ref(const Construct& owner, std::string neutral, const RenderedResource& r) { bind(owner, std::move(neutral), r, {}); }
};

}  // namespace drdb::render::cfn
