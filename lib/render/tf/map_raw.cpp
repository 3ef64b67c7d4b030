#include "drdb/core/logical_id.hpp"
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
  RenderedResource r;
  r.owner = &raw;
  r.type = definition->type;
  r.name = logical_id(raw);
  r.properties = definition->properties.is_null() ? Value(Object{}) : definition->properties;
  r.taggable = true;
  r.shape = drdb::l1::tf::find_shape(definition->type);
  out().resources.push_back(std::move(r));
  out().passthrough_attributes[&raw] = {definition->type, logical_id(raw), {}};
}

}  // namespace drdb::render::tf
