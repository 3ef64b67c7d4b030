// The generator's intermediate model: one normalized tree for both schema dialects.
//
// The readers (cfn_reader, tf_reader) turn a CloudFormation registry schema or a Terraform block
// schema into Nodes and StructDefs; the emitters turn those into C++ declarations, to_value bodies
// and Shape tables. Nothing here knows JSON Schema or Terraform syntax.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace drdb::codegen {

// Mirrors drdb::l1::Kind (include/drdb/l1/shape.hpp); the emitter prints the enumerator names.
enum class Kind { Any, String, Integer, Number, Boolean, Array, Object, Map };

struct StructDef;

// One schema node: what C++ type a field gets and which constraints its Shape carries.
struct Node {
  Kind kind = Kind::Any;
  std::vector<Kind> any_of;         // Kind::Any restricted to these kinds (multi-type schemas)
  StructDef* object = nullptr;      // Kind::Object with known properties: the generated struct
  const Node* items = nullptr;      // Array items, Map values (nullptr: anything)
  bool closed = false;              // Kind::Object without struct: no property allowed
  bool single_as_list = false;      // Array: one object stands for a one-item list (Terraform blocks)
  std::optional<std::string> key_pattern;  // Map keys
  std::vector<std::string> enum_values;    // strings as is, numbers as their JSON text
  std::optional<std::string> pattern;
  std::string pattern_note;         // why a schema pattern was dropped (becomes a comment)
  std::optional<double> minimum, maximum;
  std::optional<std::uint64_t> min_length, max_length, min_items, max_items;
};

struct Member {
  std::string schema_name;          // key in the rendered object
  std::string cpp_name;             // field name (empty: not a field)
  const Node* node = nullptr;       // nullptr: read-only, never checked nor rendered
  bool required = false;
  bool read_only = false;           // computed by the target; setting it is an error
  bool nullable = false;            // null is a valid "unset" (Terraform object attributes)
  bool is_field() const { return node != nullptr && !read_only && !cpp_name.empty(); }
};

struct Attribute {
  std::string cpp_name;  // identifier in `struct attr`
  std::string name;      // the target's attribute name
};

struct StructDef {
  std::string name;                 // C++ name, unique in its scope
  StructDef* parent = nullptr;      // enclosing struct (nullptr for a resource)
  std::string comment;              // one line above the declaration
  std::vector<Member> members;      // sorted by schema_name (byte order, like drdb::Object)
  std::vector<StructDef*> nested;   // in creation order; emitters order them by dependency
  bool closed = true;               // unknown properties are errors
  bool emit_all_keys = false;       // to_value writes null for unset fields (Terraform objects)

  // "VPC::Tag": the name as seen from the enclosing namespace.
  std::string qualified() const { return parent ? parent->qualified() + "::" + name : name; }
};

struct Resource {
  std::string type_name;            // "AWS::EC2::VPC" / "aws_vpc"
  StructDef* root = nullptr;
  std::vector<Attribute> attributes;
  // Properties whose change makes the target replace the resource ("BucketName",
  // "VpcConfig.SubnetIds"), sorted; CloudFormation's createOnlyProperties.
  std::vector<std::string> create_only;
  // Properties whose change may replace it, depending on the change (conditionalCreateOnlyProperties).
  std::vector<std::string> conditional_create_only;
};

// All resources of one header/source pair ("ec2" for cfn/ec2.hpp, tf/ec2.hpp).
struct Service {
  std::string name;
  std::vector<std::string> schema_files;  // relative to the repository, for the file header
  std::vector<Resource> resources;
};

// Owns every Node and StructDef (stable addresses).
class Arena {
 public:
  Node* node(Node n = {}) { return &nodes_.emplace_back(std::move(n)); }
  StructDef* struct_def(std::string name, StructDef* parent, std::string comment) {
    auto& s = structs_.emplace_back();
    s.name = std::move(name);
    s.parent = parent;
    s.comment = std::move(comment);
    if (parent) parent->nested.push_back(&s);
    return &s;
  }

 private:
  std::deque<Node> nodes_;
  std::deque<StructDef> structs_;
};

}  // namespace drdb::codegen
