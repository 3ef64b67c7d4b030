// An EC2 key pair a cluster creates for SSH on request. It lives here until the ec2 module offers one.
#pragma once

#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::emr {

// Without a public key, CloudFormation generates the key and keeps its private key in SSM Parameter
// Store at /ec2/keypair/<key pair id> (a SecureString under the aws/ssm key; reading it takes
// ssm:GetParameter with decryption, which drdb grants no one). Terraform's aws_key_pair only imports
// a public key, and generating one there would put the private key in the state: Terraform takes the
// public key from the variable <key pair logical id>PublicKey, and the operator keeps the private key.
class KeyPair : public Resource {
 public:
  struct Props {
    Str key_name = "";       // unique in the account and region
    std::string public_key;  // OpenSSH public key to import; empty: generated (Terraform: a variable)
    std::string key_type = "ed25519";  // for a generated key: "ed25519" or "rsa"
  };
  KeyPair(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  Str key_name() const { return attr("Name"); }
  // SSM parameter holding a generated key's private key.
  Str private_key_parameter() const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::emr
