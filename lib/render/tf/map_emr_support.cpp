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
// private key in the state, so Terraform requires the user's public key.
void TfMapper::visit(const aws::emr::KeyPair& key) {
  const auto& props = key.props();
  if (props.public_key.empty())
    diagnostics().error(key.path(), "Terraform's aws_key_pair cannot generate a key",
                        "set ssh.public_key to an OpenSSH public key (ssh-keygen -t ed25519), or use an existing key name");
  drdb::l1::tf::aws_key_pair r;
  r.key_name = props.key_name;
  r.public_key = props.public_key;
  const auto& out = emit(key, r);
  bind(key, "Name", out, "key_name");
  bind(key, "KeyPairId", out, "key_pair_id");
}

}  // namespace drdb::render::tf
