// Graph validation: each problem is reported with the state machine's path, the state's name and a
// fix, before anything is rendered.
#include <doctest/doctest.h>

#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;

TEST_CASE("a valid graph gives no diagnostic") {
  Machine m;
  Graph g;
  auto& check = g.choice("Check");
  auto& wait = g.wait("Wait", WaitFor::seconds(10));
  check.when(Condition::is_present("$.retry"), wait).otherwise(g.succeed("Done"));
  wait.next(check);
  m.add(std::move(g));
  CHECK(m.diagnostics() == "");
}

TEST_CASE("dangling transition: a branch state going to a state of the main graph") {
  Machine m;
  Graph g;
  auto& outer = g.succeed("Outer");
  auto& par = g.parallel("Fan");
  par.branch().pass("Inner").next(outer);
  g.start_at(par);
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "[App/S/Workflow] state \"Inner\" goes to state \"Outer\", which is not in its graph (dangling transition)"));
  CHECK(contains(text, "create the target in the same graph"));
}

TEST_CASE("a state of another graph as Catch target or start is dangling too") {
  Machine m;
  Graph other;
  auto& elsewhere = other.succeed("Elsewhere");
  Graph g;
  g.task("Work", ServiceCall::custom("arn:aws:states:::lambda:invoke", {}, {})).catch_errors({.next = &elsewhere});
  m.add(std::move(g));
  CHECK(contains(m.diagnostics(), "state \"Work\" goes to state \"Elsewhere\", which is not in its graph"));

  Machine m2;
  Graph g2;
  g2.pass("Only");
  g2.start_at(elsewhere);
  m2.add(std::move(g2));
  CHECK(contains(m2.diagnostics(), "the state machine starts at state \"Elsewhere\", which belongs to another graph"));
}

TEST_CASE("unreachable states are errors naming the state") {
  Machine m;
  Graph g;
  g.pass("Start").next(g.succeed("End"));
  g.pass("Orphan");
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "[App/S/Workflow] state \"Orphan\" is unreachable: no transition of the state machine leads to it"));
  CHECK(contains(text, "connect it with next(), a Choice rule or a Catch, or remove it"));
}

TEST_CASE("names unique across branches, at most 80 characters, not empty") {
  Machine m;
  Graph g;
  auto& par = g.parallel("Fan");
  par.branch().pass("Step");
  par.branch().pass("Step");
  par.next(g.pass(std::string(81, 'x'))).next(g.succeed(""));
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "two states are named \"Step\" (names must be unique in the whole state machine, branches included)"));
  CHECK(contains(text, "the name is 81 characters long; Step Functions accepts 80 — shorten it to 80 characters"));
  CHECK(contains(text, "a Succeed state has an empty name"));
}

TEST_CASE("80 characters is accepted") {
  Machine m;
  Graph g;
  g.pass(std::string(80, 'x'));
  m.add(std::move(g));
  CHECK(m.diagnostics() == "");
}

TEST_CASE("a Choice with no rule and no default has no way out") {
  Machine m;
  Graph g;
  g.choice("Stuck");
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "[App/S/Workflow] state \"Stuck\": the Choice has no rule and no default: no way out"));
  CHECK(contains(text, "add rules with when() and a default with otherwise()"));
}

TEST_CASE("a Choice without default is a warning; bad condition paths and timestamps are errors") {
  Machine m;
  Graph g;
  auto& done = g.succeed("Done");
  auto& c = g.choice("Pick");
  c.when(Condition::string_equals("state", "WAITING"), done)
      .when(Condition::timestamp_equals("$.at", "yesterday"), done)
      .when(Condition::all_of({}), done);
  g.start_at(c);
  m.add(std::move(g));
  const auto d = validate(m.app);
  const auto text = d.format();
  CHECK(contains(text, "state \"Pick\" has no default: an input no rule matches fails the execution (States.NoChoiceMatched)"));
  CHECK(contains(text, "rule 1: StringEquals: variable \"state\" is not a path (it must start with $)"));
  CHECK(contains(text, "rule 2: TimestampEquals: \"yesterday\" is not an RFC 3339 timestamp"));
  CHECK(contains(text, "rule 3: And has no condition in it"));
  CHECK(d.error_count() == 3);
}

TEST_CASE("a loop without a Wait is a warning; with a Wait it is silent") {
  Machine busy;
  Graph g;
  auto& poll = g.task("Poll", tasks::emr_describe_cluster(tasks::ClusterId::from_path("$.ClusterId")), {.result_path = "$.d"});
  auto& ready = g.choice("Ready");
  poll.next(ready);
  ready.when(Condition::string_equals("$.d.Cluster.Status.State", "STARTING"), poll).otherwise(g.succeed("Up"));
  busy.add(std::move(g));
  const auto d = validate(busy.app);
  CHECK(contains(d.format(), "the loop through \"Poll\", \"Ready\" has no Wait state: it runs again at once"));
  CHECK(contains(d.format(), "add a Wait state to the loop"));
  CHECK_FALSE(d.has_errors());

  Machine patient;
  Graph w;
  auto& poll2 = w.task("Poll", tasks::emr_describe_cluster(tasks::ClusterId::from_path("$.ClusterId")), {.result_path = "$.d"});
  auto& ready2 = w.choice("Ready");
  auto& pause = w.wait("Pause", WaitFor::seconds(30));
  poll2.next(ready2);
  ready2.when(Condition::string_equals("$.d.Cluster.Status.State", "STARTING"), pause).otherwise(w.succeed("Up"));
  pause.next(poll2);
  patient.add(std::move(w));
  CHECK(patient.diagnostics() == "");
}

TEST_CASE("a graph that can never end is an error") {
  Machine m;
  Graph g;
  auto& a = g.pass("A");
  auto& wait = g.wait("Again", WaitFor::seconds(60));
  a.next(wait).next(a);
  m.add(std::move(g));
  CHECK(contains(m.diagnostics(), "the state machine: from \"A\", \"Again\" no path leads to a terminal state (End, Succeed or Fail)"));
}

TEST_CASE("Retry and Catch: States.ALL alone and last, errors named, sane numbers, Catch has a next") {
  Machine m;
  Graph g;
  auto& t = g.task("Work", ServiceCall::custom("arn:aws:states:::lambda:invoke", {}, {}));
  auto& handler = g.pass("Handle");
  t.retry({.errors = {errors::all, "Lambda.ServiceException"}})
      .retry({.errors = {}, .interval_seconds = 0, .backoff_rate = 0.5, .max_attempts = -1})
      .catch_errors({.errors = {errors::all}, .next = &handler})
      .catch_errors({.errors = {errors::timeout}});
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "state \"Work\": Retry 1 lists States.ALL with other errors — give States.ALL an entry of its own"));
  CHECK(contains(text, "state \"Work\": Retry 1 (States.ALL) is not the last Retry"));
  CHECK(contains(text, "Retry 2 lists no error"));
  CHECK(contains(text, "Retry 2: interval_seconds 0 is out of range"));
  CHECK(contains(text, "Retry 2: max_attempts -1 is out of range"));
  CHECK(contains(text, "Retry 2: backoff_rate 0.500000 is below 1"));
  CHECK(contains(text, "Catch 1 (States.ALL) is not the last Catch"));
  CHECK(contains(text, "Catch 2 has no next state"));
}

TEST_CASE("next() twice, empty graphs and branches, states added after the machine was created") {
  Machine m;
  Graph g;
  auto& a = g.pass("A");
  a.next(g.pass("B"));
  a.next(g.succeed("C"));
  auto& par = g.parallel("Fan");
  g.map("Each");
  m.add(std::move(g));
  par.branch().pass("Late");
  const auto text = m.diagnostics();
  CHECK(contains(text, "state \"A\": next() was called again: the transition to \"B\" was replaced by one to \"C\""));
  CHECK(contains(text, "states were added to the graph after it was given to the state machine"));
  CHECK(contains(text, "the item processor of state \"Each\" has no state"));

  Machine empty;
  empty.add(Graph{});
  CHECK(contains(empty.diagnostics(), "[App/S/Workflow] the state machine has no state — add states to it"));

  Machine no_branch;
  Graph g2;
  g2.parallel("Fan");
  no_branch.add(std::move(g2));
  CHECK(contains(no_branch.diagnostics(), "state \"Fan\": the Parallel state has no branch"));
}

TEST_CASE("an EXPRESS state machine cannot run .sync tasks; names and timeouts are checked") {
  Machine m;
  Graph g;
  g.task("Run", tasks::emr_add_step(tasks::ClusterId::from_path("$.ClusterId"),
                                   aws::emr::Step::spark("etl", {.application = "s3://code/etl.py"})));
  m.add(std::move(g), {.timeout_seconds = 0, .type = StateMachineType::Express, .state_machine_name = "my workflow"});
  const auto text = m.diagnostics();
  CHECK(contains(text, "state \"Run\": an EXPRESS state machine cannot wait for a job (.sync) or a task token"));
  CHECK(contains(text, "state_machine_name \"my workflow\" is not a valid name"));
  CHECK(contains(text, "timeout_seconds must be positive"));
}

TEST_CASE("a definition above 1 MiB is refused before anything is written") {
  Machine m;
  Graph g;
  g.pass("Big", {.result = Value(std::string(1024 * 1024, 'x'))});
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "[App/S/Workflow] the definition is at least 1048"));
  CHECK(contains(text, "Step Functions accepts 1 MiB (1,048,576 bytes)"));
  CHECK_THROWS_AS(synthesize(m.app), ValidationError);
}

TEST_CASE("a JSONata Pass state mixing JSONPath fields, or with delimiters or nothing in it, is reported") {
  Machine m;
  Graph g;
  g.pass("Mixed", {.result_path = "$.x", .jsonata_output = "$states.input"})
      .next(g.pass("Delimited", {.jsonata_output = "{% $states.input %}"}))
      .next(g.pass("Empty", {.jsonata_output = " "}));
  m.add(std::move(g));
  const auto text = m.diagnostics();
  CHECK(contains(text, "state \"Mixed\": a JSONata Pass state cannot also set InputPath, Parameters, Result, ResultPath or OutputPath"));
  CHECK(contains(text, "state \"Delimited\": the JSONata output expression contains {% or %}"));
  CHECK(contains(text, "state \"Empty\": the JSONata output expression is empty"));
}

TEST_CASE("a loop declared bounded (paging through a marker) needs no Wait state") {
  Machine m;
  Graph g;
  auto& list = g.pass("List");
  auto& more = g.choice("More");
  list.next(more).when(Condition::is_present("$.Marker"), list).otherwise(g.succeed("Done"));
  g.bounded_loop(list);
  m.add(std::move(g));
  CHECK(m.diagnostics() == "");
}
