#!/usr/bin/env python3
"""crosscheck.py DRDB_SYNTH GOLDEN_DIR [--observed FILE] [--keep DIR]: checks `drdb-synth diff BEFORE AFTER
--json` against @aws-cdk/cloudformation-diff, an independent implementation of CloudFormation's update
rules, on the template pairs of pairs.py (made from GOLDEN_DIR/<example>/cloudformation/*.template.json).

For every pair and every CloudFormation JSON template of it, both must find the same resources added,
removed and changed, with the same verdict: drdb's added / removed + old_resource / modified +
replacement, read as cloudformation-diff's WILL_CREATE / WILL_DESTROY or WILL_ORPHAN / WILL_REPLACE,
MAY_REPLACE or WILL_UPDATE. Where drdb is right and cloudformation-diff is not, the disagreement is
listed in disagreements.json with the reason and the AWS documentation that shows it. The test fails
on a disagreement not listed there and on a listed one that no longer occurs, so the file stays exact.

--observed FILE writes every disagreement seen, in disagreements.json's form without the reasons;
--keep DIR keeps the pair directories there. Exit 77 (skip) when node or the npm package is missing,
unless DRDB_REQUIRE_LINT_TOOLS=1 (CI), where that fails."""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pairs  # noqa: E402

PACKAGE = "@aws-cdk/cloudformation-diff"

# drdb's verdict → the cloudformation-diff impact that says the same. A snapshot is taken of the old
# resource, which is then deleted: cloudformation-diff calls that WILL_DESTROY too.
SAME = {
    "added": "WILL_CREATE",
    "removed/deleted": "WILL_DESTROY",
    "removed/snapshot": "WILL_DESTROY",
    "removed/retained": "WILL_ORPHAN",
    "modified/yes": "WILL_REPLACE",
    "modified/maybe": "MAY_REPLACE",
    "modified/no": "WILL_UPDATE",
}
ABSENT = "absent"  # the resource is not in that tool's diff at all


def fail(message):
    sys.exit(f"FAIL: {message}")


def node_modules():
    """Where the npm package is (scripts/test.sh installs it under .cache/tools), or None."""
    default = os.path.join(HERE, "..", "..", ".cache", "tools", "node_modules")
    modules = os.path.abspath(os.environ.get("DRDB_NODE_MODULES") or default)
    if shutil.which("node") and os.path.isdir(os.path.join(modules, PACKAGE)):
        return modules
    how = f"node and the npm package {PACKAGE} (scripts/test.sh installs it under .cache/tools)"
    if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
        fail(f"{how} not installed (DRDB_REQUIRE_LINT_TOOLS=1); looked in {modules}")
    print(f"SKIP: {how} not installed; looked in {modules}", file=sys.stderr)
    sys.exit(77)


def write_output(directory, stacks, capabilities):
    """An output directory as synth writes it, CloudFormation JSON only: cloudformation/<S>.template.json
    and the manifest.json that lists them."""
    os.makedirs(os.path.join(directory, "cloudformation"))
    manifest = {"deploy_order": sorted(stacks), "stacks": {}, "version": 1}
    for stack, template in stacks.items():
        relative = f"cloudformation/{stack}.template.json"
        with open(os.path.join(directory, relative), "w", encoding="utf-8") as f:
            f.write(json.dumps(template, indent=2, sort_keys=True) + "\n")
        manifest["stacks"][stack] = {"cloudformation": {"capabilities": capabilities.get(stack, []), "json": relative},
                                     "depends_on": []}
    with open(os.path.join(directory, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def golden(golden_dir, example):
    """{stack: template} and {stack: capabilities} of an example's committed output."""
    with open(os.path.join(golden_dir, example, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    stacks, capabilities = {}, {}
    for stack, entry in manifest["stacks"].items():
        with open(os.path.join(golden_dir, example, entry["cloudformation"]["json"]), encoding="utf-8") as f:
            stacks[stack] = json.load(f)
        capabilities[stack] = entry["cloudformation"].get("capabilities", [])
    return stacks, capabilities


def make_pairs(golden_dir, work):
    """Writes every pair's before and after directories under `work`: [{pair, before, after}]."""
    made = []
    examples = {}
    for example, name, _what, edit in pairs.PAIRS:
        if example not in examples:
            examples[example] = golden(golden_dir, example)
            write_output(os.path.join(work, "golden", example), *examples[example])
        stacks, capabilities = examples[example]
        pair = f"{example}/{name}"
        after_dir = os.path.join(work, "pairs", example, name)
        if isinstance(edit, str):  # the only stack, renamed
            (stack, template), = stacks.items()
            after, after_capabilities = {edit: template}, {edit: capabilities[stack]}
        else:
            # The edit goes to the one stack holding what it edits (an example may have several).
            after, fitted, missing = dict(stacks), [], None
            for stack, template in stacks.items():
                try:
                    after[stack] = pairs.build(template, edit)
                    fitted.append(stack)
                except (KeyError, StopIteration, IndexError) as e:
                    missing = e
            if len(fitted) != 1:
                fail(f"{pair}: the edit fits {len(fitted)} stacks of tests/golden/{example}, not one "
                     f"(missing {missing}); update pairs.py")
            after_capabilities = capabilities
        write_output(after_dir, after, after_capabilities)
        made.append({"pair": pair, "before": os.path.join(work, "golden", example), "after": after_dir})
    return made


def run_drdb(drdb_synth, pair):
    done = subprocess.run([drdb_synth, "diff", pair["before"], pair["after"], "--json"], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        fail(f"{pair['pair']}: drdb-synth diff exited {done.returncode}:\n{done.stderr}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as e:
        fail(f"{pair['pair']}: drdb-synth diff --json printed no JSON ({e}):\n{done.stdout[:2000]}")
    if (done.returncode == 1) == bool(report.get("equal")):
        fail(f"{pair['pair']}: drdb-synth diff exited {done.returncode} but says equal={report.get('equal')}")
    return report


def drdb_verdicts(report):
    """{(file, id): verdict} of the CloudFormation JSON templates of a drdb diff."""
    out = {}
    for f in report.get("files", []):
        if not (f["file"].startswith("cloudformation/") and f["file"].endswith(".template.json")):
            continue
        for r in f.get("resources", []):
            if r["change"] == "added":
                verdict = "added"
            elif r["change"] == "removed":
                verdict = "removed/" + r.get("old_resource", "deleted")
            else:
                verdict = "modified/" + r.get("replacement", "none")
            out[(f["file"], r["id"])] = verdict
    return out


def run_reference(modules, made):
    env = dict(os.environ, NODE_PATH=modules)
    done = subprocess.run(["node", os.path.join(HERE, "reference.js")], input=json.dumps(made), capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        fail(f"reference.js exited {done.returncode}:\n{done.stderr}")
    return json.loads(done.stdout)


def load_listed(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["disagreements"]
    listed = {}
    for e in entries:
        key = (e["pair"], e["file"], e["resource"])
        if key in listed:
            fail(f"{path}: {' '.join(key)} is listed twice")
        references = e.get("references") or []
        if not e.get("why") or not references or not all(r.startswith("https://docs.aws.amazon.com/") for r in references):
            fail(f"{path}: {' '.join(key)} needs a reason (why) and the AWS documentation that shows it (references)")
        listed[key] = e
    return listed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drdb_synth")
    parser.add_argument("golden_dir")
    parser.add_argument("--observed", help="write every disagreement seen to this file")
    parser.add_argument("--keep", help="write the pairs here (an empty or new directory) and keep them")
    args = parser.parse_args()
    modules = node_modules()
    if len(pairs.PAIRS) < 25:
        fail(f"the corpus has {len(pairs.PAIRS)} pairs; the cross-check needs at least 25")

    work = args.keep or tempfile.mkdtemp(prefix="drdb-diff-crosscheck.")
    try:
        made = make_pairs(args.golden_dir, work)
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            reports = dict(zip((p["pair"] for p in made), pool.map(lambda p: run_drdb(args.drdb_synth, p), made)))
        reference = run_reference(modules, made)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    observed = {}
    compared = 0
    for p in made:
        pair = p["pair"]
        ours = drdb_verdicts(reports[pair])
        theirs = {(file, r["id"]): r["impact"] for file, rs in reference[pair].items() for r in rs}
        if not theirs:
            fail(f"{pair}: cloudformation-diff finds no difference; the edit changes nothing")
        for key in sorted(set(ours) | set(theirs)):
            compared += 1
            d, c = ours.get(key, ABSENT), theirs.get(key, ABSENT)
            if SAME.get(d) != c:
                observed[(pair, *key)] = {"pair": pair, "file": key[0], "resource": key[1], "drdb": d,
                                          "cloudformation_diff": c}

    if args.observed:
        with open(args.observed, "w", encoding="utf-8") as f:
            json.dump({"disagreements": list(observed.values())}, f, indent=2)
            f.write("\n")

    listed_path = os.path.join(HERE, "disagreements.json")
    listed = load_listed(listed_path)
    problems = []
    for key, o in sorted(observed.items()):
        e = listed.get(key)
        if e is None:
            problems.append(f"{' '.join(key)}: drdb says {o['drdb']}, cloudformation-diff {o['cloudformation_diff']} "
                            "(not in disagreements.json)")
        elif (e["drdb"], e["cloudformation_diff"]) != (o["drdb"], o["cloudformation_diff"]):
            problems.append(f"{' '.join(key)}: listed as drdb {e['drdb']} / cloudformation-diff "
                            f"{e['cloudformation_diff']}, now drdb {o['drdb']} / cloudformation-diff "
                            f"{o['cloudformation_diff']}")
    for key, e in sorted(listed.items()):
        if key not in observed:
            problems.append(f"{' '.join(key)}: listed in disagreements.json but no longer occurs")

    print(f"diff cross-check: {len(made)} pairs, {compared} resource verdicts compared, "
          f"{len(observed)} disagreement(s), {len(listed)} listed")
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
