#include "drdb/aws/emr/key_pair.hpp"

#include "aws/emr/checks.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::emr {

Str KeyPair::private_key_parameter() const { return Str("/ec2/keypair/") + attr("KeyPairId"); }

void KeyPair::validate(Diagnostics& out) const {
  if (detail::is_blank(props_.key_name)) out.error(path(), "the key pair has no name", "set .key_name");
  if (props_.key_type != "ed25519" && props_.key_type != "rsa")
    out.error(path(), "key type \"" + props_.key_type + "\" is not ed25519 or rsa", "use \"ed25519\" or \"rsa\"");
  if (!props_.public_key.empty() && !props_.public_key.starts_with("ssh-"))
    out.error(path(), "public_key is not an OpenSSH public key", "paste the .pub file's line (\"ssh-ed25519 AAAA...\")");
}

void KeyPair::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::emr
