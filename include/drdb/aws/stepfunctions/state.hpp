// The states of a Step Functions graph. States are created by a Graph (graph.hpp), which owns them;
// callers hold references (handles) that stay valid as long as the graph, or the state machine the
// graph was moved into, lives. Transitions are set on the handles:
//
//   auto& list = g.task("ListClusters", tasks::emr_list_clusters({...}));
//   list.next(g.choice("AnyWaiting")).when(Condition::is_present("$.Clusters[0]"), reuse).otherwise(create);
//
// Only states that continue have next(); Succeed and Fail have none, a Choice has rules. A state
// without a Next ends its graph (End: true).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drdb/aws/stepfunctions/condition.hpp"
#include "drdb/aws/stepfunctions/payload.hpp"
#include "drdb/aws/stepfunctions/service_call.hpp"

namespace drdb {
class Diagnostics;
}

namespace drdb::aws::stepfunctions {

class Graph;

// Error names the States Language defines, for Retry and Catch.
namespace errors {
inline constexpr const char* all = "States.ALL";
inline constexpr const char* timeout = "States.Timeout";
inline constexpr const char* task_failed = "States.TaskFailed";
inline constexpr const char* permissions = "States.Permissions";
inline constexpr const char* heartbeat_timeout = "States.HeartbeatTimeout";
inline constexpr const char* no_choice_matched = "States.NoChoiceMatched";
inline constexpr const char* intrinsic_failure = "States.IntrinsicFailure";
}  // namespace errors

enum class StateType { Pass, Task, Choice, Wait, Parallel, Map, Succeed, Fail };
std::string_view state_type_name(StateType type);

enum class Jitter { None, Full };

struct Retry {
  std::vector<std::string> errors = {errors::all};
  int interval_seconds = 1;
  double backoff_rate = 2.0;
  int max_attempts = 3;
  std::optional<int> max_delay_seconds;  // caps the backed-off interval
  Jitter jitter = Jitter::None;
  Value to_value() const;
};

class State;

struct Catch {
  std::vector<std::string> errors = {errors::all};
  std::optional<ReferencePath> result_path;  // where the error goes ("$.error"); none: replaces the input
  State* next = nullptr;
};

class State {
 public:
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  virtual ~State();

  const std::string& name() const { return name_; }
  StateType type() const { return type_; }

  // Every state this one can go to (Next, Choice rules and default, Catch targets), in order.
  virtual std::vector<const State*> successors() const;
  // True when the state ends its graph (End: true, Succeed, Fail).
  virtual bool ends() const { return false; }
  // Parallel branches and Map item processors.
  virtual std::vector<const Graph*> subgraphs() const { return {}; }
  // The ServiceCall of a Task, null for other states.
  virtual const ServiceCall* call() const { return nullptr; }

  // The state's JSON; `path` names the state machine in problems `out` receives.
  virtual Value to_value(Diagnostics& out, const std::string& path) const = 0;
  // Problems of this state alone (fields, retries, rules), each a message with its fix.
  struct Problem {
    std::string message;
    std::string fix;
  };
  virtual std::vector<Problem> problems() const { return {}; }

 protected:
  State(std::string name, StateType type, std::string comment)
      : name_(std::move(name)), type_(type), comment_(std::move(comment)) {}
  // {"Type": ..., "Comment": ...}
  Object base_value() const;

 private:
  std::string name_;
  StateType type_;
  std::string comment_;
};

// A state that continues to another (Pass, Task, Wait, Parallel, Map).
class NextState : public State {
 public:
  // Continues with `state` and returns it, so chains read in order: a.next(b).next(c).
  template <class S>
  S& next(S& state) {
    set_next(state);
    return state;
  }
  const State* next_state() const { return next_; }
  std::vector<const State*> successors() const override;
  bool ends() const override { return next_ == nullptr; }
  std::vector<Problem> problems() const override;

 protected:
  using State::State;
  void put_transition(Object& out) const;

 private:
  void set_next(State& state);
  State* next_ = nullptr;
  std::vector<std::string> replaced_;  // targets set before the last next(): a chaining mistake
};

// A state that can retry and catch errors (Task, Parallel, Map).
class RecoverableState : public NextState {
 public:
  RecoverableState& retry(Retry r) {
    retries_.push_back(std::move(r));
    return *this;
  }
  RecoverableState& catch_errors(Catch c) {
    catches_.push_back(std::move(c));
    return *this;
  }
  const std::vector<Retry>& retries() const { return retries_; }
  const std::vector<Catch>& catches() const { return catches_; }
  std::vector<const State*> successors() const override;
  std::vector<Problem> problems() const override;

 protected:
  using NextState::NextState;
  void put_error_handling(Object& out) const;

 private:
  std::vector<Retry> retries_;
  std::vector<Catch> catches_;
};

// ---- Pass ---------------------------------------------------------------------------------------
struct PassProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<Payload> parameters;
  std::optional<Value> result;  // a fixed result instead of the (filtered) input
  std::optional<ReferencePath> result_path;
  std::optional<ReferencePath> output_path;
  // A JSONata expression (without the {% %} delimiters) whose value is the state's output, for what
  // JSONPath cannot compute (arithmetic on timestamps, merging objects). The state then uses the
  // JSONata query language, in which it sees $states.input and $states.context, and takes none of
  // the JSONPath fields above.
  std::optional<std::string> jsonata_output;
};

class Pass final : public NextState {
 public:
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Pass(std::string name, PassProps props) : NextState(std::move(name), StateType::Pass, props.comment), props_(std::move(props)) {}
  PassProps props_;
};

// ---- Task ---------------------------------------------------------------------------------------
struct TaskProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<Payload> result_selector;
  std::optional<ReferencePath> result_path;
  std::optional<ReferencePath> output_path;
  std::optional<int> timeout_seconds;
  std::optional<int> heartbeat_seconds;
};

class Task final : public RecoverableState {
 public:
  const ServiceCall* call() const override { return &call_; }
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Task(std::string name, ServiceCall call, TaskProps props)
      : RecoverableState(std::move(name), StateType::Task, props.comment), call_(std::move(call)), props_(std::move(props)) {}
  ServiceCall call_;
  TaskProps props_;
};

// ---- Choice -------------------------------------------------------------------------------------
struct ChoiceProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<ReferencePath> output_path;
};

class Choice final : public State {
 public:
  // Rules are tried in order; the first whose condition holds decides.
  Choice& when(Condition condition, State& next) {
    rules_.push_back({std::move(condition), &next});
    return *this;
  }
  // Where to go when no rule matches (without it the execution fails with States.NoChoiceMatched).
  Choice& otherwise(State& next);
  bool has_default() const { return default_ != nullptr; }
  std::vector<const State*> successors() const override;
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Choice(std::string name, ChoiceProps props) : State(std::move(name), StateType::Choice, props.comment), props_(std::move(props)) {}
  struct Rule {
    Condition condition;
    State* next;
  };
  ChoiceProps props_;
  std::vector<Rule> rules_;
  State* default_ = nullptr;
  int defaults_set_ = 0;
};

// ---- Wait ---------------------------------------------------------------------------------------
// How long a Wait state waits: a number of seconds or until a timestamp, fixed or read from the input.
class WaitFor {
 public:
  static WaitFor seconds(int seconds) { return {"Seconds", Value(seconds)}; }
  static WaitFor until(std::string rfc3339_timestamp) { return {"Timestamp", Value(std::move(rfc3339_timestamp))}; }
  static WaitFor seconds_path(std::string path) { return {"SecondsPath", Value(std::move(path))}; }
  static WaitFor timestamp_path(std::string path) { return {"TimestampPath", Value(std::move(path))}; }
  const std::string& field() const { return field_; }
  const Value& value() const { return value_; }

 private:
  WaitFor(std::string field, Value value) : field_(std::move(field)), value_(std::move(value)) {}
  std::string field_;
  Value value_;
};

struct WaitProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<ReferencePath> output_path;
};

class Wait final : public NextState {
 public:
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Wait(std::string name, WaitFor duration, WaitProps props)
      : NextState(std::move(name), StateType::Wait, props.comment), duration_(std::move(duration)), props_(std::move(props)) {}
  WaitFor duration_;
  WaitProps props_;
};

// ---- Parallel and Map ---------------------------------------------------------------------------
struct ParallelProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<Payload> parameters;
  std::optional<Payload> result_selector;
  std::optional<ReferencePath> result_path;
  std::optional<ReferencePath> output_path;
};

class Parallel final : public RecoverableState {
 public:
  ~Parallel() override;
  // A new branch; every branch gets the state's input, the result is the list of their outputs.
  Graph& branch();
  std::vector<const Graph*> subgraphs() const override;
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Parallel(std::string name, ParallelProps props);
  ParallelProps props_;
  std::vector<std::unique_ptr<Graph>> branches_;
};

struct MapProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::string items_path = "$";            // the array to iterate over
  std::optional<Payload> item_selector;    // each item's input (the item: Field::path("$$.Map.Item.Value"))
  std::optional<int> max_concurrency;      // 0 or none: as many as possible
  std::optional<Payload> result_selector;
  std::optional<ReferencePath> result_path;
  std::optional<ReferencePath> output_path;
};

class Map final : public RecoverableState {
 public:
  ~Map() override;
  // The graph run for each item (ItemProcessor, inline mode).
  Graph& processor() { return *processor_; }
  std::vector<const Graph*> subgraphs() const override;
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Map(std::string name, MapProps props);
  MapProps props_;
  std::unique_ptr<Graph> processor_;
};

// ---- Succeed and Fail ---------------------------------------------------------------------------
struct SucceedProps {
  std::string comment;
  std::optional<ReferencePath> input_path;
  std::optional<ReferencePath> output_path;
};

class Succeed final : public State {
 public:
  bool ends() const override { return true; }
  Value to_value(Diagnostics& out, const std::string& path) const override;

 private:
  friend class Graph;
  Succeed(std::string name, SucceedProps props) : State(std::move(name), StateType::Succeed, props.comment), props_(std::move(props)) {}
  SucceedProps props_;
};

struct FailProps {
  std::string comment;
  std::string error;       // e.g. "ClusterStartFailed"
  std::string cause;
  std::string error_path;  // or read them from the input
  std::string cause_path;
};

class Fail final : public State {
 public:
  bool ends() const override { return true; }
  Value to_value(Diagnostics& out, const std::string& path) const override;
  std::vector<Problem> problems() const override;

 private:
  friend class Graph;
  Fail(std::string name, FailProps props) : State(std::move(name), StateType::Fail, props.comment), props_(std::move(props)) {}
  FailProps props_;
};

}  // namespace drdb::aws::stepfunctions
