// Step Functions graphs in specs, state by state. A state is a mapping with one key naming its type
// and holding what it does; its settings (the Props of state.hpp) and transitions sit beside it:
//   Init:    {pass: {}, result: {attempt: 0}, result_path: $.retry, next: List}
//   List:    {task: {emr_list_clusters: {}}, result_path: $.clusters, next: AnyUp,
//             retry: [{errors: [States.TaskFailed], max_attempts: 2}], catch: [{next: Failed, result_path: $.error}]}
//   AnyUp:   {choice: [{when: {is_present: $.clusters.Clusters[0]}, next: Done}], otherwise: Pause}
//   Pause:   {wait: {seconds: 60}, next: List}
//   Both:    {parallel: [<definition>, <definition>], next: Done}
//   Each:    {map: <definition>, items_path: $.items, max_concurrency: 4, end: true}
//   Done:    {succeed: {}}
//   Failed:  {fail: {error: RunFailed, cause: no cluster}}
// A graph is read in two passes: every state is created, then transitions (next, otherwise, rules,
// catch) are resolved by name among the states of the same graph.
#include "drdb/aws/stepfunctions/graph.hpp"
#include "spec/flat_fields.hpp"
#include "spec/sfn_codecs.hpp"
#include "spec/sfn_state_fields.hpp"
#include "spec/value_codec.hpp"

namespace drdb::spec {

using namespace aws::stepfunctions;

namespace {

// A state named by a transition, and where.
struct StateName {
  std::string name;
  YAML::Node at;
};

}  // namespace

template <>
struct Codec<StateName> {
  static bool read(const YAML::Node& n, StateName& v, Context& c) {
    v.at = n;
    return Codec<std::string>::read(n, v.name, c);
  }
  static Schema schema() { return {{"type", "string"}, {"description", "a state of the same graph"}}; }
};

namespace {

struct CatchSpec {
  std::vector<std::string> errors = {errors::all};
  std::optional<ReferencePath> result_path;
  StateName next;
};

struct RuleSpec {
  Condition when = blank<Condition>();
  StateName next;
};

// The value of `pass:` and `succeed:`, which need nothing: {}.
struct Nothing {};

// Transitions of states that continue (Pass, Wait), and of those that also recover (Task, Parallel, Map).
struct Flow {
  std::optional<StateName> next;
  bool end = false;
};
struct Recovery : Flow {
  std::vector<Retry> retry;
  std::vector<CatchSpec> catches;
};

struct PassSpec : Flow {
  Nothing pass;
  PassProps props;
};
struct TaskSpec : Recovery {
  ServiceCall task;
  TaskProps props;
};
struct WaitSpec : Flow {
  WaitFor wait = WaitFor::seconds(0);
  WaitProps props;
};
struct ParallelSpec : Recovery {
  std::vector<Graph> parallel;
  ParallelProps props;
};
struct MapSpec : Recovery {
  Graph map;
  MapProps props;
};
struct ChoiceSpec {
  std::vector<RuleSpec> choice;
  std::optional<StateName> otherwise;
  ChoiceProps props;
};
struct SucceedSpec {
  Nothing succeed;
  SucceedProps props;
};
// fail: {error, cause, error_path, cause_path}; comment beside.
struct FailSpec {
  FailProps fail;
  std::string comment;
};

template <class S>
FieldList<S> flow_fields() {
  return {field<S, std::optional<StateName>>("next", &S::next, "the state that follows; none: the state ends its graph"),
          field<S, bool>("end", &S::end, "true: the state ends its graph (instead of next)")};
}

template <class S>
FieldList<S> recovery_fields() {
  FieldList<S> list = flow_fields<S>();
  list.push_back(field<S, std::vector<Retry>>("retry", &S::retry, "retriers, tried in order"));
  list.push_back(field<S, std::vector<CatchSpec>>("catch", &S::catches, "catchers: where errors go once retries are spent"));
  return list;
}

// A state type's key, then its transitions.
template <class S>
FieldList<S> keyed(Field<S> key, FieldList<S> transitions) {
  FieldList<S> list{std::move(key)};
  list.insert(list.end(), transitions.begin(), transitions.end());
  return list;
}

// {"$ref"} to the definition of stepfunctions.StateMachine: nested graphs are definitions too.
Schema definition_ref() {
  return {{"$ref", "#/$defs/" + std::string(KindName<StateMachine>::value) + "/properties/definition"}};
}

template <class S, class T>
Field<S> nested_graphs(std::string_view name, T S::*member, std::string_view doc) {
  Field<S> f = field(name, member, doc, required);
  if constexpr (std::is_same_v<T, Graph>) f.schema = [] { return definition_ref(); };
  else f.schema = [] { return Schema{{"type", "array"}, {"items", definition_ref()}}; };
  return f;
}

}  // namespace

template <>
struct Fields<Nothing> {
  static constexpr std::string_view name = "state";
  static const FieldList<Nothing>& get() {
    static const FieldList<Nothing> none;
    return none;
  }
};

template <>
struct Fields<CatchSpec> {
  static constexpr std::string_view name = "catch";
  static const FieldList<CatchSpec>& get() {
    static const FieldList<CatchSpec> list{field("errors", &CatchSpec::errors, "error names (default [States.ALL])"),
                                           field("result_path", &CatchSpec::result_path, "where the error goes ($.error); default: the input"),
                                           field("next", &CatchSpec::next, "the state that handles the error", required)};
    return list;
  }
};

template <>
struct Fields<RuleSpec> {
  static constexpr std::string_view name = "choice rule";
  static const FieldList<RuleSpec>& get() {
    static const FieldList<RuleSpec> list{field("when", &RuleSpec::when, "the condition", required),
                                          field("next", &RuleSpec::next, "the state chosen when it holds", required)};
    return list;
  }
};

// ---- each state type: its key beside its props ---------------------------------------------------
template <class S>
struct StateFields {
  static constexpr auto nested = &S::props;
  static constexpr std::array<std::string_view, 0> choice{};
};

template <>
struct FlatFields<PassSpec> : StateFields<PassSpec> {
  static constexpr std::string_view name = "pass state";
  static const FieldList<PassSpec>& get() {
    static const FieldList<PassSpec> list = keyed(field("pass", &PassSpec::pass, "{}", required), flow_fields<PassSpec>());
    return list;
  }
};

template <>
struct FlatFields<TaskSpec> : StateFields<TaskSpec> {
  static constexpr std::string_view name = "task state";
  static const FieldList<TaskSpec>& get() {
    static const FieldList<TaskSpec> list =
        keyed(field("task", &TaskSpec::task, "what the state calls", required),
              recovery_fields<TaskSpec>());
    return list;
  }
};

template <>
struct FlatFields<WaitSpec> : StateFields<WaitSpec> {
  static constexpr std::string_view name = "wait state";
  static const FieldList<WaitSpec>& get() {
    static const FieldList<WaitSpec> list =
        keyed(field("wait", &WaitSpec::wait, "{seconds: n}, {timestamp: t}, {seconds_path: p} or {timestamp_path: p}", required),
              flow_fields<WaitSpec>());
    return list;
  }
};

template <>
struct FlatFields<ParallelSpec> : StateFields<ParallelSpec> {
  static constexpr std::string_view name = "parallel state";
  static const FieldList<ParallelSpec>& get() {
    static const FieldList<ParallelSpec> list =
        keyed(nested_graphs("parallel", &ParallelSpec::parallel, "the branches, each a definition"),
              recovery_fields<ParallelSpec>());
    return list;
  }
};

template <>
struct FlatFields<MapSpec> : StateFields<MapSpec> {
  static constexpr std::string_view name = "map state";
  static const FieldList<MapSpec>& get() {
    static const FieldList<MapSpec> list =
        keyed(nested_graphs("map", &MapSpec::map, "the definition run for each item"),
              recovery_fields<MapSpec>());
    return list;
  }
};

template <>
struct FlatFields<ChoiceSpec> : StateFields<ChoiceSpec> {
  static constexpr std::string_view name = "choice state";
  static const FieldList<ChoiceSpec>& get() {
    static const FieldList<ChoiceSpec> list{field("choice", &ChoiceSpec::choice, "the rules, tried in order: [{when, next}]", required),
                                            field("otherwise", &ChoiceSpec::otherwise, "the state chosen when no rule holds")};
    return list;
  }
};

template <>
struct FlatFields<SucceedSpec> : StateFields<SucceedSpec> {
  static constexpr std::string_view name = "succeed state";
  static const FieldList<SucceedSpec>& get() {
    static const FieldList<SucceedSpec> list{field("succeed", &SucceedSpec::succeed, "{}", required)};
    return list;
  }
};

template <>
struct Fields<FailSpec> {
  static constexpr std::string_view name = "fail state";
  static const FieldList<FailSpec>& get() {
    static const FieldList<FailSpec> list{field("fail", &FailSpec::fail, "{error, cause} or {error_path, cause_path}", required),
                                          field("comment", &FailSpec::comment, "")};
    return list;
  }
};

namespace {

using Names = std::map<std::string, State*, std::less<>>;

State* find(const StateName& name, const Names& names, Context& c) {
  if (auto it = names.find(name.name); it != names.end()) return it->second;
  std::vector<std::string_view> valid;
  for (const auto& [n, s] : names) valid.push_back(n);
  c.unknown(name.at, "state", valid);
  return nullptr;
}

// ---- creating each type of state (pass one) ------------------------------------------------------
Pass& create(Graph& g, const std::string& name, PassSpec& s) { return g.pass(name, std::move(s.props)); }
Task& create(Graph& g, const std::string& name, TaskSpec& s) { return g.task(name, std::move(s.task), std::move(s.props)); }
Wait& create(Graph& g, const std::string& name, WaitSpec& s) { return g.wait(name, std::move(s.wait), std::move(s.props)); }
Choice& create(Graph& g, const std::string& name, ChoiceSpec& s) { return g.choice(name, std::move(s.props)); }
Succeed& create(Graph& g, const std::string& name, SucceedSpec& s) { return g.succeed(name, std::move(s.props)); }
Fail& create(Graph& g, const std::string& name, FailSpec& s) {
  s.fail.comment = std::move(s.comment);
  return g.fail(name, std::move(s.fail));
}
Parallel& create(Graph& g, const std::string& name, ParallelSpec& s) {
  auto& parallel = g.parallel(name, std::move(s.props));
  for (auto& branch : s.parallel) parallel.branch() = std::move(branch);
  return parallel;
}
Map& create(Graph& g, const std::string& name, MapSpec& s) {
  auto& map = g.map(name, std::move(s.props));
  map.processor() = std::move(s.map);
  return map;
}

// ---- wiring its transitions (pass two) -----------------------------------------------------------
bool wire(NextState& state, const Flow& s, const Names& names, Context& c) {
  if (!s.next) return true;
  State* next = find(*s.next, names, c);
  if (next != nullptr) state.next(*next);
  return next != nullptr;
}

bool wire(RecoverableState& state, const Recovery& s, const Names& names, Context& c) {
  bool ok = wire(static_cast<NextState&>(state), static_cast<const Flow&>(s), names, c);
  for (const auto& r : s.retry) state.retry(r);
  for (const auto& k : s.catches) {
    State* next = find(k.next, names, c);
    if (next != nullptr) state.catch_errors({.errors = k.errors, .result_path = k.result_path, .next = next});
    ok = ok && next != nullptr;
  }
  return ok;
}

bool wire(Choice& state, const ChoiceSpec& s, const Names& names, Context& c) {
  bool ok = true;
  for (const auto& rule : s.choice) {
    State* next = find(rule.next, names, c);
    if (next != nullptr) state.when(rule.when, *next);
    ok = ok && next != nullptr;
  }
  if (s.otherwise) {
    State* other = find(*s.otherwise, names, c);
    if (other != nullptr) state.otherwise(*other);
    ok = ok && other != nullptr;
  }
  return ok;
}

bool wire(State&, const SucceedSpec&, const Names&, Context&) { return true; }
bool wire(State&, const FailSpec&, const Names&, Context&) { return true; }

// next and end are alternatives.
bool one_way_out(const YAML::Node& n, const Flow& s, Context& c) {
  if (!s.next || !s.end) return true;
  c.error(n["end"], "a state with next does not end", "keep next or end: true");
  return false;
}
bool one_way_out(const YAML::Node&, const ChoiceSpec&, Context&) { return true; }
bool one_way_out(const YAML::Node&, const SucceedSpec&, Context&) { return true; }
bool one_way_out(const YAML::Node&, const FailSpec&, Context&) { return true; }

using Wiring = std::function<bool(const Names&, Context&)>;

// Reads and creates state `name` of type S; its wiring for pass two, or none after reporting.
template <class S>
std::optional<Wiring> read_state(const YAML::Node& n, const std::string& name, Graph& g, Context& c) {
  auto spec = std::make_shared<S>();
  if (!Codec<S>::read(n, *spec, c) || !one_way_out(n, *spec, c)) return std::nullopt;
  auto& state = create(g, name, *spec);
  return [&state, spec](const Names& names, Context& context) { return wire(state, *spec, names, context); };
}

struct StateType {
  std::string_view key;
  std::optional<Wiring> (*read)(const YAML::Node&, const std::string&, Graph&, Context&);
  Schema (*schema)();
};

constexpr StateType state_types[] = {
    {"pass", &read_state<PassSpec>, &Codec<PassSpec>::schema},
    {"task", &read_state<TaskSpec>, &Codec<TaskSpec>::schema},
    {"choice", &read_state<ChoiceSpec>, &Codec<ChoiceSpec>::schema},
    {"wait", &read_state<WaitSpec>, &Codec<WaitSpec>::schema},
    {"parallel", &read_state<ParallelSpec>, &Codec<ParallelSpec>::schema},
    {"map", &read_state<MapSpec>, &Codec<MapSpec>::schema},
    {"succeed", &read_state<SucceedSpec>, &Codec<SucceedSpec>::schema},
    {"fail", &read_state<FailSpec>, &Codec<FailSpec>::schema},
};

constexpr auto type_keys = [] {
  std::array<std::string_view, std::size(state_types)> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = state_types[i].key;
  return keys;
}();

std::optional<Wiring> read_any_state(const YAML::Node& n, const std::string& name, Graph& g, Context& c) {
  if (!n.IsMap()) {
    c.error(n, "expected a mapping for state \"" + name + "\"", "write e.g. {succeed: {}}");
    return std::nullopt;
  }
  if (!exactly_one(n, type_keys, c, "state \"" + name + "\"")) return std::nullopt;
  for (const auto& type : state_types)
    if (n[std::string(type.key)]) return type.read(n, name, g, c);
  return std::nullopt;
}

// The states of a definition, kept as written until the graph reads them.
struct StatesNode {
  YAML::Node node;
};

struct DefinitionSpec {
  std::optional<StateName> start_at;
  StatesNode states;
  std::vector<StateName> bounded_loops;
};

}  // namespace

template <>
struct Codec<StatesNode> {
  static bool read(const YAML::Node& n, StatesNode& v, Context& c) {
    if (!n.IsMap() || n.size() == 0) {
      c.error(n, "expected the states, by name", "write states: {Name: {succeed: {}}, ...}");
      return false;
    }
    v.node = n;
    return true;
  }
  static Schema schema() {
    Schema one = Schema::array();
    for (const auto& type : state_types) one.push_back(type.schema());
    return {{"type", "object"}, {"additionalProperties", {{"oneOf", one}}}};
  }
};

template <>
struct Fields<DefinitionSpec> {
  static constexpr std::string_view name = "definition";
  static const FieldList<DefinitionSpec>& get() {
    using D = DefinitionSpec;
    static const FieldList<D> list{field("start_at", &D::start_at, "the first state (default: the first written)"),
                                   field("states", &D::states, "name → state, each {<type>: ..., settings...}", required),
                                   field("bounded_loops", &D::bounded_loops, "states whose loops end by themselves without a Wait")};
    return list;
  }
};

bool Codec<Graph>::read(const YAML::Node& n, Graph& v, Context& c) {
  DefinitionSpec d;
  if (!Codec<DefinitionSpec>::read(n, d, c)) return false;
  Names names;
  std::vector<Wiring> wirings;
  bool ok = true;
  for (const auto& entry : d.states.node) {
    if (!detail::scalar(entry.first, c, "a state name")) {
      ok = false;
      continue;
    }
    const std::string& name = entry.first.Scalar();
    if (names.count(name) != 0) {
      c.error(entry.first, "state \"" + name + "\" is given twice", "rename one");
      ok = false;
      continue;
    }
    auto wiring = read_any_state(entry.second, name, v, c);
    if (!wiring) {
      ok = false;
      continue;
    }
    names[name] = v.states().back().get();
    wirings.push_back(std::move(*wiring));
  }
  if (!ok) return false;
  for (const auto& wire : wirings) ok = wire(names, c) && ok;
  if (d.start_at) {
    State* start = find(*d.start_at, names, c);
    if (start != nullptr) v.start_at(*start);
    ok = ok && start != nullptr;
  }
  for (const auto& loop : d.bounded_loops) {
    State* state = find(loop, names, c);
    if (state != nullptr) v.bounded_loop(*state);
    ok = ok && state != nullptr;
  }
  return ok;
}

Schema Codec<Graph>::schema() { return Codec<DefinitionSpec>::schema(); }

}  // namespace drdb::spec
