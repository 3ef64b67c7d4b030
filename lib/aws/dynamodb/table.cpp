#include "drdb/aws/dynamodb/table.hpp"

#include <map>
#include <regex>
#include <set>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::dynamodb {

namespace {

constexpr std::size_t max_global_secondary_indexes = 20;

std::string type_letter(AttributeType t) { return std::string(attribute_type_name(t)); }

bool valid_name(const std::string& name) {
  static const std::regex pattern("[a-zA-Z0-9_.-]{3,255}");
  return std::regex_match(name, pattern);
}

// Every key attribute (table and index keys) is declared once in AttributeDefinitions, so one name
// must have one type wherever it is a key.
class KeyTypes {
 public:
  KeyTypes(const std::string& path, Diagnostics& out) : path_(path), out_(out) {}

  void declare(const Attribute& a, const std::string& where) {
    if (a.name.empty()) {
      out_.error(path_, where + " has no attribute name", "name the key attribute, e.g. {.name = \"Correlation_Id\"}");
      return;
    }
    if (a.name.size() > 255)
      out_.error(path_, where + " attribute \"" + a.name.substr(0, 32) + "...\" is longer than 255 characters",
                 "shorten it");
    const auto [it, inserted] = types_.emplace(a.name, std::pair{a.type, where});
    if (!inserted && it->second.first != a.type)
      out_.error(path_,
                 where + " declares \"" + a.name + "\" as " + type_letter(a.type) + " but " + it->second.second +
                     " declares it as " + type_letter(it->second.first),
                 "give the attribute one type everywhere it is a key");
  }
  const std::map<std::string, std::pair<AttributeType, std::string>>& types() const { return types_; }

 private:
  const std::string& path_;
  Diagnostics& out_;
  std::map<std::string, std::pair<AttributeType, std::string>> types_;
};

void check_capacity(const std::string& path, const std::string& what, bool provisioned,
                    const std::optional<int>& read, const std::optional<int>& write, Diagnostics& out) {
  if (!provisioned) {
    if (read || write)
      out.error(path, what + " sets a read or write capacity but the table bills on demand",
                "drop the capacities, or set .billing_mode = BillingMode::Provisioned");
    return;
  }
  if (!read || !write)
    out.error(path, what + " needs both read_capacity and write_capacity with provisioned billing",
              "set both, e.g. .read_capacity = 5, .write_capacity = 5");
  for (const auto& [name, value] : {std::pair{"read_capacity", read}, std::pair{"write_capacity", write}})
    if (value && *value < 1)
      out.error(path, what + " " + name + " is " + std::to_string(*value), "use at least 1 capacity unit");
}

void check_index(const std::string& path, const GlobalSecondaryIndex& index, bool provisioned, KeyTypes& keys,
                 Diagnostics& out) {
  const std::string at = "global secondary index \"" + index.index_name + "\"";
  if (!valid_name(index.index_name))
    out.error(path, at + " has an invalid name", "use 3-255 letters, digits, '_', '.' and '-'");
  keys.declare(index.partition_key, at + " partition key");
  if (index.sort_key) {
    keys.declare(*index.sort_key, at + " sort key");
    if (index.sort_key->name == index.partition_key.name)
      out.error(path, at + " uses \"" + index.partition_key.name + "\" as both partition and sort key",
                "use another attribute as sort key, or drop it");
  }
  const bool include = index.projection == ProjectionType::Include;
  if (include && index.non_key_attributes.empty())
    out.error(path, at + " projects INCLUDE but lists no non_key_attributes",
              "list the attributes to project, or use ProjectionType::KeysOnly / All");
  if (!include && !index.non_key_attributes.empty())
    out.error(path, at + " lists non_key_attributes but does not project INCLUDE",
              "set .projection = ProjectionType::Include, or drop non_key_attributes");
  if (index.non_key_attributes.size() > 100)
    out.error(path, at + " projects " + std::to_string(index.non_key_attributes.size()) + " non-key attributes",
              "DynamoDB allows at most 100: project All instead");
  check_capacity(path, at, provisioned, index.read_capacity, index.write_capacity, out);
}

}  // namespace

Table::Table(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  default_removal_policy(RemovalPolicy::Retain);  // the items are data
}

Str Table::stream_arn() const {
  if (!props_.stream)
    throw Error(ErrorKind::Usage, "[" + path() + "] the table has no stream, so it has no stream ARN — set .stream, e.g. "
                                  "StreamViewType::NewAndOldImages");
  return attr("StreamArn");
}

std::vector<Attribute> Table::key_attributes() const {
  std::map<std::string, AttributeType> by_name;
  const auto add = [&](const Attribute& a) { by_name.emplace(a.name, a.type); };
  add(props_.partition_key);
  if (props_.sort_key) add(*props_.sort_key);
  for (const auto& index : props_.global_secondary_indexes) {
    add(index.partition_key);
    if (index.sort_key) add(*index.sort_key);
  }
  std::vector<Attribute> out;
  for (const auto& [name, type] : by_name) out.push_back({name, type});
  return out;
}

void Table::validate(Diagnostics& out) const {
  const auto p = path();
  if (!props_.table_name.empty() && !valid_name(props_.table_name))
    out.error(p, "table name \"" + props_.table_name + "\" is not valid", "use 3-255 letters, digits, '_', '.' and '-'");

  KeyTypes keys(p, out);
  keys.declare(props_.partition_key, "the partition key");
  if (props_.sort_key) {
    keys.declare(*props_.sort_key, "the sort key");
    if (props_.sort_key->name == props_.partition_key.name && !props_.partition_key.name.empty())
      out.error(p, "\"" + props_.partition_key.name + "\" is both partition and sort key",
                "use another attribute as sort key, or drop it");
  }

  const bool provisioned = props_.billing_mode == BillingMode::Provisioned;
  check_capacity(p, "the table", provisioned, props_.read_capacity, props_.write_capacity, out);

  if (props_.global_secondary_indexes.size() > max_global_secondary_indexes)
    out.error(p, std::to_string(props_.global_secondary_indexes.size()) + " global secondary indexes",
              "DynamoDB allows at most 20 per table");
  std::set<std::string> index_names;
  for (const auto& index : props_.global_secondary_indexes) {
    check_index(p, index, provisioned, keys, out);
    if (!index_names.insert(index.index_name).second)
      out.error(p, "two global secondary indexes are named \"" + index.index_name + "\"", "give each index its own name");
  }

  const auto& ttl = props_.time_to_live_attribute;
  if (ttl.size() > 255) out.error(p, "time_to_live_attribute is longer than 255 characters", "shorten it");
  if (const auto it = keys.types().find(ttl); !ttl.empty() && it != keys.types().end() &&
                                              it->second.first != AttributeType::Number)
    out.error(p, "the TTL attribute \"" + ttl + "\" is a key declared as " + type_letter(it->second.first) +
                     "; DynamoDB expires items by a Number (epoch seconds)",
              "use a Number attribute for the TTL");
}

void Table::accept(ResourceVisitor& v) const { v.visit(*this); }

std::string_view attribute_type_name(AttributeType t) {
  switch (t) {
    case AttributeType::String: return "S";
    case AttributeType::Number: return "N";
    case AttributeType::Binary: return "B";
  }
  return "";
}

std::string_view projection_type_name(ProjectionType t) {
  switch (t) {
    case ProjectionType::All: return "ALL";
    case ProjectionType::KeysOnly: return "KEYS_ONLY";
    case ProjectionType::Include: return "INCLUDE";
  }
  return "";
}

std::string_view stream_view_type_name(StreamViewType t) {
  switch (t) {
    case StreamViewType::KeysOnly: return "KEYS_ONLY";
    case StreamViewType::NewImage: return "NEW_IMAGE";
    case StreamViewType::OldImage: return "OLD_IMAGE";
    case StreamViewType::NewAndOldImages: return "NEW_AND_OLD_IMAGES";
  }
  return "";
}

}  // namespace drdb::aws::dynamodb
