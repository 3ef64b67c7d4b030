#include "drdb/core/raw_resource.hpp"
#include "drdb/core/logical_id.hpp"
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
  RenderedResource r;
  r.owner = &raw;
  r.type = definition->type;
  r.name = logical_id(raw);
  r.properties = definition->properties.is_null() ? Value(Object{}) : definition->properties;
  r.taggable = true;
  r.shape = drdb::l1::cfn::find_shape(definition->type);
  out().resources.push_back(std::move(r));
  out().passthrough_attributes[&raw] = {definition->type, logical_id(raw), {}};
}

}  // namespace drdb::render::cfn
