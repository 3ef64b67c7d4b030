#include "drdb/l1/writer.hpp"

#include <utility>

namespace drdb::l1 {

Value detail::render_list(const Value* expression, const void* items, std::size_t count, std::size_t stride,
                          Renderer item) {
  if (expression) return *expression;
  List out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(item(static_cast<const char*>(items) + i * stride));
  return Value(std::move(out));
}

ObjectWriter::ObjectWriter(Unset unset) : unset_(unset) {}
ObjectWriter::~ObjectWriter() = default;

void ObjectWriter::put_str(std::string_view key, const Str& field) { put_value(key, ::drdb::to_value(field)); }
void ObjectWriter::put_int(std::string_view key, const Int& field) { put_value(key, ::drdb::to_value(field)); }
void ObjectWriter::put_num(std::string_view key, const Num& field) { put_value(key, ::drdb::to_value(field)); }
void ObjectWriter::put_bool(std::string_view key, const Bool& field) { put_value(key, ::drdb::to_value(field)); }
void ObjectWriter::put_copy(std::string_view key, const Value& field) { put_value(key, Value(field)); }
void ObjectWriter::put_str_map(std::string_view key, const MapOf<Str>& field) { put_value(key, ::drdb::to_value(field)); }

void ObjectWriter::put_rendered(std::string_view key, const void* field, detail::Renderer renderer) {
  put_value(key, renderer(field));
}

void ObjectWriter::put_unset(std::string_view key) {
  if (unset_ == Unset::Null) put_value(key, Value());
}

void ObjectWriter::put_value(std::string_view key, Value&& value) {
  out_.emplace_hint(out_.end(), key, std::move(value));
}

Value ObjectWriter::finish() { return Value(std::exchange(out_, {})); }

}  // namespace drdb::l1
