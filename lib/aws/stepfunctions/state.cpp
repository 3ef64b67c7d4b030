#include "drdb/aws/stepfunctions/state.hpp"

#include "drdb/aws/stepfunctions/graph.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::stepfunctions {

namespace {

void put_path(Object& out, const char* key, const std::optional<ReferencePath>& path) {
  if (path) out.emplace(key, path->to_value());
}
void put_payload(Object& out, const char* key, const std::optional<Payload>& payload) {
  if (payload) out.emplace(key, payload_value(*payload));
}
// ResultSelector, ResultPath and OutputPath of the states that produce a result (Task, Parallel, Map).
template <class Props>
void put_results(Object& out, const Props& props) {
  put_payload(out, "ResultSelector", props.result_selector);
  put_path(out, "ResultPath", props.result_path);
  put_path(out, "OutputPath", props.output_path);
}

}  // namespace

std::string_view state_type_name(StateType type) {
  switch (type) {
    case StateType::Pass: return "Pass";
    case StateType::Task: return "Task";
    case StateType::Choice: return "Choice";
    case StateType::Wait: return "Wait";
    case StateType::Parallel: return "Parallel";
    case StateType::Map: return "Map";
    case StateType::Succeed: return "Succeed";
    case StateType::Fail: return "Fail";
  }
  return "";
}

Value Retry::to_value() const {
  List names(errors.begin(), errors.end());
  Object out{{"BackoffRate", backoff_rate},
             {"ErrorEquals", Value(std::move(names))},
             {"IntervalSeconds", interval_seconds},
             {"MaxAttempts", max_attempts}};
  if (backoff_rate == static_cast<double>(static_cast<int>(backoff_rate))) out["BackoffRate"] = static_cast<int>(backoff_rate);
  if (max_delay_seconds) out.emplace("MaxDelaySeconds", *max_delay_seconds);
  if (jitter == Jitter::Full) out.emplace("JitterStrategy", "FULL");
  return Value(std::move(out));
}

State::~State() = default;

std::vector<const State*> State::successors() const { return {}; }

Object State::base_value() const {
  Object out{{"Type", std::string(state_type_name(type_))}};
  if (!comment_.empty()) out.emplace("Comment", comment_);
  return out;
}

// ---- NextState ----------------------------------------------------------------------------------

void NextState::set_next(State& state) {
  if (next_ != nullptr && next_ != &state) replaced_.push_back(next_->name());
  next_ = &state;
}

std::vector<const State*> NextState::successors() const {
  if (next_ == nullptr) return {};
  return {next_};
}

std::vector<State::Problem> NextState::problems() const {
  std::vector<Problem> out;
  for (const auto& old : replaced_)
    out.push_back({"next() was called again: the transition to \"" + old + "\" was replaced by one to \"" + next_->name() + "\"",
                   "call next() once per state; use a Choice to go to one of several states"});
  return out;
}

void NextState::put_transition(Object& out) const {
  if (next_ != nullptr)
    out.emplace("Next", next_->name());
  else
    out.emplace("End", true);
}

// ---- RecoverableState ---------------------------------------------------------------------------

std::vector<const State*> RecoverableState::successors() const {
  auto out = NextState::successors();
  for (const auto& c : catches_)
    if (c.next != nullptr) out.push_back(c.next);
  return out;
}

namespace {

// Retry and Catch share the rules on error names: some, and States.ALL alone in the last entry.
template <class Handlers>
void check_error_lists(const Handlers& handlers, const char* field, std::vector<State::Problem>& out) {
  for (std::size_t i = 0; i < handlers.size(); ++i) {
    const auto& names = handlers[i].errors;
    const std::string where = std::string(field) + " " + std::to_string(i + 1);
    if (names.empty()) out.push_back({where + " lists no error", "name the errors, or errors::all for every error"});
    for (const auto& name : names) {
      if (name != errors::all) continue;
      if (names.size() > 1)
        out.push_back({where + " lists States.ALL with other errors", "give States.ALL an entry of its own"});
      if (i + 1 != handlers.size())
        out.push_back({where + " (States.ALL) is not the last " + field + ", so the ones after it never apply",
                       "move the States.ALL entry last"});
    }
  }
}

}  // namespace

std::vector<State::Problem> RecoverableState::problems() const {
  auto out = NextState::problems();
  check_error_lists(retries_, "Retry", out);
  check_error_lists(catches_, "Catch", out);
  for (std::size_t i = 0; i < retries_.size(); ++i) {
    const auto& r = retries_[i];
    const std::string where = "Retry " + std::to_string(i + 1);
    if (r.interval_seconds < 1 || r.interval_seconds > 99999999)
      out.push_back({where + ": interval_seconds " + std::to_string(r.interval_seconds) + " is out of range", "use 1-99999999"});
    if (r.max_attempts < 0 || r.max_attempts > 99999999)
      out.push_back({where + ": max_attempts " + std::to_string(r.max_attempts) + " is out of range", "use 0-99999999 (0: never retry)"});
    if (r.backoff_rate < 1.0)
      out.push_back({where + ": backoff_rate " + std::to_string(r.backoff_rate) + " is below 1", "use 1.0 or more (2.0 doubles each wait)"});
    if (r.max_delay_seconds && (*r.max_delay_seconds < 1 || *r.max_delay_seconds >= 31622401))
      out.push_back({where + ": max_delay_seconds " + std::to_string(*r.max_delay_seconds) + " is out of range", "use 1-31622400"});
  }
  for (std::size_t i = 0; i < catches_.size(); ++i)
    if (catches_[i].next == nullptr)
      out.push_back({"Catch " + std::to_string(i + 1) + " has no next state", "set Catch::next to the state that handles the error"});
  return out;
}

void RecoverableState::put_error_handling(Object& out) const {
  if (!retries_.empty()) {
    List list;
    for (const auto& r : retries_) list.push_back(r.to_value());
    out.emplace("Retry", Value(std::move(list)));
  }
  if (!catches_.empty()) {
    List list;
    for (const auto& c : catches_) {
      Object entry{{"ErrorEquals", Value(List(c.errors.begin(), c.errors.end()))},
                   {"Next", c.next != nullptr ? Value(c.next->name()) : Value()}};
      if (c.result_path) entry.emplace("ResultPath", c.result_path->to_value());
      list.push_back(Value(std::move(entry)));
    }
    out.emplace("Catch", Value(std::move(list)));
  }
}

// ---- the states ---------------------------------------------------------------------------------

Value Pass::to_value(Diagnostics&, const std::string&) const {
  auto out = base_value();
  put_path(out, "InputPath", props_.input_path);
  put_payload(out, "Parameters", props_.parameters);
  if (props_.result) out.emplace("Result", *props_.result);
  put_path(out, "ResultPath", props_.result_path);
  put_path(out, "OutputPath", props_.output_path);
  if (props_.jsonata_output) {
    out.emplace("QueryLanguage", "JSONata");
    out.emplace("Output", "{% " + *props_.jsonata_output + " %}");
  }
  put_transition(out);
  return Value(std::move(out));
}

std::vector<State::Problem> Pass::problems() const {
  auto out = NextState::problems();
  if (!props_.jsonata_output) return out;
  if (props_.input_path || props_.parameters || props_.result || props_.result_path || props_.output_path)
    out.push_back({"a JSONata Pass state cannot also set InputPath, Parameters, Result, ResultPath or OutputPath",
                   "compute the whole output in jsonata_output (e.g. $merge([$states.input, {...}]))"});
  const auto& e = *props_.jsonata_output;
  if (e.find_first_not_of(" \t\n") == std::string::npos)
    out.push_back({"the JSONata output expression is empty", "give the expression, without the {% %} delimiters"});
  if (e.find("{%") != std::string::npos || e.find("%}") != std::string::npos)
    out.push_back({"the JSONata output expression contains {% or %}", "give the expression without its delimiters; drdb adds them"});
  return out;
}

Value Task::to_value(Diagnostics& diagnostics, const std::string& path) const {
  auto out = base_value();
  out.emplace("Resource", call_.resource.value());
  if (call_.parameters) {
    auto parameters = call_.parameters(diagnostics, path);
    if (!parameters.is_null()) out.emplace("Parameters", std::move(parameters));
  }
  put_path(out, "InputPath", props_.input_path);
  put_results(out, props_);
  if (props_.timeout_seconds) out.emplace("TimeoutSeconds", *props_.timeout_seconds);
  if (props_.heartbeat_seconds) out.emplace("HeartbeatSeconds", *props_.heartbeat_seconds);
  put_error_handling(out);
  put_transition(out);
  return Value(std::move(out));
}

std::vector<State::Problem> Task::problems() const {
  auto out = RecoverableState::problems();
  if (props_.timeout_seconds && *props_.timeout_seconds < 1)
    out.push_back({"timeout_seconds must be positive", "use 1 or more, or leave it unset"});
  if (props_.heartbeat_seconds) {
    if (*props_.heartbeat_seconds < 1) out.push_back({"heartbeat_seconds must be positive", "use 1 or more, or leave it unset"});
    if (props_.timeout_seconds && *props_.heartbeat_seconds >= *props_.timeout_seconds)
      out.push_back({"heartbeat_seconds is not below timeout_seconds", "make the heartbeat shorter than the timeout"});
  }
  if (call_.resource.is_literal() && call_.resource.value().as_string().empty())
    out.push_back({"the task calls no resource", "build the call with a tasks:: function or ServiceCall::custom"});
  return out;
}

Choice& Choice::otherwise(State& next) {
  default_ = &next;
  ++defaults_set_;
  return *this;
}

std::vector<const State*> Choice::successors() const {
  std::vector<const State*> out;
  for (const auto& r : rules_) out.push_back(r.next);
  if (default_ != nullptr) out.push_back(default_);
  return out;
}

Value Choice::to_value(Diagnostics&, const std::string&) const {
  auto out = base_value();
  List rules;
  for (const auto& r : rules_) {
    auto rule = r.condition.to_value();
    rule.as_object().emplace("Next", r.next->name());
    rules.push_back(std::move(rule));
  }
  out.emplace("Choices", Value(std::move(rules)));
  if (default_ != nullptr) out.emplace("Default", default_->name());
  put_path(out, "InputPath", props_.input_path);
  put_path(out, "OutputPath", props_.output_path);
  return Value(std::move(out));
}

std::vector<State::Problem> Choice::problems() const {
  std::vector<Problem> out;
  if (rules_.empty() && default_ == nullptr)
    out.push_back({"the Choice has no rule and no default: no way out", "add rules with when() and a default with otherwise()"});
  else if (rules_.empty())
    out.push_back({"the Choice has no rule (the States Language requires at least one)", "use a Pass state to go on unconditionally"});
  if (defaults_set_ > 1)
    out.push_back({"otherwise() was called " + std::to_string(defaults_set_) + " times; only the last default applies",
                   "call otherwise() once"});
  for (std::size_t i = 0; i < rules_.size(); ++i)
    for (auto& p : rules_[i].condition.problems())
      out.push_back({"rule " + std::to_string(i + 1) + ": " + p, "give paths as \"$.field\""});
  return out;
}

Value Wait::to_value(Diagnostics&, const std::string&) const {
  auto out = base_value();
  out.emplace(duration_.field(), duration_.value());
  put_path(out, "InputPath", props_.input_path);
  put_path(out, "OutputPath", props_.output_path);
  put_transition(out);
  return Value(std::move(out));
}

std::vector<State::Problem> Wait::problems() const {
  auto out = NextState::problems();
  const auto& v = duration_.value();
  if (duration_.field() == "Seconds" && v.as_int() < 0)
    out.push_back({"waits a negative number of seconds", "use 0 or more"});
  if ((duration_.field() == "SecondsPath" || duration_.field() == "TimestampPath") && v.as_string().rfind('$', 0) != 0)
    out.push_back({duration_.field() + " \"" + v.as_string() + "\" is not a path", "give a path such as \"$.wait_seconds\""});
  if (duration_.field() == "Timestamp" && !Condition::timestamp_equals("$", v.as_string()).problems().empty())
    out.push_back({"\"" + v.as_string() + "\" is not an RFC 3339 timestamp", "write it as 2026-01-31T00:00:00Z"});
  return out;
}

Parallel::Parallel(std::string name, ParallelProps props)
    : RecoverableState(std::move(name), StateType::Parallel, props.comment), props_(std::move(props)) {}
Parallel::~Parallel() = default;

Graph& Parallel::branch() {
  branches_.push_back(std::make_unique<Graph>());
  return *branches_.back();
}

std::vector<const Graph*> Parallel::subgraphs() const {
  std::vector<const Graph*> out;
  for (const auto& b : branches_) out.push_back(b.get());
  return out;
}

Value Parallel::to_value(Diagnostics& diagnostics, const std::string& path) const {
  auto out = base_value();
  List branches;
  for (const auto& b : branches_) branches.push_back(b->to_value(diagnostics, path));
  out.emplace("Branches", Value(std::move(branches)));
  put_path(out, "InputPath", props_.input_path);
  put_payload(out, "Parameters", props_.parameters);
  put_results(out, props_);
  put_error_handling(out);
  put_transition(out);
  return Value(std::move(out));
}

std::vector<State::Problem> Parallel::problems() const {
  auto out = RecoverableState::problems();
  if (branches_.empty()) out.push_back({"the Parallel state has no branch", "add branches with branch()"});
  return out;
}

Map::Map(std::string name, MapProps props)
    : RecoverableState(std::move(name), StateType::Map, props.comment), props_(std::move(props)), processor_(std::make_unique<Graph>()) {}
Map::~Map() = default;

std::vector<const Graph*> Map::subgraphs() const { return {processor_.get()}; }

Value Map::to_value(Diagnostics& diagnostics, const std::string& path) const {
  auto out = base_value();
  auto processor = processor_->to_value(diagnostics, path);
  processor.as_object().emplace("ProcessorConfig", Value::object({{"Mode", "INLINE"}}));
  out.emplace("ItemProcessor", std::move(processor));
  put_path(out, "InputPath", props_.input_path);
  out.emplace("ItemsPath", props_.items_path);
  put_payload(out, "ItemSelector", props_.item_selector);
  if (props_.max_concurrency) out.emplace("MaxConcurrency", *props_.max_concurrency);
  put_results(out, props_);
  put_error_handling(out);
  put_transition(out);
  return Value(std::move(out));
}

std::vector<State::Problem> Map::problems() const {
  auto out = RecoverableState::problems();
  if (props_.max_concurrency && *props_.max_concurrency < 0)
    out.push_back({"max_concurrency is negative", "use 0 (no limit) or more"});
  if (props_.items_path.rfind('$', 0) != 0)
    out.push_back({"items_path \"" + props_.items_path + "\" is not a path", "give a path such as \"$.items\""});
  return out;
}

Value Succeed::to_value(Diagnostics&, const std::string&) const {
  auto out = base_value();
  put_path(out, "InputPath", props_.input_path);
  put_path(out, "OutputPath", props_.output_path);
  return Value(std::move(out));
}

Value Fail::to_value(Diagnostics&, const std::string&) const {
  auto out = base_value();
  if (!props_.error.empty()) out.emplace("Error", props_.error);
  if (!props_.cause.empty()) out.emplace("Cause", props_.cause);
  if (!props_.error_path.empty()) out.emplace("ErrorPath", props_.error_path);
  if (!props_.cause_path.empty()) out.emplace("CausePath", props_.cause_path);
  return Value(std::move(out));
}

std::vector<State::Problem> Fail::problems() const {
  std::vector<Problem> out;
  if (!props_.error.empty() && !props_.error_path.empty())
    out.push_back({"both error and error_path are set", "keep one of them"});
  if (!props_.cause.empty() && !props_.cause_path.empty())
    out.push_back({"both cause and cause_path are set", "keep one of them"});
  return out;
}

}  // namespace drdb::aws::stepfunctions
