"""docs/USER_GUIDE.md, executed: the guide cannot drift from what works.

How the guide's fenced blocks map to execution (in document order, one bash session, `set -euo
pipefail`, so `cd` and `export` carry over from block to block):

- ```sh                     run.
- ```sh requires=TOOL       run when TOOL is on the PATH, reported as skipped otherwise.
- ```<lang> file=PATH       written to PATH (relative to the session's directory at that point);
                            a `yaml-language-server: $schema=...` line in it must name an existing
                            file. A file under .github/workflows/ is also run: each step's `run:`.
- ```text expect            output of the block run just before: each line must appear in it, in
                            any order; `…` stands for any text.
- anything else             shown only. `bash`, `shell` and `console` fences are refused, so a
                            command never silently escapes the test.

The session starts in a scratch "checkout" whose `build` is the build tree under test, with HOME a
scratch directory (the guide installs drdb into ~/.local). It talks to a local mock AWS
(moto_server, tests/e2e/moto.py) through the aws CLI's AWS_ENDPOINT_URL and dummy credentials; the
mock starts empty at every `## ` section. Terraform runs offline (the provider from the local
filesystem mirror) through a wrapper first on the PATH (written below) that, as moto.py's
terraform_apply does, adds an override file pointing the provider at the mock and applies everything
but what the mock cannot create: aws_sfn_state_machine (the provider calls APIs the mock lacks),
moto.mock_cannot_apply's types, and whatever refers to those. The mock is started with one fix
(mock_patches/sitecustomize.py): it reads CloudFormation's tag shape on AWS::KMS::Key. CMake sees
CMAKE_GENERATOR and CXX, so the guide's plain `cmake -S . -B build` builds its C++ app with this
build's generator and compiler.

usage: test_user_guide.py GUIDE BUILD_DIR DRDB_SYNTH WORK_DIR [CMAKE_GENERATOR CXX]
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
from moto import Moto, require_tools, terraform_plugin_dir  # noqa: E402

RUNNABLE = "sh"
REFUSED = {"bash", "shell", "console", "shell-session", "zsh"}
FENCE = re.compile(r"^(```+|~~~+)\s*([^`]*)$")
SCHEMA_LINE = re.compile(r"yaml-language-server:\s*\$schema=(\S+)")
TIMEOUT = 1500


class Block:
    def __init__(self, line, lang, attrs, body, section):
        self.line, self.lang, self.attrs, self.body, self.section = line, lang, attrs, body, section


def parse(path):
    """Fenced blocks of the markdown file, each with its info string split into a language and
    attributes (`key=value` or bare `key`), and the `## ` section it is in."""
    blocks, section = [], ""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            if lines[i].startswith("## "):
                section = lines[i][3:].strip()
            i += 1
            continue
        fence, info = m.group(1), m.group(2).split()
        start, body = i + 1, []
        i += 1
        while i < len(lines) and not lines[i].startswith(fence):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            sys.exit(f"FAIL: {path}:{start}: unclosed code fence")
        attrs = {}
        for word in info[1:]:
            key, _, value = word.partition("=")
            attrs[key] = value
        blocks.append(Block(start, info[0] if info else "", attrs, "\n".join(body) + "\n", section))
        i += 1
    return blocks


def heredoc(path, body, line):
    marker = f"__DRDB_GUIDE_{line}__"
    assert marker not in body
    q = shlex.quote(path)
    return f"mkdir -p \"$(dirname {q})\"\ncat > {q} <<'{marker}'\n{body}{marker}\n"


def workflow_steps(body, where):
    import yaml  # PyYAML: scripts/test.sh makes sure it is there
    doc = yaml.safe_load(body)
    steps = [step["run"] for job in doc.get("jobs", {}).values() for step in job.get("steps", []) if "run" in step]
    if not steps:
        sys.exit(f"FAIL: {where}: a workflow without run steps")
    return steps


def script(blocks, guide, logs, path_for_tools):
    """The bash program of the guide, and for each `expect` block the index of the block it checks."""
    name = os.path.basename(guide)
    out = [f"""set -euo pipefail
__logs={shlex.quote(logs)}
__n=0
__start=$SECONDS
__block() {{ __n=$1; echo "== block $1 ({name}:$2) at $((SECONDS - __start)) s: $3"; }}
__section() {{ echo "== section: $1 (the mock AWS starts empty)";
  "$DRDB_DOCS_PYTHON" -c 'import os, urllib.request; urllib.request.urlopen(urllib.request.Request(os.environ["AWS_ENDPOINT_URL"] + "/moto-api/reset", method="POST"), timeout=30)'; }}
exec 3>&1
__finish() {{ local s=$?; if ((s != 0)); then echo "FAIL: block $__n exited with $s; its output:"; cat "$__logs/$__n.log" 2>/dev/null || true; fi >&3; }}
trap __finish EXIT
"""]
    expectations, skipped, last_run, section = [], [], None, None
    n = 0
    for b in blocks:
        where = f"{name}:{b.line}"
        if b.lang in REFUSED:
            sys.exit(f"FAIL: {where}: ```{b.lang} blocks are neither run nor shown as output; use ```sh or ```text")
        if "expect" in b.attrs:
            if last_run is None:
                sys.exit(f"FAIL: {where}: an expect block with no block run before it")
            expectations.append((b, last_run))
            continue
        runs = b.lang == RUNNABLE and "file" not in b.attrs
        writes = "file" in b.attrs
        if not runs and not writes:
            continue
        if b.section != section:
            section = b.section
            out.append(f"__section {shlex.quote(section)}\n")
        n += 1
        if writes:
            path = b.attrs["file"]
            out.append(f"__block {n} {b.line} {shlex.quote('write ' + path)}\n")
            out.append(heredoc(path, b.body, b.line))
            m = SCHEMA_LINE.search(b.body)
            if m:
                schema = f"$(dirname {shlex.quote(path)})/{m.group(1)}"
                out.append(f'[ -e "{schema}" ] || {{ echo "FAIL: {where}: $schema names no file: {schema}"; exit 1; }}\n')
            if path.startswith(".github/workflows/"):
                for step in workflow_steps(b.body, where):
                    n += 1
                    out.append(f"__block {n} {b.line} {shlex.quote('workflow step: ' + step.strip())}\n")
                    out.append(f'{{\n{step.rstrip()}\n}} > "$__logs/{n}.log" 2>&1\ncat "$__logs/{n}.log"\n')
                    last_run = n
            continue
        for key in b.attrs:
            if key != "requires":
                sys.exit(f"FAIL: {where}: unknown attribute {key!r} of a ```sh block")
        body = b.body.rstrip()
        title = body.splitlines()[0] if body else ""
        out.append(f"__block {n} {b.line} {shlex.quote(title)}\n")
        tool = b.attrs.get("requires")
        if tool and shutil.which(tool, path=path_for_tools) is None:
            skipped.append((b, tool))
            out.append(f'echo "skipped: {tool} is not installed" > "$__logs/{n}.log"\n')
        else:
            out.append(f'{{\n{body}\n}} > "$__logs/{n}.log" 2>&1\ncat "$__logs/{n}.log"\n')
        last_run = n
    out.append('echo "== guide done in $((SECONDS - __start)) s"\n')
    return "".join(out), expectations, skipped


def check_expectations(expectations, logs, guide):
    failures = []
    name = os.path.basename(guide)
    for b, index in expectations:
        with open(os.path.join(logs, f"{index}.log"), encoding="utf-8", errors="replace") as f:
            output = f.read()
        if output.startswith("skipped: "):
            continue
        for line in b.body.splitlines():
            if not line.strip():
                continue
            pattern = r"\s+".join(".*?".join(re.escape(p) for p in word.split("…")) for word in line.split())
            if not re.search(pattern, output):
                failures.append(f"{name}:{b.line}: block {index}'s output lacks: {line.strip()}")
    return failures


def write_tools(work, bin_dir, moto_endpoint):
    """The terraform wrapper (see the docstring) and the mock's patch."""
    real = shutil.which("terraform")
    e2e = os.path.join(HERE, "..", "e2e")
    with open(os.path.join(bin_dir, "terraform"), "w") as f:
        f.write(f"""#!{sys.executable}
# Test double of terraform for tests/docs: the real one, pointed at the local mock AWS.
import json, os, re, subprocess, sys
sys.path.insert(0, {os.path.abspath(e2e)!r})
from moto import TERRAFORM_SERVICES, mock_cannot_apply

args = sys.argv[1:]
directory = next((a.split("=", 1)[1] for a in args if a.startswith("-chdir=")), ".")
command = next((a for a in args if not a.startswith("-")), None)
if command in ("init", "plan", "apply", "destroy"):
    endpoint = {moto_endpoint!r}
    override = {{"provider": {{"aws": {{
        "access_key": "testing", "secret_key": "testing", "skip_credentials_validation": True,
        "skip_requesting_account_id": True, "skip_metadata_api_check": True, "s3_use_path_style": True,
        "max_retries": 1, "endpoints": [{{s: endpoint for s in TERRAFORM_SERVICES}}]}}}}}}
    with open(os.path.join(directory, "mock_override.tf.json"), "w") as f:
        json.dump(override, f)
if command == "apply" and not any(a.startswith("-target") for a in args):
    with open(os.path.join(directory, "main.tf.json")) as f:
        resources = json.load(f).get("resource", {{}})
    bodies = {{f"{{kind}}.{{name}}": body for kind, named in resources.items() for name, body in named.items()}}
    skipped = {{a for a, body in bodies.items()
               if a.startswith("aws_sfn_state_machine.") or mock_cannot_apply(a.split(".")[0], body)}}
    grown = True
    while grown:  # and what refers to a skipped resource (-target would pull it back in)
        grown = False
        for a, body in bodies.items():
            text = json.dumps(body)
            if a not in skipped and any(re.search(r"\\b" + re.escape(s) + r"\\b", text) for s in skipped):
                skipped.add(a)
                grown = True
    print("(test double: the mock cannot apply " + ", ".join(sorted(skipped)) + ")", file=sys.stderr)
    at = args.index("apply") + 1
    args[at:at] = [f"-target={{a}}" for a in sorted(bodies) if a not in skipped]
sys.exit(subprocess.run([{real!r}, *args], timeout=900).returncode)
""")
    os.chmod(os.path.join(bin_dir, "terraform"), 0o755)
    rc = os.path.join(work, "terraformrc")
    with open(rc, "w") as f:
        f.write('provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n'
                '    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n' % terraform_plugin_dir())
    return rc


def main(argv):
    if len(argv) not in (4, 6):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    guide, build_dir, synth, work = (os.path.abspath(a) for a in argv[:4])
    generator, cxx = (argv[4], argv[5]) if len(argv) == 6 else (None, None)
    require_tools("moto_server", "aws", "terraform", "jq", "cmake")
    began = time.monotonic()

    shutil.rmtree(work, ignore_errors=True)
    home, checkout, bin_dir, logs = (os.path.join(work, d) for d in ("home", "checkout", "bin", "logs"))
    for d in (home, checkout, bin_dir, logs):
        os.makedirs(d)
    os.symlink(build_dir, os.path.join(checkout, "build"))

    blocks = parse(guide)
    tools_path = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])

    moto = Moto(region="us-east-1")
    moto.env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.join(HERE, "mock_patches"), moto.env.get("PYTHONPATH")]))
    with moto:
        rc_file = write_tools(work, bin_dir, moto.endpoint)
        text, expectations, skipped = script(blocks, guide, logs, tools_path)
        with open(os.path.join(work, "guide.sh"), "w") as f:
            f.write(text)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TF_", "DRDB_"))}
        pyenv_root = os.environ.get("PYENV_ROOT") or os.path.join(os.path.expanduser("~"), ".pyenv")
        if os.path.isdir(pyenv_root):
            env["PYENV_ROOT"] = pyenv_root  # pyenv's shims (aws, moto_server) find their Python through it
        env.update(HOME=home, PATH=tools_path, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   AWS_SESSION_TOKEN="testing", AWS_DEFAULT_REGION="us-east-1", AWS_REGION="us-east-1",
                   AWS_ENDPOINT_URL=moto.endpoint, AWS_PAGER="", TF_CLI_CONFIG_FILE=rc_file, TF_IN_AUTOMATION="1",
                   TF_INPUT="0", TF_CLI_ARGS="-no-color", CHECKPOINT_DISABLE="1", DRDB_DOCS_PYTHON=sys.executable)
        if generator:
            env["CMAKE_GENERATOR"] = generator
        if cxx:
            env["CXX"] = cxx
        done = subprocess.run(["bash", os.path.join(work, "guide.sh")], cwd=checkout, env=env, timeout=TIMEOUT)
    if done.returncode != 0:
        print(f"FAIL: the guide's commands failed (script: {work}/guide.sh, outputs: {logs}/<block>.log, "
              f"the mock's log: {moto.log.name})")
        return 1

    failures = check_expectations(expectations, logs, guide)
    installed = subprocess.run([os.path.join(home, ".local", "bin", "drdb-synth"), "--version"],
                               capture_output=True, text=True).stdout
    built = subprocess.run([synth, "--version"], capture_output=True, text=True).stdout
    if installed != built:
        failures.append(f"the guide installed {installed.strip()!r}, the build is {built.strip()!r}")
    for b, tool in skipped:
        print(f"note: {os.path.basename(guide)}:{b.line} skipped ({tool} is not installed)")
    if failures:
        print("\n".join(["FAIL:"] + failures))
        return 1
    ran = sum(1 for b in blocks if b.lang == RUNNABLE and "file" not in b.attrs) - len(skipped)
    print(f"ok: {ran} command blocks and {sum(1 for b in blocks if 'file' in b.attrs)} files of the guide, "
          f"{len(expectations)} outputs checked, in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
