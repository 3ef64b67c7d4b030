#include "drdb/core/raw_resource.hpp"
#include "drdb/l1/shape.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

void TfMapper::visit(const RawResource& raw) {
  const auto& definition = raw.props().terraform;
  if (!definition) {
    diagnostics().error(raw.path(), "this raw resource has no Terraform definition",
                        "set .terraform = {type, body}, or synthesize only the CloudFormation formats");
    return;
  }
  emit_raw(raw, definition->type, definition->properties, drdb::l1::tf::find_shape(definition->type));
}

}  // namespace drdb::render::tf
