// One visit() per resource kind; each target implements it to map the kind to its resources.
// Adding a kind means adding it here, and the compiler then asks every target for its mapping.
// Keep one section per service, kinds sorted by name within it.
#pragma once

namespace drdb {
class RawResource;
namespace aws::apigateway {
class ApiResource;
class Deployment;
class GatewayResponse;
class Method;
class RestApi;
class Stage;
// ---- apigateway kinds here ----
}  // namespace aws::apigateway
namespace aws::dynamodb {
class Table;
// ---- dynamodb kinds here ----
}  // namespace aws::dynamodb
namespace aws::ec2 {
class ElasticIp;
class FlowLog;
class InternetGateway;
class InternetGatewayAttachment;
class NatGateway;
class Route;
class RouteTable;
class SecurityGroup;
class SecurityGroupRule;
class Subnet;
class SubnetRouteTableAssociation;
class Vpc;
class VpcEndpoint;
// ---- more ec2 kinds here ----
}  // namespace aws::ec2
namespace aws::ecr {
class Repository;
// ---- ecr kinds here ----
}  // namespace aws::ecr
namespace aws::emr {
class ClusterResource;
class KeyPair;
class SecurityConfiguration;
// ---- emr kinds here ----
}  // namespace aws::emr
namespace aws::events {
class Rule;
// ---- events kinds here ----
}  // namespace aws::events
namespace aws::iam {
class InstanceProfile;
class ManagedPolicy;
class Role;
// ---- more iam kinds here ----
}  // namespace aws::iam
namespace aws::kms {
class Alias;
class Key;
// ---- kms kinds here ----
}  // namespace aws::kms
namespace aws::lambda {
class EventSourceMapping;
class Function;
class Permission;
// ---- lambda kinds here ----
}  // namespace aws::lambda
namespace aws::logs {
class LogGroup;
// ---- logs kinds here ----
}  // namespace aws::logs
namespace aws::s3 {
class Bucket;
class BucketNotifications;
class BucketPolicy;
class FileAsset;
// ---- more s3 kinds here ----
}  // namespace aws::s3
namespace aws::secretsmanager {
class RotationSchedule;
class Secret;
// ---- secretsmanager kinds here ----
}  // namespace aws::secretsmanager
namespace aws::sqs {
class Queue;
class QueuePolicy;
// ---- sqs kinds here ----
}  // namespace aws::sqs
namespace aws::stepfunctions {
class StateMachineResource;
// ---- stepfunctions kinds here ----
}  // namespace aws::stepfunctions

class ResourceVisitor {
 public:
  virtual ~ResourceVisitor() = default;
  virtual void visit(const RawResource&) = 0;
  // apigateway
  virtual void visit(const aws::apigateway::ApiResource&) = 0;
  virtual void visit(const aws::apigateway::Deployment&) = 0;
  virtual void visit(const aws::apigateway::GatewayResponse&) = 0;
  virtual void visit(const aws::apigateway::Method&) = 0;
  virtual void visit(const aws::apigateway::RestApi&) = 0;
  virtual void visit(const aws::apigateway::Stage&) = 0;
  // ---- end of apigateway ----
  // dynamodb
  virtual void visit(const aws::dynamodb::Table&) = 0;
  // ---- end of dynamodb ----
  // ec2
  virtual void visit(const aws::ec2::ElasticIp&) = 0;
  virtual void visit(const aws::ec2::FlowLog&) = 0;
  virtual void visit(const aws::ec2::InternetGateway&) = 0;
  virtual void visit(const aws::ec2::InternetGatewayAttachment&) = 0;
  virtual void visit(const aws::ec2::NatGateway&) = 0;
  virtual void visit(const aws::ec2::Route&) = 0;
  virtual void visit(const aws::ec2::RouteTable&) = 0;
  virtual void visit(const aws::ec2::SecurityGroup&) = 0;
  virtual void visit(const aws::ec2::SecurityGroupRule&) = 0;
  virtual void visit(const aws::ec2::Subnet&) = 0;
  virtual void visit(const aws::ec2::SubnetRouteTableAssociation&) = 0;
  virtual void visit(const aws::ec2::Vpc&) = 0;
  virtual void visit(const aws::ec2::VpcEndpoint&) = 0;
  // ---- end of ec2 ----
  // ecr
  virtual void visit(const aws::ecr::Repository&) = 0;
  // ---- end of ecr ----
  // emr
  virtual void visit(const aws::emr::ClusterResource&) = 0;
  virtual void visit(const aws::emr::KeyPair&) = 0;
  virtual void visit(const aws::emr::SecurityConfiguration&) = 0;
  // ---- end of emr ----
  // events
  virtual void visit(const aws::events::Rule&) = 0;
  // ---- end of events ----
  // iam
  virtual void visit(const aws::iam::InstanceProfile&) = 0;
  virtual void visit(const aws::iam::ManagedPolicy&) = 0;
  virtual void visit(const aws::iam::Role&) = 0;
  // ---- end of iam ----
  // kms
  virtual void visit(const aws::kms::Alias&) = 0;
  virtual void visit(const aws::kms::Key&) = 0;
  // ---- end of kms ----
  // lambda
  virtual void visit(const aws::lambda::EventSourceMapping&) = 0;
  virtual void visit(const aws::lambda::Function&) = 0;
  virtual void visit(const aws::lambda::Permission&) = 0;
  // ---- end of lambda ----
  // logs
  virtual void visit(const aws::logs::LogGroup&) = 0;
  // ---- end of logs ----
  // s3
  virtual void visit(const aws::s3::Bucket&) = 0;
  virtual void visit(const aws::s3::BucketNotifications&) = 0;
  virtual void visit(const aws::s3::BucketPolicy&) = 0;
  virtual void visit(const aws::s3::FileAsset&) = 0;
  // ---- end of s3 ----
  // secretsmanager
  virtual void visit(const aws::secretsmanager::RotationSchedule&) = 0;
  virtual void visit(const aws::secretsmanager::Secret&) = 0;
  // ---- end of secretsmanager ----
  // sqs
  virtual void visit(const aws::sqs::Queue&) = 0;
  virtual void visit(const aws::sqs::QueuePolicy&) = 0;
  // ---- end of sqs ----
  // stepfunctions
  virtual void visit(const aws::stepfunctions::StateMachineResource&) = 0;
  // ---- end of stepfunctions ----
};

}  // namespace drdb
