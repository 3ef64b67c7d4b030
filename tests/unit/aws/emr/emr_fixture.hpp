// A stack with what an EMR cluster needs around it, and helpers to validate and render it.
#pragma once

#include <drdb/drdb.hpp>
#include <nlohmann/json.hpp>

#include "render/common/value_json.hpp"

#include <set>
#include <string>
#include <string_view>

namespace emr_test {

using namespace drdb;
using namespace drdb::aws::emr;
using nlohmann::json;

struct Env {
  App app;
  Stack& stack = app.add<Stack>("S", {.region = "us-east-1"});
  aws::ec2::Vpc& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  aws::ec2::Subnet& subnet = vpc.add_subnet("Private1", {.cidr = "10.20.0.0/19"});
  aws::s3::Bucket& logs = stack.add<aws::s3::Bucket>("Logs");
  aws::s3::Bucket& data = stack.add<aws::s3::Bucket>("Data");

  // A valid small cluster; tests change what they exercise.
  Cluster::Props props() {
    return {.release_label = "emr-7.1.0",
            .applications = {Application::spark(), Application::hive()},
            .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                        .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
            .vpc = &vpc,
            .subnets = {subnet},
            .logs = LogDestination{.bucket = &logs}};
  }
  Cluster& cluster(Cluster::Props p, std::string id = "Etl") { return stack.add<Cluster>(std::move(id), std::move(p)); }
};

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

inline std::string diagnostics_of(const App& app) { return validate(app).format(); }

struct Outputs {
  json cfn;
  json tf;
  std::string text;  // every document, concatenated: for "appears nowhere" checks
};

inline Outputs render_all(const App& app) {
  Outputs out;
  for (const auto& d : synthesize(app)) {
    out.text += d.content;
    if (d.format == Format::CloudFormationJson) out.cfn = json::parse(d.content);
    if (d.format == Format::Terraform) out.tf = json::parse(d.content);
  }
  return out;
}

// The one resource of `type` in a CloudFormation template (fails the test if not exactly one).
inline const json& cfn_resource(const json& cfn, std::string_view type) {
  const json* found = nullptr;
  int count = 0;
  for (const auto& [id, r] : cfn["Resources"].items())
    if (r["Type"] == type) {
      found = &r;
      ++count;
    }
  if (count != 1) throw std::runtime_error("expected one " + std::string(type) + ", found " + std::to_string(count));
  return *found;
}

// The one Terraform resource of `type`.
inline const json& tf_resource(const json& tf, std::string_view type) {
  const auto& all = tf["resource"][std::string(type)];
  if (all.size() != 1) throw std::runtime_error("expected one " + std::string(type) + ", found " + std::to_string(all.size()));
  return all.begin().value();
}

// A value as JSON with expressions spelled out: an attribute as "${<path>.<attribute>}", a join as
// its parts' text, a pseudo parameter as "${pseudo:<n>}".
inline std::string expression_text(const Value& v);
inline json to_json(const Value& v) {
  return render::value_to_json(v, [](const std::string& s) { return json(s); },
                               [](const Value& e) { return json(expression_text(e)); });
}
inline std::string expression_text(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (!v.is_expression()) return to_json(v).dump();
  const auto& e = v.as_expression();
  if (const auto* ref = std::get_if<AttrRef>(&e)) return "${" + ref->target->path() + "." + ref->attribute + "}";
  if (const auto* join = std::get_if<Join>(&e)) {
    std::string out;
    for (std::size_t i = 0; i < join->parts.size(); ++i) out += (i ? join->separator : "") + expression_text(join->parts[i]);
    return out;
  }
  if (const auto* pseudo = std::get_if<Pseudo>(&e)) return "${pseudo:" + std::to_string(static_cast<int>(*pseudo)) + "}";
  if (const auto* js = std::get_if<JsonString>(&e)) return to_json(*js->document).dump();
  return "${expression}";
}

inline json run_job_flow(const Cluster& c) {
  Diagnostics d;
  auto v = c.run_job_flow_parameters(d);
  if (d.has_errors()) throw std::runtime_error(d.format());
  return to_json(v);
}

}  // namespace emr_test
