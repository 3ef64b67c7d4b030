#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "drdb/l1/tf/emr.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

void TfMapper::visit(const aws::emr::SecurityConfiguration& configuration) {
  drdb::l1::tf::aws_emr_security_configuration r;
  if (!configuration.props().name.empty()) r.name = configuration.props().name;
  r.configuration = Str::of(json_string(configuration.document()));
  const auto& out = emit(configuration, r);
  bind(configuration, "Name", out, "name");
}

// aws_key_pair imports a public key; generating one would need the tls provider and would keep the
// private key in the state. A key pair CloudFormation generates therefore takes its public key from
// a Terraform variable (declared in tf_module.cpp): the operator generates the key and keeps its
// private half.
void TfMapper::visit(const aws::emr::KeyPair& key) {
  const auto& props = key.props();
  drdb::l1::tf::aws_key_pair r;
  r.key_name = props.key_name;
  r.public_key = props.public_key;  // empty: replaced by the variable in tf_module.cpp
  const auto& out = emit(key, r);
  bind(key, "Name", out, "key_name");
  bind(key, "KeyPairId", out, "key_pair_id");
}

}  // namespace drdb::render::tf
