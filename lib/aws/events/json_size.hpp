// Size checks of documents EventBridge limits in characters (patterns, inputs).
#pragma once

#include <cstddef>

#include "drdb/core/value.hpp"

namespace drdb::aws::events {

// Characters of `document` as compact JSON, counting only what is known at synth time (a
// deploy-time value counts as nothing): a lower bound, exact for literal documents.
std::size_t literal_json_size(const Value& document);

}  // namespace drdb::aws::events
