// What synth prints after writing: the commands that deploy what it wrote, stack by stack in
// deploy order, so the next step is one copy away: the Lambda code upload when there are assets,
// --s3-bucket for a template above CloudFormation's inline limit, the parameters without default.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {

void print_deploy_commands(const App& app, const Synthesis& synthesis, const std::vector<AssetFile>& side_files,
                           const std::filesystem::path& dir, std::ostream& out);

}  // namespace drdb::cli
