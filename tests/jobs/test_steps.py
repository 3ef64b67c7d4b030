"""Each job script against the step that runs it, in the synthesized goldens (tests/golden/<example>/):
a script is an asset (assets.json: "source" jobs/<file>, or a path ending in examples/<example>/jobs/<file>) and the steps
reference assets/<sha256>.<ext> in their Args. A Hive step passes (-d NAME=VALUE) exactly the
variables its script uses; a Spark step's arguments, with the launcher's placeholders ({date},
{database}, {input_path}) and the templates' references filled with realistic values, are accepted
by its script's argument parser. An example whose golden lists none of its job scripts fails.

    test_steps.py [GOLDEN_DIR]    (default tests/golden; a drdb-synth --out tree per example works too)"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import hiveql  # noqa: E402
from job_test import ROOT, load_job  # noqa: E402

EXAMPLES = ["drdb", "cyi", "intraday", "pdm", "extralabs"]
# What the launcher fills in, per example, and what a step computes at run time (States.Format ...).
PLACEHOLDERS = {"drdb": {"{date}": "2026-12-07", "{database}": "default", "{input_path}": ""},
                "cyi": {"{date}": "2026-12-07", "{database}": "sales", "{input_path}": "s3://cyi-landing-1a2b/sales/2026-12-07/"},
                "intraday": {"{date}": "2026-12-07", "{database}": "default", "{input_path}": ""},
                "pdm": {"{date}": "2026-12-07", "{database}": "default", "{input_path}": ""},
                "extralabs": {"{date}": "2026-12-07", "{database}": "default",
                              "{input_path}": "s3://extralabs-uploads-1a2b/incoming/lab-7/samples.csv"}}
RUNTIME_VALUE = {"drdb": "s3://drdb-landing-1a2b/incoming/sales/2026-12-07.csv"}
# A template reference (${Lake}, ${aws_s3_bucket.Lake.bucket}, ${AssetsBucket}) -> a bucket name.
REFERENCE = re.compile(r"\$\{([^}]+)\}")
GOLDEN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "golden")


def parse_step_args(module, args):
    """Runs the script's own argument parsing on args; raises what it refuses."""
    for name in ("plan", "parse_args"):
        if hasattr(module, name):
            return getattr(module, name)(args)
    raise AssertionError(f"{module.__name__} has no plan() or parse_args()")


def job_assets(example):
    """{file name in examples/<example>/jobs/: asset entry} of the golden's assets.json."""
    path = os.path.join(GOLDEN, example, "assets.json")
    if not os.path.exists(path):  # an app without assets
        return {}
    with open(path, encoding="utf-8") as f:
        assets = json.load(f)["assets"]
    found = {}
    for asset in assets:
        # "jobs/<file>" relative to the example's directory, or a path ending in examples/<example>/jobs/<file>.
        source = asset.get("source", "").replace("\\", "/")
        match = re.fullmatch(rf"(?:.*/)?(?:examples/{re.escape(example)}/)?jobs/([^/]+)", source)
        if match and ("examples/" not in source or f"examples/{example}/jobs/" in source):
            found[match[1]] = asset
    return found


def literal_arguments(text, opener):
    """Each argument list of States.Array(...) (opener) in text: literals as strings, others None."""
    lists = []
    for start in [m.end() for m in re.finditer(re.escape(opener), text)]:
        args, current, depth, quote, i = [], "", 0, False, start
        while i < len(text):
            c = text[i]
            if quote:
                if c == "\\" and i + 1 < len(text):
                    current += text[i + 1]
                    i += 2
                    continue
                quote = c != "'"
                current += c
            elif c == "'":
                quote = True
                current += c
            elif c == "(":
                depth += 1
                current += c
            elif c == ")" and depth:
                depth -= 1
                current += c
            elif c in ",)" and not depth:
                item = current.strip()
                args.append(item[1:-1] if len(item) >= 2 and item[0] == item[-1] == "'" else None)
                current = ""
                if c == ")":
                    break
            else:
                current += c
            i += 1
        lists.append(args)
    return lists


def step_args(value, needle):
    """Every argument list in a template (walked, embedded JSON decoded) with an element naming needle."""
    found = []
    if isinstance(value, dict):
        for v in value.values():
            found += step_args(v, needle)
    elif isinstance(value, list):
        if any(isinstance(v, str) and v.endswith(needle) for v in value) and all(isinstance(v, str) for v in value):
            found.append(value)
        else:
            for v in value:
                found += step_args(v, needle)
    elif isinstance(value, str) and needle in value:
        try:
            found += step_args(json.loads(value), needle)
        except ValueError:
            found += [a for a in literal_arguments(value, "States.Array(") if any(x and x.endswith(needle) for x in a)]
    return found


def templates(example):
    directory = os.path.join(GOLDEN, example, "cloudformation")
    for name in sorted(os.listdir(directory)):
        if name.endswith(".template.json"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                yield name, json.load(f)


def realistic(example, arg):
    if arg is None:
        return RUNTIME_VALUE[example]
    for placeholder, value in PLACEHOLDERS[example].items():
        arg = arg.replace(placeholder, value)
    return REFERENCE.sub(lambda m: f"{example}-{m[1].split('.')[-2 if '.' in m[1] else -1].lower()}-1a2b", arg)


def check_example(example, assets):
    failures = []
    jobs = os.path.join(ROOT, "examples", example, "jobs")
    for name in sorted(os.listdir(jobs)):
        if name.startswith(".") or name == "__pycache__":
            continue
        if name not in assets:
            failures.append(f"examples/{example}/jobs/{name} is no asset of {GOLDEN}/{example}: no step runs it")
            continue
        path = os.path.join(jobs, name)
        with open(path, "rb") as f:
            content = f.read()
        if hashlib.sha256(content).hexdigest() != assets[name]["sha256"]:
            failures.append(f"{GOLDEN}/{example} has an older {name}: regenerate the golden")
        needle = os.path.basename(assets[name]["file"])
        steps = [args for _, template in templates(example) for args in step_args(template, needle)]
        if not steps:
            failures.append(f"{name}: {GOLDEN}/{example} lists it as {needle} but no step's Args name it")
        for args in steps:
            at = next(i for i, a in enumerate(args) if a and a.endswith(needle))
            if name.endswith(".q"):
                passed = {a.split("=", 1)[0] for flag, a in zip(args, args[1:]) if flag == "-d" and a}
                used = hiveql.variables(content.decode())
                if passed != used:
                    failures.append(f"{name}: the step passes {sorted(passed)} but the script uses {sorted(used)}")
                print(f"{example}/{name}: hive -d {sorted(passed)}")
            else:
                filled = [realistic(example, a) for a in args[at + 1:]]
                try:
                    parse_step_args(load_job(example, name), filled)
                    print(f"{example}/{name}: accepts {filled}")
                except (SystemExit, ValueError) as refused:
                    failures.append(f"{name}: refuses the step's arguments {filled}: {refused}")
    return failures


def main():
    assets = {example: job_assets(example) for example in EXAMPLES}
    failures = []
    for example in EXAMPLES:
        if assets[example]:
            failures += check_example(example, assets[example])
        else:
            failures.append(f"{GOLDEN}/{example}/assets.json lists none of examples/{example}/jobs/")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
