// The construct input_string values refer to (stepfunctions/payload.hpp), for the renderers' message
// when one reaches a resource's property.
#pragma once

namespace drdb {
class Construct;
}

namespace drdb::aws::stepfunctions::detail {

bool is_state_input(const Construct* target);

}  // namespace drdb::aws::stepfunctions::detail
