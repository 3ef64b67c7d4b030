#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "drdb/l1/cfn/emr.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

void CfnMapper::visit(const aws::emr::SecurityConfiguration& configuration) {
  drdb::l1::cfn::emr::SecurityConfiguration r;
  if (!configuration.props().name.empty()) r.name = configuration.props().name;
  r.security_configuration = configuration.document();
  const auto& out = emit(configuration, r);
  bind_ref(configuration, "Name", out);
}

void CfnMapper::visit(const aws::emr::KeyPair& key) {
  const auto& props = key.props();
  drdb::l1::cfn::ec2::KeyPair r;
  r.key_name = props.key_name;
  if (props.public_key.empty())
    r.key_type = props.key_type;
  else
    r.public_key_material = props.public_key;
  const auto& out = emit(key, r);
  bind_ref(key, "Name", out);
  bind(key, "KeyPairId", out, "KeyPairId");
}

}  // namespace drdb::render::cfn
