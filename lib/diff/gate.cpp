// What fails the CI gate.
#include "drdb/diff/diff.hpp"

namespace drdb::diff {

bool fails(const Diff& diff, FailOn level) {
  for (const auto& f : diff.files) {
    if (level == FailOn::Any || !f.error.empty()) return true;
    for (const auto& r : f.resources) {
      if (r.data_loss) return true;
      if (level != FailOn::Replacement) continue;
      // A removal destroys or orphans as a replacement does; an unknown verdict may be one.
      if (r.change == Change::Removed || (r.change == Change::Modified && r.replacement != Replacement::No)) return true;
    }
  }
  return false;
}

}  // namespace drdb::diff
