#include "cli/retained_removals.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <set>

#include "drdb/diff/files.hpp"
#include "drdb/io/manifest.hpp"
#include "render/tf/removed_blocks.hpp"
#include "render/tf/tf_module.hpp"

namespace drdb::cli {

void keep_retained(Synthesis& synthesis, const std::filesystem::path& dir, std::ostream& err) {
  const auto listed = read_listed_files(dir);
  if (!listed.files) return;
  const std::set<std::string> files(listed.files->begin(), listed.files->end());
  std::set<std::string> modules;
  for (const auto& doc : synthesis.documents)
    if (doc.format == Format::Terraform && files.contains(doc.path)) modules.insert(doc.path);
  const auto earlier = diff::read_files(dir, modules);
  for (auto& doc : synthesis.documents) {
    const auto it = earlier.find(doc.path);
    if (doc.format != Format::Terraform || it == earlier.end()) continue;
    const auto previous = nlohmann::json::parse(it->second, nullptr, false);
    if (previous.is_discarded()) {
      err << "note: " << (dir / doc.path).generic_string()
          << " is not JSON: the resources it retained are not carried into the new module\n";
      continue;
    }
    auto module = nlohmann::json::parse(doc.content);
    if (render::tf::keep_retained(module, previous)) doc.content = render::tf::json_text(module);
  }
}

}  // namespace drdb::cli
