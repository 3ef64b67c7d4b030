#include "drdb/aws/ecr/repository.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/l1/cfn/ecr.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::ecr;

void CfnMapper::visit(const aws::ecr::Repository& repository) {
  const auto& props = repository.props();
  l1::Repository r;
  if (!props.repository_name.empty()) r.repository_name = props.repository_name;
  l1::Repository::ImageScanningConfiguration scanning;
  scanning.scan_on_push = props.scan_on_push;
  r.image_scanning_configuration = scanning;
  r.image_tag_mutability = props.immutable_tags ? "IMMUTABLE" : "MUTABLE";
  l1::Repository::EncryptionConfiguration encryption;
  encryption.encryption_type = props.kms_key != nullptr ? "KMS" : "AES256";
  if (props.kms_key != nullptr) encryption.kms_key = props.kms_key->key_arn();
  r.encryption_configuration = encryption;
  if (!props.lifecycle_rules.empty()) {
    l1::Repository::LifecyclePolicy lifecycle;
    lifecycle.lifecycle_policy_text = Str::of(json_string(repository.lifecycle_policy()));
    r.lifecycle_policy = lifecycle;
  }
  const auto& out = emit(repository, r);
  bind_ref(repository, "Name", out);
  bind(repository, "Arn", out, "Arn");
  bind(repository, "Uri", out, "RepositoryUri");
}

}  // namespace drdb::render::cfn
