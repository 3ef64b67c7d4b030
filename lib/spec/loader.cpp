// Spec files into construct trees, in phases over all stacks: each stack and its resources' kinds;
// then parameters and resources, in file order; then every resource's actions, stack dependencies
// and outputs. A reference is "Id" in its own stack or "Stack/Id" in another.
#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "drdb/core/error.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/spec/spec.hpp"
#include "spec/bounded_yaml.hpp"
#include "spec/kind.hpp"
#include "spec/spec_format.hpp"

namespace drdb::spec {

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> all = [] {
    std::vector<Kind> out;
    for (auto* service : {&dynamodb_kinds, &ec2_kinds, &ecr_kinds, &iam_kinds, &kms_kinds, &logs_kinds, &s3_kinds,
                          &secretsmanager_kinds, &sqs_kinds, &apigateway_kinds, &events_kinds, &lambda_kinds,
                          &emr_kinds, &stepfunctions_kinds})
      for (auto& k : service()) out.push_back(std::move(k));
    std::sort(out.begin(), out.end(), [](const Kind& a, const Kind& b) { return a.name < b.name; });
    return out;
  }();
  return all;
}

const Kind* find_kind(std::string_view name) {
  for (const auto& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

namespace {

// The offset of the first byte that does not begin a well-formed UTF-8 character (no overlong forms,
// no surrogates, nothing above U+10FFFF), or npos.
std::size_t invalid_utf8_at(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    std::size_t length = 1;
    unsigned char low = 0x80, high = 0xBF;  // the range of the byte after the lead
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else if (lead >= 0x80) {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = byte(i + k);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// yaml-cpp decodes UTF-16 and UTF-32 (a byte-order mark, or zero bytes at the start) to UTF-8, but
// passes the bytes of any other text through as they are: a stray byte would reach the rendered
// templates, which must be UTF-8 (JSON), and fail there as a bug. It is reported here, where it is.
void check_utf8(std::string_view text, const std::string& file) {
  if (text.starts_with("\xFE\xFF") || text.starts_with("\xFF\xFE") || text.substr(0, 4).find('\0') != std::string_view::npos)
    return;
  const std::size_t at = invalid_utf8_at(text);
  if (at == std::string_view::npos) return;
  const std::string_view before = text.substr(0, at);
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  Diagnostics out;
  out.error(file + ":" + std::to_string(line) + ":" + std::to_string(column), "not valid UTF-8 text",
            "save the spec as UTF-8 (this byte does not belong to a UTF-8 character)");
  throw ValidationError(std::move(out));
}

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> names;
  for (const auto& k : kinds()) names.push_back(k.name);
  return names;
}

// Reports anything but an error-free creation at `at`.
template <class F>
auto attempt(Context& c, const YAML::Node& at, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    c.error(at, e.what(), "fix the spec at this place");
    return {};
  }
}

// A resource of a stack, declared: its id, kind and node (kept, since looking a key up in a
// yaml-cpp mapping is a linear search, which would make loading a stack quadratic).
struct Declared {
  std::string id;
  const Kind* kind = nullptr;
  YAML::Node node;
};

// The kind of each resource of a stack, before any is created (so references can say "declared
// below" rather than "unknown").
std::vector<Declared> declare(const YAML::Node& resources, Context& c) {
  std::vector<Declared> out;
  for (const auto& entry : resources) {
    if (!detail::scalar(entry.first, c, "a resource id")) continue;
    const std::string id = entry.first.Scalar();
    if (c.declared().count(id) != 0) {
      c.error(entry.first, "resource \"" + id + "\" is declared twice in this stack", "give each resource its own id");
      continue;
    }
    const YAML::Node& node = entry.second;
    if (!node.IsMap() || !node["type"]) {
      c.error(node, "resource \"" + id + "\" has no type", "add type: <kind>, e.g. type: s3.Bucket");
      continue;
    }
    if (!detail::scalar(node["type"], c, "a kind name")) continue;
    const Kind* kind = find_kind(node["type"].Scalar());
    if (kind == nullptr) {
      const auto names = kind_names();
      c.unknown(node["type"], "resource kind", names);
      continue;
    }
    c.declared()[id] = std::string(kind->name);
    out.push_back({id, kind, node});
  }
  return out;
}

// Parameters come first: resources and outputs refer to them as {param: <name>}.
void load_parameters(const YAML::Node& parameters, Stack& stack, Context& c) {
  if (!parameters) return;
  if (!parameters.IsMap()) {
    c.error(parameters, "parameters must be a mapping of name to parameter", "write Name: {description: ...}");
    return;
  }
  for (const auto& entry : parameters) {  // one by one: a mistake in one leaves the others usable
    ParameterSpec spec;
    if (!detail::scalar(entry.first, c, "a parameter name") || !Codec<ParameterSpec>::read(entry.second, spec, c)) continue;
    const auto& name = entry.first.Scalar();
    if (auto* made = attempt(c, entry.first, [&]() -> Parameter* { return &stack.add<Parameter>(name, spec.props()); })) {
      made->set_source(c.where(entry.first));
      c.parameters()[name] = made;
    }
  }
}

// A stack of the spec as it is read: its node, the stack made from it, its resources' kinds.
struct StackLoad {
  std::string name;
  YAML::Node node;
  Stack* stack = nullptr;
  std::vector<Declared> declared;
};

// The stack itself and the kinds of its resources: every stack is declared before any resource is
// created, so a reference to another stack's resource below says so.
std::optional<StackLoad> declare_stack(const YAML::Node& key, const YAML::Node& node, App& app, Context& c) {
  const std::string& name = key.Scalar();
  StackSpec spec;
  if (!read_fields(node, spec, Fields<StackSpec>::get(), c, "stack", stack_sections)) return std::nullopt;
  Stack* stack = attempt(c, node, [&]() -> Stack* {
    return &app.add<Stack>(name, {.description = spec.description, .region = spec.region});
  });
  if (stack == nullptr) return std::nullopt;
  stack->set_source(c.where(key));
  for (const auto& [tag, value] : spec.tags) stack->tag(tag, value);
  for (const auto& s : spec.suppress) stack->suppress(s.rule, s.reason);
  c.enter(name);
  const YAML::Node resources = node["resources"];
  if (resources && !resources.IsMap()) c.error(resources, "resources must be a mapping of id to resource", "write Id: {type: ...}");
  StackLoad load{name, node, stack, {}};
  if (resources && resources.IsMap()) load.declared = declare(resources, c);
  return load;
}

// Parameters, then the resources in file order: props refer to resources above them, in this stack
// or in a stack above.
void create_resources(const StackLoad& s, Context& c) {
  c.enter(s.name);
  load_parameters(s.node["parameters"], *s.stack, c);
  for (const auto& r : s.declared) {
    Construct* made = attempt(c, r.node, [&]() -> Construct* { return r.kind->create(*s.stack, r.id, r.node, c); });
    if (made == nullptr) continue;
    made->set_source(c.where(r.node));
    c.resources()[r.id] = made;
    apply_suppressions(*made, r.node, c);
  }
}

// `depends_on: [Stack, ...]`: deployed after those stacks, without reading their values.
void add_dependencies(const StackLoad& s, App& app, Context& c) {
  const YAML::Node after = s.node["depends_on"];
  if (!after) return;
  if (!after.IsSequence()) {
    c.error(after, "depends_on must be a list of stack names", "write depends_on: [Network]");
    return;
  }
  for (const auto& name : after) {
    if (!detail::scalar(name, c, "a stack name")) continue;
    const auto stacks = app.stacks();
    const auto it = std::find_if(stacks.begin(), stacks.end(), [&](const Stack* t) { return t->name() == name.Scalar(); });
    if (it == stacks.end()) {
      const auto names = c.stack_names();
      c.unknown(name, "stack", names);
      continue;
    }
    attempt(c, name, [&]() -> bool {
      s.stack->add_dependency(**it);
      return true;
    });
  }
}

// Actions once every resource of every stack exists (they may refer anywhere), then outputs.
void act_and_output(const StackLoad& s, App& app, Context& c) {
  c.enter(s.name);
  for (const auto& r : s.declared) {
    if (auto it = c.resources().find(r.id); it != c.resources().end())
      attempt(c, r.node, [&]() -> bool {
        r.kind->act(*it->second, r.node, c);
        return true;
      });
  }
  add_dependencies(s, app, c);

  const YAML::Node outputs = s.node["outputs"];
  if (!outputs) return;
  std::map<std::string, OutputSpec> specs;
  if (!Codec<std::map<std::string, OutputSpec>>::read(outputs, specs, c)) return;
  for (const auto& entry : outputs) {
    const auto& o = specs[entry.first.Scalar()];
    attempt(c, entry.first, [&]() -> bool {
      s.stack->add<Output>(entry.first.Scalar(), {.value = o.value.value(), .description = o.description, .export_name = o.export_name})
          .set_source(c.where(entry.first));
      return true;
    });
  }
}

}  // namespace

void load(std::string_view text, std::string_view file, App& app) { load(text, file, app, {}); }

void load(std::string_view text, std::string_view file, App& app, const EmbeddedFiles& files) {
  Diagnostics out;
  Context c(std::string(file), out, &files);
  check_utf8(text, std::string(file));
  const YAML::Node doc = parse_bounded(text, std::string(file));
  AppSpec spec;
  const bool read = read_fields(doc, spec, Fields<AppSpec>::get(), c, "app spec", app_sections);
  if (read && !doc["stacks"])
    c.error(doc, "the spec has no stacks, so there is nothing to synthesize", "add them: stacks: {Data: {resources: {...}}}");
  if (read && doc["stacks"]) {
    if (!doc["stacks"].IsMap()) c.error(doc["stacks"], "stacks must be a mapping of stack name to stack", "write Name: {resources: ...}");
    else if (doc["stacks"].size() == 0)
      c.error(doc["stacks"], "the spec declares no stacks, so there is nothing to synthesize",
              "add one: stacks: {Data: {resources: {...}}}");
    else
    {
      std::vector<StackLoad> stacks;
      for (const auto& entry : doc["stacks"])
        if (detail::scalar(entry.first, c, "a stack name"))
          if (auto s = declare_stack(entry.first, entry.second, app, c)) stacks.push_back(std::move(*s));
      for (const auto& s : stacks) create_resources(s, c);
      for (const auto& s : stacks) act_and_output(s, app, c);
    }
  }
  if (out.has_errors()) throw ValidationError(std::move(out));
}

// A spec that cannot be read is a mistake on the command line (exit 2), not an output failure.
void load_file(const std::filesystem::path& file, App& app) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status))
    throw Error(ErrorKind::Usage, file.generic_string() + ": no such spec file — check the path given to --app");
  if (std::filesystem::is_directory(status))
    throw Error(ErrorKind::Usage, file.generic_string() + " is a directory — give the spec file in it, e.g. " +
                                      (file / "app.yaml").generic_string());
  if (!std::filesystem::is_regular_file(status))
    throw Error(ErrorKind::Usage, file.generic_string() + " is not a regular file — give the spec file");
  if (const auto size = std::filesystem::file_size(file, ec); !ec) check_spec_size(size, file.generic_string());  // before reading it
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throw Error(ErrorKind::Usage, file.generic_string() + ": cannot be read — check its permissions");
  std::ostringstream text;
  text << in.rdbuf();
  load(text.str(), file.generic_string(), app);
}

}  // namespace drdb::spec
