#include "aws/events/json_size.hpp"

#include "render/common/json_text.hpp"

namespace drdb::aws::events {

std::size_t literal_json_size(const Value& document) {
  std::size_t size = 0;
  for (const auto& piece : render::json_pieces(document))
    if (piece.expression == nullptr) size += piece.text.size();
  return size;
}

}  // namespace drdb::aws::events
