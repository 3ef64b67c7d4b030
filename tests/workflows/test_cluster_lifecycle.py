"""The cluster lifecycle workflows (ClusterLifecycle: start, stop or recycle the clusters of a model)
of the apps given, executed as test_ensure_cluster.py executes the ensure-cluster workflows: each
scenario with explicit actions (failure paths included: stop with nothing running, start with one
running, recycle after a stop, an unknown action), then each schedule rule's own input next to a
running cluster and next to none, and, for an app with start, stop and recycle schedules, a day of
them in order on one account.

usage: test_cluster_lifecycle.py APP...   (drdb-synth: the bundled app is the DRDB reference app)
"""
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import asl  # noqa: E402
from moto import Moto, require_tools  # noqa: E402
from services import Services  # noqa: E402
from workflow_app import App, transform  # noqa: E402

NAME = None  # the model's cluster name, of the workflow the scenarios run


def tasks(execution):
    """The Tasks called, but for lifting a protected model's termination protection (checked apart)."""
    called = [state for state, _, _ in execution.calls]
    lifts = called.count("LiftTerminationProtection")
    assert lifts in (0, called.count("TerminateCluster")), called
    return [state for state in called if state != "LiftTerminationProtection"]


def named(services, state=None):
    emr = services.emr
    return [c for c in emr.order if emr.client.describe_cluster(ClusterId=c)["Cluster"]["Name"] == NAME
            and (state is None or emr.state(c) == state)]


def start_when_none(run, services):
    """start with no cluster of the model: one is launched (request-response: not waited for)."""
    services.emr.launch("someone-else")
    execution = run({"action": "start"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Launched"), execution
    assert tasks(execution) == ["ListClusters", "LaunchCluster"], tasks(execution)
    assert execution.called("LaunchCluster")[0]["Name"] == NAME
    assert len(named(services, "WAITING")) == 1


def start_when_running_on_page_two(run, services):
    """start with a RUNNING cluster of the model on the second page: nothing launched."""
    for i in range(50):
        services.emr.launch(f"other-{i}")
    services.emr.launch(NAME, states=["RUNNING"])
    execution = run({"action": "start"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "AlreadyRunning"), execution
    assert tasks(execution) == ["ListClusters", "ListNextClusters"], tasks(execution)


def stop_every_page(run, services):
    """stop: every cluster of the model, STARTING and RUNNING ones too, on both pages, is terminated."""
    emr = services.emr
    emr.launch(NAME, states=["STARTING"])
    for i in range(49):
        emr.launch(f"other-{i}")
    emr.launch(NAME, states=["RUNNING"])
    emr.launch(NAME)
    execution = run({"action": "stop"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Stopped"), execution
    assert tasks(execution).count("TerminateCluster") == 3, tasks(execution)
    model = named(services)
    assert [emr.state(c) for c in model] == ["TERMINATED"] * 3
    assert all(emr.state(c) == "WAITING" for c in emr.order if c not in model)


def recycle(run, services):
    """recycle: the WAITING cluster is terminated, a new one launched."""
    old = services.emr.launch(NAME)
    execution = run({"action": "recycle"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Launched"), execution
    assert tasks(execution) == ["ListClustersToStop", "TerminateCluster", "ListClusters", "LaunchCluster"], tasks(execution)
    assert services.emr.state(old) == "TERMINATED"
    (new,) = named(services, "WAITING")
    assert new != old


def stop_when_none(run, services):
    """stop with no cluster of the model: nothing is terminated, another app's cluster untouched."""
    other = services.emr.launch("someone-else")
    execution = run({"action": "stop"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Stopped"), execution
    assert tasks(execution) == ["ListClustersToStop"], tasks(execution)
    assert services.emr.state(other) == "WAITING"


def recycle_when_stopped(run, services):
    """recycle with no cluster of the model (after a scheduled stop): none is launched."""
    stopped = services.emr.launch(NAME)
    services.emr.client.terminate_job_flows(JobFlowIds=[stopped])
    execution = run({"action": "recycle"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Stopped"), execution
    assert tasks(execution) == ["ListClustersToStop"], tasks(execution)
    assert named(services, "WAITING") == []


def throttled_listing_is_retried(run, services):
    """ListClusters throttled twice: retried, then the start goes on."""
    throttled = asl.TaskFailed("States.TaskFailed", "Rate exceeded (ThrottlingException)")
    services.failures["ListClusters"] = [throttled, throttled]
    execution = run({"action": "start"})
    assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", "Launched"), execution
    assert tasks(execution) == ["ListClusters"] * 3 + ["LaunchCluster"], tasks(execution)


def unknown_action(run, services):
    """An unknown action fails the execution, touching nothing."""
    services.emr.launch(NAME)
    execution = run({"action": "restart"})
    assert (execution.status, execution.error) == ("FAILED", "UnknownAction"), execution
    assert execution.calls == []


SCENARIOS = [start_when_none, start_when_running_on_page_two, stop_every_page, stop_when_none, recycle, recycle_when_stopped,
             throttled_listing_is_retried, unknown_action]


# What each scheduled action ends in, next to one WAITING cluster of the model, and next to none.
SCHEDULED_END = {"start": "AlreadyRunning", "stop": "Stopped", "recycle": "Launched"}
SCHEDULED_END_WHEN_NONE = {"start": "Launched", "stop": "Stopped", "recycle": "Stopped"}

# A day of a model with all three schedules, each run with its rule's own input: (action, end,
# clusters of the model WAITING afterwards).
DAY = [("start", "Launched", 1), ("start", "AlreadyRunning", 1), ("recycle", "Launched", 1), ("stop", "Stopped", 0),
       ("recycle", "Stopped", 0), ("start", "Launched", 1)]


def run_day(definition, inputs, services):
    """The scheduled inputs in the order a day brings them, on one account: the recycle after the
    evening stop leaves the model stopped, the morning start launches a fresh cluster."""
    seen = set()
    for action, end, waiting in DAY:
        execution = asl.run(definition, inputs[action], services)
        assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", end), (action, execution)
        now = named(services, "WAITING")
        assert len(now) == waiting, (action, now)
        assert not (set(now) - seen) or end == "Launched", (action, now)
        seen |= set(now)


def main(binaries):
    global NAME
    require_tools("moto_server", "node")
    asl.node_modules()
    runs = 0
    with Moto() as aws:
        def fresh():
            urllib.request.urlopen(urllib.request.Request(f"{aws.endpoint}/moto-api/reset", method="POST"), timeout=10).read()
            return Services(aws.endpoint)
        for binary in binaries:
            app = App(binary)
            machines = [(i, d) for i, d in app.definitions() if d["StartAt"] == "Action" and "LaunchCluster" in d["States"]]
            assert machines, f"{binary}: no cluster lifecycle workflow"
            for logical_id, definition in machines:
                NAME = definition["States"]["LaunchCluster"]["Parameters"]["Name"]
                for scenario in SCENARIOS:
                    services = fresh()
                    try:
                        scenario(lambda given: asl.run(definition, given, services), services)
                    except AssertionError:
                        print(f"FAIL: {logical_id} {scenario.__name__}: {scenario.__doc__}", file=sys.stderr)
                        raise
                    runs += 1
                targets = [t for r in app.rules().values() for t in r.get("Targets", []) if t["Arn"] == {"Ref": logical_id}]
                assert targets, f"{logical_id}: no schedule starts it"
                inputs = {}
                for target in targets:
                    given = transform(target, {"detail-type": "Scheduled Event", "source": "aws.events", "detail": {}})
                    inputs[given["action"]] = given
                    for running, ends in ((1, SCHEDULED_END), (0, SCHEDULED_END_WHEN_NONE)):
                        services = fresh()
                        for _ in range(running):
                            services.emr.launch(NAME)
                        execution = asl.run(definition, given, services)
                        assert (execution.status, execution.entered[-1]) == ("SUCCEEDED", ends[given["action"]]), (given, running, execution)
                        runs += 1
                day = set(inputs) == {"start", "stop", "recycle"}
                if day:
                    run_day(definition, inputs, fresh())
                    runs += len(DAY)
                print(f"ok: {logical_id} ({len(SCENARIOS)} scenarios, {len(targets)} schedules{', a day of them' if day else ''})")
    print(f"workflows: cluster lifecycle workflows ran {runs} executions")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
