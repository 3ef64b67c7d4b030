// Repository::grant_*: image access to this repository.
#include "drdb/aws/ecr/repository.hpp"
#include "drdb/aws/iam/role.hpp"

namespace drdb::aws::ecr {

namespace {

const std::vector<std::string> pull_actions{"ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                                            "ecr:GetDownloadUrlForLayer"};

// ecr:GetAuthorizationToken returns the registry login token: it acts on the account's registry,
// not on a repository, and IAM accepts no resource for it but "*". The token alone gives no access
// to any image; the repository-scoped statement does.
void grant_login(iam::Role& role) {
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {Str("*")}});
}

}  // namespace

void Repository::grant_pull(iam::Role& role) const {
  role.add_to_policy({.actions = pull_actions, .resources = {repository_arn()}});
  grant_login(role);
}

void Repository::grant_push(iam::Role& role) const {
  auto actions = pull_actions;
  actions.insert(actions.end(),
                 {"ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"});
  role.add_to_policy({.actions = std::move(actions), .resources = {repository_arn()}});
  grant_login(role);
}

}  // namespace drdb::aws::ecr
