// drdb-codegen: generates the typed L1 structs of drdb from the vendored schemas.
//
//   drdb-codegen --schemas schemas --templates templates/codegen --out build/generated
//
// Reads schemas/types.txt, schemas/cfn/*.json, schemas/tf/aws.json, schemas/cfn-updates.json,
// schemas/tf-aliases.json and the templates; writes
//   include/drdb/l1/cfn/<service>.hpp, include/drdb/l1/tf/<service>.hpp   declarations
//   include/drdb/l1/cfn.hpp, include/drdb/l1/tf.hpp                      umbrella headers
//   lib/l1/<service>.cpp          to_value() and shape() of both targets, and their Shape data
//   lib/l1/registry.cpp           find_shape() and type_names() of both targets
//   lib/l1/replacement.cpp        the update tables of drdb/l1/replacement.hpp
// Output is deterministic, and a file is only rewritten when its content changes. <service> is the
// lower-cased second segment of the CloudFormation type ("AWS::EC2::VPC" -> ec2); a Terraform type
// goes to the service of the first types.txt line naming it.
//
// Naming rules
// - Namespaces: drdb::l1::cfn::<service> for CloudFormation; drdb::l1::tf for Terraform.
// - Resource structs: the last segment of the CloudFormation type (AWS::EC2::VPC -> VPC); the
//   Terraform type name as is (aws_vpc).
// - Fields: snake_case of the schema name (CidrBlock -> cidr_block, VPCId -> vpc_id,
//   Ipv4IpamPoolId -> ipv4_ipam_pool_id); Terraform names are already snake_case. Declared in
//   schema-name order (designated initializers follow it). Unset optional fields are omitted from
//   to_value(), except in structs of Terraform object-typed attributes, which write null.
// - Nested structs: CloudFormation definitions keep their schema name (Tag) and are nested in the
//   resource struct; an inline object property becomes a struct named after the property, nested
//   in the struct holding it; Terraform blocks and object-typed attributes become a struct named
//   in PascalCase (ebs_config -> EbsConfig), nested in the block holding them.
// - Collisions: a name that is a C++ keyword, a common macro (assert, errno, linux, unix...), a
//   generated member (type_name, attr, to_value, shape), a name the generated sources use
//   unqualified (the local `out`, the tables S, P, E, R, drdb types such as Value, Str, ListOf,
//   Shape, ObjectWriter), or that is already taken in its struct (fields and nested structs share
//   one scope), or that equals the name of the struct or of one enclosing it, gets a trailing
//   underscore until it is free (default -> default_). Other characters than letters, digits and
//   '_' become '_', and a leading digit gets a leading '_'.
// - Attributes (`struct attr`): the attribute name made an identifier the same way
//   (Endpoint.Address -> Endpoint_Address); CloudFormation read-only properties, every Terraform
//   attribute. Read-only properties are no fields.
// - Types: string -> Str, integer -> Int, number -> Num, boolean -> Bool, array -> ListOf<T>,
//   object with only patternProperties/additionalProperties -> MapOf<T>, object with properties ->
//   nested struct, anything else (untyped, several types, object without properties) -> Value.
//   Terraform: string -> Str, number -> Num, bool -> Bool, list/set(T) -> ListOf<T>,
//   map(T) -> MapOf<T>, object({...}) -> nested struct, dynamic/tuple -> Value; blocks with
//   nesting single -> std::optional<Block>, list/set -> std::optional<ListOf<Block>>.
#include <cstdio>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfn_reader.hpp"
#include "emit.hpp"
#include "files.hpp"
#include "replacement.hpp"
#include "tf_reader.hpp"
#include "types_list.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace drdb::codegen {
namespace {

constexpr std::string_view kTfProvider = "registry.terraform.io/hashicorp/aws";

struct Options {
  fs::path schemas, templates, out;
};

json read_json(const fs::path& file) {
  try {
    return json::parse(read_file(file));
  } catch (const json::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

Service& service_of(Target& target, const std::string& name) {
  auto& s = target.services[name];
  s.name = name;
  return s;
}

int run(const Options& options) {
  auto entries = read_types(options.schemas / "types.txt");
  Arena arena;
  Target cfn{"cfn", "Typed CloudFormation resources (L1) of every type in schemas/types.txt.", true, {}};
  Target tf{"tf", "Typed Terraform resources (L1) of every type in schemas/types.txt.", false, {}};

  for (const auto& e : entries) {
    auto file = cfn_schema_file(e.cfn_type);
    auto& service = service_of(cfn, e.service);
    service.resources.push_back(read_cfn_resource(read_json(options.schemas / "cfn" / file), arena));
    service.schema_files.push_back("schemas/cfn/" + file);
  }

  const json tf_schema = read_json(options.schemas / "tf" / "aws.json");
  const json& resources = tf_schema.at("provider_schemas").at(std::string(kTfProvider)).at("resource_schemas");
  std::set<std::string> seen;
  for (const auto& e : entries) {
    for (const auto& type : e.tf_types) {
      if (!seen.insert(type).second) continue;
      if (!resources.contains(type)) throw std::runtime_error("schemas/tf/aws.json has no resource type " + type);
      auto& service = service_of(tf, e.service);
      service.resources.push_back(read_tf_resource(type, resources.at(type), arena));
      service.schema_files = {"schemas/tf/aws.json"};
    }
  }

  Templates templates(options.templates);
  OutputTree out(options.out);
  emit({&cfn, &tf}, templates, out);
  emit_replacement(cfn, tf, entries, read_json(options.schemas / "cfn-updates.json"),
                   read_json(options.schemas / "tf-aliases.json"), templates.replacement, out);
  out.remove_stale("include/drdb/l1");
  out.remove_stale("lib/l1");
  std::printf("drdb-codegen: %zu file(s) changed\n", out.changed());
  return 0;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    fs::path value = argv[i + 1];
    if (flag == "--schemas") o.schemas = value;
    else if (flag == "--templates") o.templates = value;
    else if (flag == "--out") o.out = value;
    else throw std::runtime_error("unknown option " + std::string(flag));
  }
  if (o.schemas.empty() || o.templates.empty() || o.out.empty() || argc % 2 == 0)
    throw std::runtime_error("usage: drdb-codegen --schemas DIR --templates DIR --out DIR");
  return o;
}

}  // namespace
}  // namespace drdb::codegen

int main(int argc, char** argv) {
  try {
    return drdb::codegen::run(drdb::codegen::parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drdb-codegen: %s\n", e.what());
    return 1;
  }
}
