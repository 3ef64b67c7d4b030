#include "drdb/core/raw_resource.hpp"
#include "drdb/l1/shape.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

void CfnMapper::visit(const RawResource& raw) {
  const auto& definition = raw.props().cloudformation;
  if (!definition) {
    diagnostics().error(raw.path(), "this raw resource has no CloudFormation definition",
                        "set .cloudformation = {type, properties}, or synthesize only --format terraform");
    return;
  }
  emit_raw(raw, definition->type, definition->properties, drdb::l1::cfn::find_shape(definition->type));
}

}  // namespace drdb::render::cfn
