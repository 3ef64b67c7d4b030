// One visit() per resource kind; each target implements it to map the kind to its resources.
// Adding a kind means adding it here, and the compiler then asks every target for its mapping.
// Keep one section per service, kinds sorted by name within it.
#pragma once

namespace drdb {
class RawResource;
namespace aws::apigateway {
// ---- apigateway kinds here ----
}  // namespace aws::apigateway
namespace aws::dynamodb {
// ---- dynamodb kinds here ----
}  // namespace aws::dynamodb
namespace aws::ec2 {
class ElasticIp;
class FlowLog;
class FlowLogGroup;
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
// ---- ecr kinds here ----
}  // namespace aws::ecr
namespace aws::emr {
class ClusterResource;
class KeyPair;
class SecurityConfiguration;
// ---- emr kinds here ----
}  // namespace aws::emr
namespace aws::events {
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
// ---- lambda kinds here ----
}  // namespace aws::lambda
namespace aws::logs {
// ---- logs kinds here ----
}  // namespace aws::logs
namespace aws::s3 {
class Bucket;
class BucketPolicy;
// ---- more s3 kinds here ----
}  // namespace aws::s3
namespace aws::secretsmanager {
// ---- secretsmanager kinds here ----
}  // namespace aws::secretsmanager
namespace aws::sqs {
// ---- sqs kinds here ----
}  // namespace aws::sqs
namespace aws::stepfunctions {
// ---- stepfunctions kinds here ----
}  // namespace aws::stepfunctions

class ResourceVisitor {
 public:
  virtual ~ResourceVisitor() = default;
  virtual void visit(const RawResource&) = 0;
  // apigateway
  // ---- end of apigateway ----
  // dynamodb
  // ---- end of dynamodb ----
  // ec2
  virtual void visit(const aws::ec2::ElasticIp&) = 0;
  virtual void visit(const aws::ec2::FlowLog&) = 0;
  virtual void visit(const aws::ec2::FlowLogGroup&) = 0;
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
  // ---- end of ecr ----
  // emr
  virtual void visit(const aws::emr::ClusterResource&) = 0;
  virtual void visit(const aws::emr::KeyPair&) = 0;
  virtual void visit(const aws::emr::SecurityConfiguration&) = 0;
  // ---- end of emr ----
  // events
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
  // ---- end of lambda ----
  // logs
  // ---- end of logs ----
  // s3
  virtual void visit(const aws::s3::Bucket&) = 0;
  virtual void visit(const aws::s3::BucketPolicy&) = 0;
  // ---- end of s3 ----
  // secretsmanager
  // ---- end of secretsmanager ----
  // sqs
  // ---- end of sqs ----
  // stepfunctions
  // ---- end of stepfunctions ----
};

}  // namespace drdb
