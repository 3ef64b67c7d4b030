#include "core/md5.hpp"
#include "drdb/core/logical_id.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

std::string secondary_name(const Construct& owner, std::string_view key) {
  return logical_id(owner) + "_" + detail::md5_hex(key).substr(0, 8);
}

}  // namespace drdb::render::tf
