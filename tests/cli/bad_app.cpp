// An app binary with one bad input per case, for the CLI tests: `drdb-test-bad-app CASE synth ...`.
// Each case must end with its diagnostic, exit code 3, and the output directory untouched.
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include <drdb/drdb.hpp>

namespace {

using namespace drdb;

void invalid_cidr(App& app) {
  auto& s = app.add<Stack>("S");
  s.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.0/33"});
}

void duplicate_id(App& app) {
  auto& s = app.add<Stack>("S");
  s.add<aws::s3::Bucket>("Data");
  s.add<aws::s3::Bucket>("Data");
}

void dangling_reference(App& app) {
  static App other;  // a construct of another app: nothing in this one renders it
  auto& foreign = other.add<Stack>("Other").add<aws::s3::Bucket>("Foreign");
  auto& s = app.add<Stack>("S");
  auto& role = s.add<aws::iam::Role>("Reader", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  foreign.grant_read(role);
}

void dependency_cycle(App& app) {
  auto& s = app.add<Stack>("S");
  auto& a = s.add<aws::s3::Bucket>("A");
  auto& b = s.add<aws::s3::Bucket>("B");
  a.add_dependency(b);
  b.add_dependency(a);
}

void override_wrong_type(App& app) {
  auto& s = app.add<Stack>("S");
  s.add<aws::s3::Bucket>("Data").cfn_override("VersioningConfiguration.Status", 42);
}

const std::map<std::string, std::function<void(App&)>> cases = {
    {"invalid-cidr", invalid_cidr},         {"duplicate-id", duplicate_id},
    {"dangling-reference", dangling_reference}, {"dependency-cycle", dependency_cycle},
    {"override-wrong-type", override_wrong_type},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || cases.count(argv[1]) == 0) {
    std::cerr << "usage: drdb-test-bad-app CASE ARGS...\n";
    return 2;
  }
  return drdb::run(argc - 1, argv + 1, cases.at(argv[1]));
}
