#include "drdb/aws/emr/configuration.hpp"

#include <algorithm>
#include <map>

namespace drdb::aws::emr {

namespace {

Classification& find_or_add(std::vector<Classification>& list, std::string_view name) {
  auto it = std::find_if(list.begin(), list.end(), [&](const Classification& c) { return c.name == name; });
  if (it != list.end()) return *it;
  list.push_back({std::string(name), {}, {}});
  return list.back();
}

// Who set each property so far: "classification/nested|key" → source.
using Origins = std::map<std::string, std::string, std::less<>>;

// Merges `from` into `into`; `prefix` names the classification path for conflict reports.
void merge_into(Classification& into, const Classification& from, const std::string& prefix, const std::string& source,
                Origins* origins, std::vector<ConfigurationConflict>* conflicts) {
  for (const auto& [key, value] : from.properties) {
    auto existing = into.properties.find(key);
    if (origins != nullptr) {
      auto& origin = (*origins)[prefix + "|" + key];
      if (existing != into.properties.end() && !(existing->second == value) && origin != source)
        conflicts->push_back({prefix, key, origin, source});
      origin = source;
    }
    if (existing != into.properties.end())
      existing->second = value;
    else
      into.properties.emplace(key, value);
  }
  for (const auto& nested : from.nested)
    merge_into(find_or_add(into.nested, nested.name), nested, prefix + "/" + nested.name, source, origins, conflicts);
}

}  // namespace

Configurations& Configurations::set(std::string_view classification, std::string key, Str value) {
  auto& c = find_or_add(classifications_, classification);
  c.properties.insert_or_assign(std::move(key), std::move(value));
  return *this;
}

Configurations& Configurations::spark_env(std::string variable, Str value) {
  auto& exports = find_or_add(find_or_add(classifications_, "spark-env").nested, "export");
  exports.properties.insert_or_assign(std::move(variable), std::move(value));
  return *this;
}

Configurations& Configurations::add(const Classification& classification) {
  merge_into(find_or_add(classifications_, classification.name), classification, classification.name, source_, nullptr,
             nullptr);
  return *this;
}

MergedConfigurations merge(const std::vector<Configurations>& sources) {
  MergedConfigurations out;
  Origins origins;
  for (const auto& source : sources)
    for (const auto& c : source.classifications())
      merge_into(find_or_add(out.classifications, c.name), c, c.name, source.source(), &origins, &out.conflicts);
  return out;
}

Value Classification::api_value() const {
  Object props;
  for (const auto& [key, value] : properties) props.emplace(key, to_value(value));
  Object out{{"Classification", name}, {"Properties", Value(std::move(props))}};
  if (!nested.empty()) out.emplace("Configurations", configurations_api_value(nested));
  return Value(std::move(out));
}

Value configurations_api_value(const std::vector<Classification>& classifications) {
  List out;
  for (const auto& c : classifications) out.push_back(c.api_value());
  return Value(std::move(out));
}

}  // namespace drdb::aws::emr
