// Base of each target's mapping step: turns constructs into RenderedResources.
#pragma once

#include <string>
#include <utility>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/logical_id.hpp"
#include "render/common/rendered.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::render {

class Mapper : public ResourceVisitor {
 public:
  Mapper(RenderedStack& out, Diagnostics& diagnostics) : out_(out), diagnostics_(diagnostics) {}

 protected:
  // Adds one target resource rendered from a generated L1 struct; `name` defaults to the owner's
  // logical id (secondary resources pass their own).
  template <class L1>
  RenderedResource& emit(const Resource& owner, const L1& l1, std::string name = {}, bool primary = true) {
    RenderedResource r;
    r.owner = &owner;
    r.type = std::string(L1::type_name);
    r.name = name.empty() ? logical_id(owner) : std::move(name);
    r.properties = l1.to_value();
    r.shape = &L1::shape();
    r.primary = primary;
    r.taggable = requires { l1.tags; };
    out_.resources.push_back(std::move(r));
    return out_.resources.back();
  }
  // A raw resource's definition for this target, checked against `shape` when drdb knows the type;
  // any attribute of it can be referenced by its target name.
  void emit_raw(const Resource& owner, const std::string& type, const Value& properties, const l1::Shape* shape) {
    RenderedResource r;
    r.owner = &owner;
    r.type = type;
    r.name = logical_id(owner);
    r.properties = properties.is_null() ? Value(Object{}) : properties;
    r.shape = shape;
    r.taggable = true;
    out_.resources.push_back(std::move(r));
    out_.passthrough_attributes[&owner] = {type, logical_id(owner), {}};
  }
  // `owner.attr(neutral)` reads as `attribute` of `resource` in this target.
  void bind(const Construct& owner, std::string neutral, const RenderedResource& resource, std::string attribute) {
    out_.attributes[&owner][std::move(neutral)] = {resource.type, resource.name, std::move(attribute)};
  }
  RenderedStack& out() { return out_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  RenderedStack& out_;
  Diagnostics& diagnostics_;
};

}  // namespace drdb::render
