#include <algorithm>
#include <cctype>

#include "drdb/aws/ecr/repository.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/l1/tf/ecr.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

namespace {

// Terraform requires a name, and ECR wants it in lower case.
std::string default_name(const aws::ecr::Repository& repository, const std::string& logical_id) {
  auto name = repository.stack().name() + "-" + logical_id;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

}  // namespace

void TfMapper::visit(const aws::ecr::Repository& repository) {
  using Repo = l1::aws_ecr_repository;
  const auto& props = repository.props();
  Repo r;
  r.name = props.repository_name.empty() ? default_name(repository, logical_id(repository)) : props.repository_name;
  Repo::ImageScanningConfiguration scanning;
  scanning.scan_on_push = props.scan_on_push;
  r.image_scanning_configuration = ListOf<Repo::ImageScanningConfiguration>{scanning};
  r.image_tag_mutability = props.immutable_tags ? "IMMUTABLE" : "MUTABLE";
  if (repository.removal_policy() == RemovalPolicy::Retain) r.force_delete = false;  // never deleted with images in it
  Repo::EncryptionConfiguration encryption;
  encryption.encryption_type = props.kms_key != nullptr ? "KMS" : "AES256";
  if (props.kms_key != nullptr) encryption.kms_key = props.kms_key->key_arn();
  r.encryption_configuration = ListOf<Repo::EncryptionConfiguration>{encryption};
  const auto& out = emit(repository, r);
  bind(repository, "Name", out, "name");
  bind(repository, "Arn", out, "arn");
  bind(repository, "Uri", out, "repository_url");

  if (!props.lifecycle_rules.empty()) {
    l1::aws_ecr_lifecycle_policy lifecycle;
    lifecycle.repository = repository.repository_name();
    lifecycle.policy = Str::of(json_string(repository.lifecycle_policy()));
    emit(repository, lifecycle, secondary_name(repository, "lifecycle policy"), false);
  }
}

}  // namespace drdb::render::tf
