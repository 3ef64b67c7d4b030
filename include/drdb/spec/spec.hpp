// App specs: a drdb app declared in YAML instead of C++, loaded into the same construct tree (so a
// spec and the equivalent C++ program synthesize the same bytes).
//
//   stacks:
//     Network:
//       description: EMR network
//       region: us-east-1
//       tags: {project: data}
//       resources:
//         Vpc: {type: ec2.Vpc, cidr: 10.30.0.0/16, max_azs: 2, subnet_groups: [...]}
//         Data: {type: s3.Bucket, versioned: true, access_logs_bucket: Logs}
//       outputs:
//         VpcId: {value: {ref: Vpc, attribute: vpc_id}, export_name: network-vpc-id}
//
// A resource is its kind (`type`), its props by their C++ names, and actions run once every
// resource of the stack exists (`allow_from`, `egress`, grants...). A reference to another resource
// is its id; props may only refer to resources declared above them, actions to any. Unknown keys,
// wrong types and dangling references are errors at file:line:col with the nearest valid name.
// schemas/drdb-spec.schema.json (json_schema()) describes the format for editors.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "drdb/core/app.hpp"

namespace drdb::spec {

// Adds the spec's stacks to `app`. Throws ValidationError with every problem found (each at
// file:line:col), or Error(Io) when the file cannot be read.
void load_file(const std::filesystem::path& file, App& app);
// The same from text; `file` names it in messages.
void load(std::string_view text, std::string_view file, App& app);

// Files the spec names by relative path (file assets), held in memory and keyed by the path as the
// spec writes it: a spec compiled into a program (drdb-synth's bundled app) carries its job scripts.
// A path not among them is read from the disk as usual.
using EmbeddedFiles = std::map<std::string, std::string, std::less<>>;
void load(std::string_view text, std::string_view file, App& app, const EmbeddedFiles& files);

// The JSON Schema (draft 2020-12) of spec files, as pretty-printed JSON ending with a newline.
std::string json_schema();

}  // namespace drdb::spec
