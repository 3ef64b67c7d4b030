#!/usr/bin/env bash
# Runs a real app binary (drdb-synth, or the rules story app): cli_test.sh APP CASE. One ctest per CASE (tests.cmake).
# Exit 0 on success; on failure prints what was expected and what the binary did.
set -euo pipefail

synth=$1
case_name=$2
[[ $synth == */* ]] && synth=$(cd "$(dirname "$synth")" && pwd)/$(basename "$synth")  # we cd below
lint=$(cd "$(dirname "${BASH_SOURCE[0]}")/../lint" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/drdb-cli-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "FAIL [$case_name]: $*" >&2
  echo "--- exit code: ${code-unset}" >&2
  [[ -f $work/stdout ]] && { echo "--- stdout:" >&2; cat "$work/stdout" >&2; }
  [[ -f $work/stderr ]] && { echo "--- stderr:" >&2; cat "$work/stderr" >&2; }
  exit 1
}

# run ARGS...: runs drdb-synth, sets $code, keeps stdout/stderr in files.
run() {
  set +e
  "$synth" "$@" >"$work/stdout" 2>"$work/stderr"
  code=$?
  set -e
}

expect_code() { [[ $code -eq $1 ]] || fail "expected exit code $1"; }
expect_out() { grep -qE -- "$1" "$work/stdout" || fail "stdout should match /$1/"; }
expect_err() { grep -qE -- "$1" "$work/stderr" || fail "stderr should match /$1/"; }
expect_file() { grep -qE -- "$2" "$1" || fail "$1 should match /$2/: $(cat "$1")"; }
expect_no_err() { [[ ! -s $work/stderr ]] || fail "stderr should be empty"; }

# A listing of every entry under DIR with a checksum of each file: equal listings, equal trees.
tree_state() { (cd "$1" && find . -type d | sort && find . -type f -exec sha256sum {} + | sort); }

case $case_name in
  version)
    run --version
    expect_code 0
    expect_out '^drdb-synth \(drdb\) [0-9]+\.[0-9]+\.[0-9]+$'
    ;;
  help)
    run --help
    expect_code 0
    expect_out 'synth'
    expect_out 'list'
    expect_out 'Exit codes'
    run synth --help
    expect_code 0
    expect_out '--format'
    expect_out '--out'
    expect_out '--stack'
    ;;
  list)
    run list
    expect_code 0
    expect_no_err
    [[ -s $work/stdout ]] || fail "list printed no stack"
    expect_out '^[A-Za-z0-9]+ +[0-9]+ CloudFormation resources?, [0-9]+ Terraform resources?$'
    ;;
  synth)
    run synth --out out
    expect_code 0
    expect_no_err
    expect_out '^wrote out/cloudformation/[A-Za-z0-9]+\.template\.json$'
    expect_out '^wrote out/cloudformation/[A-Za-z0-9]+\.template\.yaml$'
    expect_out '^wrote out/terraform/[A-Za-z0-9]+/main\.tf\.json$'
    expect_out '^wrote out/manifest\.json$'
    expect_out '^synthesized [0-9]+ stacks? '
    # The bundled app's template is above CloudFormation's inline limit: deployed through S3.
    expect_out '^  aws cloudformation deploy --template-file out/cloudformation/Drdb\.template\.yaml --stack-name Drdb --capabilities CAPABILITY_IAM --s3-bucket <bucket> --parameter-overrides AssetsBucket=<assets bucket>$'
    # Its job script goes to the assets bucket: uploaded first for CloudFormation, by Terraform itself.
    expect_out '^wrote out/assets/[0-9a-f]{64}\.py$'
    expect_out '^  first upload the assets \(assets\.json\): aws s3 cp out/assets s3://<assets bucket>/assets/ --recursive$'
    expect_out '^  terraform -chdir=out/terraform/Drdb init && terraform -chdir=out/terraform/Drdb apply -var AssetsBucket=<assets bucket>$'
    # Every file listed exists, and nothing else was written.
    listed=$(sed -n 's/^wrote //p' "$work/stdout" | sort)
    found=$(find out -type f | sort)
    [[ $listed == "$found" ]] || fail "files listed differ from files written: $(diff <(echo "$listed") <(echo "$found"))"
    ;;
  validate)
    run validate
    expect_code 0
    expect_out '^valid: [0-9]+ stacks? \(.*\), 0 warnings, [0-9]+ info, [0-9]+ suppressed \(rules fail on error\)$'
    [[ -z $(find . -mindepth 1 -not -path ./stdout -not -path ./stderr) ]] || fail "validate wrote files"
    run validate --report findings.json
    expect_code 0
    grep -q '"passed": true' findings.json || fail "findings.json should say passed: $(cat findings.json)"
    run synth --help
    expect_out '--rules'
    expect_out '--report'
    ;;
  # ---- policy rules, through tests/cli/rules_app.cpp (DRDB_STORY selects the story) ----
  story-fails)
    run validate --report report.json
    expect_code 3
    expect_err '^\[App/Story/Bastion\] EC2\.1: SSH \(port 22\) is open to 0\.0\.0\.0/0 .* — allow port 22 only from'
    expect_err '^\[App/Story/Uploads\] S3\.1: the bucket has no server-side encryption configuration — .*BucketEncryption'
    expect_err '^\[App/Story/Worker\] IAM\.2: policy Default statement 1 allows s3:GetObject on every resource .* — name the ARNs'
    expect_err '^error: the app is invalid \(3 errors\)$'
    [[ $(python3 -c 'import json,sys; d=json.load(open("report.json")); print(len(d["findings"]), d["passed"])') == "3 False" ]] ||
      fail "report.json should hold three findings: $(cat report.json)"
    ;;
  story-synth-writes-nothing)
    run synth --out out
    expect_code 3
    [[ ! -e out ]] || fail "synth wrote files despite rule errors"
    ;;
  story-fixed-passes)
    export DRDB_STORY=fixed
    run validate --report report.json
    expect_code 0
    expect_out '^suppressed EC2\.1 \[App/Story/Bastion\] by App/Story/Bastion: bastion host; the public subnet'
    expect_out '^valid: 1 stack \(Story\), 1 warning, 0 info, 1 suppressed \(rules fail on error\)$'
    expect_err 'warning: \[App/Story/Uploads\] S3\.4: server access logging is off'
    expect_file report.json '"reason": "bastion host; the public subnet'
    expect_file report.json '"passed": true'
    run validate --report report.txt
    expect_file report.txt '^suppressed EC2\.1    App/Story/Bastion$'
    expect_file report.txt '^passed: 0 errors, 1 warning, 0 info, 1 suppressed'
    run synth --out out
    expect_code 0
    [[ -f out/cloudformation/Story.template.json ]] || fail "synth wrote no template"
    ;;
  rules-warning)
    export DRDB_STORY=fixed
    run validate --rules warning
    expect_code 3
    expect_err '^\[App/Story/Uploads\] S3\.4: server access logging is off'
    run validate --rules none
    expect_code 0
    expect_out 'rules not run'
    run validate --rules s3
    expect_code 0
    expect_out '0 suppressed'  # EC2 did not run: its suppression is neither used nor unused
    ;;
  rules-bad-value)
    run validate --rules fatal
    expect_code 2
    expect_err 'unknown rule pack "fatal" — use error, warning or info, and/or packs: .*s3'
    ;;
  synth-format)
    run synth --out out --format terraform
    expect_code 0
    [[ -z $(find out -path '*cloudformation*') ]] || fail "--format terraform wrote CloudFormation"
    expect_out '^wrote out/terraform/'
    run synth --out out2 --format cloudformation-yaml,cloudformation
    expect_code 0
    [[ -z $(find out2 -path '*terraform*') ]] || fail "CloudFormation formats wrote Terraform"
    ;;
  synth-stack)
    stack=$("$synth" list | head -n1 | cut -d' ' -f1)
    run synth --out out --stack "$stack" --stack "$stack"
    expect_code 0
    expect_out "^synthesized 1 stack \\($stack\\)"
    # Besides the stack's own files: the manifests, and the assets it uses.
    [[ -z $(sed -n 's/^wrote //p' "$work/stdout" | grep -v -e "$stack" -e '^out/manifest\.json$' -e '^out/assets\.json$' -e '^out/assets/') ]] ||
      fail "wrote files of other stacks"
    ;;
  unknown-flag)
    run synth --bogus
    expect_code 2
    expect_err 'bogus'
    expect_err "--help"
    ;;
  no-command)
    run
    expect_code 2
    expect_err "give a command — the commands are synth, validate, list, diff, graph, init"
    expect_err "--help"
    run synthesize
    expect_code 2
    expect_err '"synthesize" is not a command — did you mean "synth"\?'
    run lst
    expect_code 2
    expect_err '"lst" is not a command — did you mean "list"\?'
    ;;
  bad-format)
    run synth --format cloudformation,json --out out
    expect_code 2
    expect_err 'json'
    [[ ! -e out ]] || fail "a usage error wrote output"
    ;;
  unknown-stack)
    run synth --stack NoSuchStack --out out
    expect_code 2
    expect_err 'NoSuchStack' 
    [[ ! -e out ]] || fail "a usage error wrote output"
    ;;
  unwritable-out)
    # Root ignores permission bits, so make the output impossible another way: the place of one of
    # the output's subdirectories is taken by a regular file.
    mkdir -p out
    echo keep >out/keep.txt
    echo 'not a directory' >out/terraform
    before=$(tree_state out)
    run synth --out out
    expect_code 4
    expect_err '^error: out/terraform: .* — '
    [[ $(tree_state out) == "$before" ]] || fail "the output directory changed"
    # The output directory itself a file.
    echo 'a file' >file
    run synth --out file
    expect_code 4
    expect_err '^error: file: exists and is not a directory'
    [[ $(cat file) == 'a file' ]] || fail "the file was changed"
    ;;
  deterministic)
    run synth --out a
    expect_code 0
    run synth --out b
    expect_code 0
    diff -r a b >"$work/diff" || fail "two runs differ: $(head -50 "$work/diff")"
    # Re-synthesizing over existing output gives the same bytes too.
    run synth --out a
    expect_code 0
    diff -r a b >/dev/null || fail "re-synthesizing over existing output changed it"
    ;;
  diff)
    run synth --out committed
    expect_code 0
    run diff committed
    expect_code 0
    expect_out '^no differences$'
    # A committed template edited by hand: a fresh synth differs, with the path and a replacement.
    template=$(ls committed/cloudformation/*.template.json | head -1)
    python3 - "$template" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
first = sorted(doc["Resources"])[0]
doc["Resources"][first].setdefault("Properties", {})["DrdbDiffProbe"] = 1
doc["Resources"]["Removed"] = {"Type": "AWS::SQS::Queue"}
json.dump(doc, open(path, "w"), indent=2)
PY
    run diff committed
    expect_code 1
    expect_out '^  - Removed \(AWS::SQS::Queue\) — DATA-LOSS RISK: the old resource is deleted with its data$'
    expect_out '^      - Properties\.DrdbDiffProbe: 1$'
    expect_out 'files? differs?; resources: 0 added, 1 removed, [1-9][0-9]* modified'
    run diff committed --json
    expect_code 1
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["equal"] is False' "$work/stdout" ||
      fail "--json did not print a diff document"
    # Two directories, no synth.
    run synth --out fresh
    run diff fresh fresh
    expect_code 0
    run diff fresh committed
    expect_code 1
    run diff missing-dir
    expect_code 2
    expect_err 'missing-dir is not a directory'
    run diff fresh committed --format terraform
    expect_code 2
    # Terraform's working files beside the committed output are not output.
    mkdir -p fresh/terraform/.terraform
    for f in fresh/terraform/*/; do touch "$f/.terraform.lock.hcl" "$f/terraform.tfstate" "$f/override.tf.json"; done
    run diff fresh
    expect_code 0
    # With --format or --stack, only those documents of the committed directory are compared.
    python3 - "$(ls fresh/terraform/*/main.tf.json | head -1)" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
doc["resource"]["aws_sqs_queue"] = {"probe": {}}
json.dump(doc, open(path, "w"), indent=2)
PY
    run diff fresh --format cloudformation
    expect_code 0
    expect_out '^no differences$'
    run diff fresh --format terraform
    expect_code 1
    expect_out 'aws_sqs_queue.probe'
    ;;
  diff-gate)
    # What CI gates on, tried as a user would on the bundled app's committed output.
    run synth --out committed
    expect_code 0
    cp -r committed edited
    # A YAML-only edit is found, with its path, though the JSON template is unchanged.
    sed -i 's/m5\.xlarge/x1e.32xlarge/' edited/cloudformation/Drdb.template.yaml
    run diff committed edited
    expect_code 1
    expect_out '^~ cloudformation/Drdb\.template\.yaml$'
    expect_out 'InstanceFleets\[0\]\.InstanceTypeConfigs\[0\]\.InstanceType: "m5\.xlarge" -> "x1e\.32xlarge"$'
    run diff edited
    expect_code 1
    run diff edited --json
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["equal"] is False and d["files"][0]["file"] == "cloudformation/Drdb.template.yaml"' \
      "$work/stdout" || fail "--json did not report the YAML-only edit"
    # A committed file that does not parse is a difference, whatever --fail-on says.
    echo 'garbage: [' >>edited/cloudformation/Drdb.template.yaml
    run diff edited --fail-on data-loss
    expect_code 1
    expect_out '^! cloudformation/Drdb\.template\.yaml: does not parse, so it differs: cannot be read as YAML: line [0-9]+'
    # --fail-on data-loss: a key-schema change of the run-log table fails the gate, a tag change does not.
    cat >app.yaml <<'YAML'
stacks:
  Jobs:
    tags: {team: data}
    resources:
      Runs: {type: dynamodb.Table, partition_key: {name: Correlation_Id}}
YAML
    run --app app.yaml synth --out out
    expect_code 0
    sed -i 's/team: data/team: platform/' app.yaml
    run --app app.yaml diff out --fail-on data-loss
    expect_code 0
    expect_out 'Jobs, CloudFormation: 0 added, 0 removed, 1 modified$'
    run --app app.yaml diff out --fail-on replacement
    expect_code 0
    run --app app.yaml diff out
    expect_code 1
    sed -i 's/partition_key: {name: Correlation_Id}/partition_key: {name: Correlation_Id}, sort_key: {name: Started}/' app.yaml
    run --app app.yaml diff out --fail-on data-loss
    expect_code 1
    expect_out '^  ~ Runs \(AWS::DynamoDB::Table\) REPLACED: KeySchema changed — DATA-LOSS RISK: a new, empty resource takes its place; the old resource is retained, orphaned outside the stack$'
    expect_out '^  ~ aws_dynamodb_table\.Runs \(aws_dynamodb_table\) REPLACED: range_key changed — DATA-LOSS RISK'
    expect_out '1 DATA-LOSS RISK'
    run --app app.yaml diff out --fail-on data-loss --json
    expect_code 1
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[r for f in d["files"] for r in f["resources"] if r["id"]=="Runs"][0]; assert r["replacement"]=="yes" and r["data_loss"] and r["old_resource"]=="retained", r' \
      "$work/stdout" || fail "--json did not flag the replaced table"
    run diff out --fail-on nothing
    expect_code 2
    ;;
  retained-removal)
    # A retained table removed from the app: Terraform forgets it (a removed block) instead of deleting it.
    cat >app.yaml <<'YAML'
stacks:
  Jobs:
    resources:
      Queue: {type: sqs.Queue}
      RunLog: {type: dynamodb.Table, partition_key: {name: Id}}
YAML
    run --app app.yaml synth --out first
    expect_code 0
    expect_out '^  terraform -chdir=first/terraform/Jobs state rm aws_dynamodb_table\.RunLog && terraform -chdir=first/terraform/Jobs destroy$'
    cp -r first out
    sed -i '/RunLog:/d' app.yaml
    run --app app.yaml synth --out out
    expect_code 0
    ! grep -q 'state rm' "$work/stdout" || fail "no retained resource is left to forget"
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); assert m["removed"] == [{"from": "aws_dynamodb_table.RunLog", "lifecycle": {"destroy": False}}] and m["terraform"]["required_version"] == ">= 1.7.0", m.get("removed")' \
      out/terraform/Jobs/main.tf.json || fail "main.tf.json has no removed block for the table"
    set +e
    bash "$lint/tf-validate.sh" out/terraform/Jobs >"$work/validate" 2>&1
    validated=$?
    set -e
    [[ $validated -eq 0 || $validated -eq 77 ]] || fail "terraform validate: $(cat "$work/validate")"
    # The second synth against the first: the table leaves both targets, retained, no data at risk.
    run diff first out --fail-on data-loss
    expect_code 0
    expect_out 'aws_dynamodb_table\.RunLog \(aws_dynamodb_table\).* the old resource is retained'
    expect_out ' RunLog \(AWS::DynamoDB::Table\).* the old resource is retained'
    # A fresh synth compares with what synth wrote, and with the first output as synth would write over it.
    run --app app.yaml diff out
    expect_code 0
    run --app app.yaml diff first --fail-on data-loss
    expect_code 0
    expect_out 'aws_dynamodb_table\.RunLog .*retained'
    ;;
  synth-stale)
    # A function (its code is an asset) in a stack, then the stack renamed and the function gone.
    cat >app.yaml <<'YAML'
stacks:
  Old:
    resources:
      Jobs: {type: sqs.Queue}
      Handler: {type: lambda.Function, runtime: python3.12, handler: index.handler, code: {inline: "def handler(event, context):\n    return event\n"}}
YAML
    run --app app.yaml synth --out out
    expect_code 0
    [[ -f out/assets.json ]] || fail "the function's code was not written as an asset"
    printf 'stacks:\n  New:\n    resources:\n      Jobs: {type: sqs.Queue}\n' >app.yaml
    run --app app.yaml synth --out out
    expect_code 0
    ! grep -q '^note:' "$work/stderr" || fail "the manifest should have said what to remove"
    expect_out '^removed out/cloudformation/Old\.template\.json$'
    expect_out '^removed out/terraform/Old/main\.tf\.json$'
    expect_out '^removed out/assets/[0-9a-f]+\.zip$'
    expect_out '^removed out/assets\.json$'
    listed=$(sed -n 's/^wrote //p' "$work/stdout" | sort)
    found=$(find out -type f | sort)
    [[ $listed == "$found" ]] || fail "stale files left: $(diff <(echo "$listed") <(echo "$found"))"
    [[ ! -e out/terraform/Old && ! -e out/assets ]] || fail "directories emptied by the removal were left"
    run --app app.yaml diff out
    expect_code 0
    expect_out '^no differences$'
    # Files of the user's and of Terraform beside the output are neither compared nor removed.
    echo 'terraform { backend "s3" {} }' >out/terraform/New/backend.tf
    mkdir -p out/terraform/New/.terraform
    touch out/terraform/New/terraform.tfstate out/terraform/New/dev.tfvars out/terraform/New/.terraform/x
    run --app app.yaml diff out
    expect_code 0
    cp -r out before
    rm before/terraform/New/backend.tf
    run diff before out
    expect_code 0
    run --app app.yaml synth --out out
    expect_code 0
    [[ -f out/terraform/New/backend.tf && -f out/terraform/New/terraform.tfstate ]] || fail "synth removed a file it did not write"
    # --ignore leaves files synth wrote out of the comparison.
    echo '{}' >out/terraform/New/main.tf.json
    run --app app.yaml diff out
    expect_code 1
    run --app app.yaml diff out --ignore 'terraform/*/main.tf.json'
    expect_code 0
    run diff before out --ignore 'terraform/**'
    expect_code 0
    ;;
  graph)
    run graph
    expect_code 0
    expect_out '^flowchart LR$'
    expect_out ' --> n_'
    run graph --style dot --out pictures
    expect_code 0
    expect_out '^wrote pictures/[A-Za-z0-9]+\.dot$'
    for f in pictures/*.dot; do grep -q '^digraph ' "$f" || fail "$f is not a DOT graph"; done
    if command -v dot >/dev/null; then dot -Tsvg pictures/*.dot >/dev/null || fail "Graphviz rejects the DOT output"; fi
    run graph --style svg
    expect_code 2
    ;;
  init)
    run init new-app --name new-app
    expect_code 2
    expect_err 'the name "new-app" is not a valid program name'
    [[ ! -e new-app ]] || fail "a failed init created its directory"
    # A C++ app in a hyphenated directory is named after it, made an identifier.
    run init new-app
    expect_code 0
    grep -q '^project(new_app LANGUAGES CXX)$' new-app/CMakeLists.txt || fail "the project is not named new_app"
    run init app1 --stack Demo
    expect_code 0
    expect_out '^created app1/CMakeLists.txt$'
    expect_out '^next: cmake -S app1'
    grep -q '^project(app1 LANGUAGES CXX)$' app1/CMakeLists.txt || fail "CMakeLists.txt does not name the project"
    grep -q '"Demo"' app1/main.cpp || fail "main.cpp does not name the stack"
    [[ -e app1/.gitignore && -e app1/README.md ]] || fail ".gitignore or README.md missing"
    grep -q '{{' app1/* && fail "a placeholder was left in the files"
    run init app1
    expect_code 2
    expect_err 'exists and is not an empty directory'
    run init app2 --region mars
    expect_code 2
    expect_err 'is not an AWS region name'
    # A spec app: its app.yaml synthesizes as it is.
    run init lake --kind spec --stack Lake
    expect_code 0
    expect_out '^created lake/app.yaml$'
    expect_out '^next: drdb-synth --app lake/app.yaml synth --out lake/out$'
    [[ -e lake/.gitignore && -e lake/README.md ]] || fail ".gitignore or README.md missing"
    grep -q '{{' lake/* && fail "a placeholder was left in the files"
    run --app lake/app.yaml synth --out lake/out
    expect_code 0
    expect_no_err
    [[ -f lake/out/cloudformation/Lake.template.json ]] || fail "the scaffolded spec did not synthesize"
    # A spec app's name may be a hyphenated directory's.
    run init my-spec --kind spec
    expect_code 0
    grep -q 'description: my-spec' my-spec/app.yaml || fail "the spec does not carry its name"
    run --app my-spec/app.yaml validate
    expect_code 0
    ;;
  spec)
    printf 'stacks:\n  Lake:\n    resources:\n      Raw: {type: s3.Bucket, versioned: true}\n' >lake.yaml
    run --app lake.yaml list
    expect_code 0
    expect_out '^Lake +[0-9]+ CloudFormation resources?, [0-9]+ Terraform resources?$'
    run --app lake.yaml synth --out out
    expect_code 0
    grep -q '"AWS::S3::Bucket"' out/cloudformation/Lake.template.json || fail "the spec's bucket is not in the template"
    # Inline code needs no upload: no asset step in the deploy commands, for either target.
    printf 'stacks:\n  Fn:\n    resources:\n      Hello: {type: lambda.Function, runtime: python3.13, handler: index.handler, code: {inline: "def handler(e, c):\\n    return e\\n"}}\n' >inline.yaml
    run --app inline.yaml synth --out inline-out
    expect_code 0
    expect_out '^  aws cloudformation deploy --template-file inline-out/cloudformation/Fn.template.yaml'
    grep -q 'first upload' "$work/stdout" && fail "an app of inline code is told to upload assets"
    printf 'stacks:\n  Lake:\n    resources:\n      Raw: {type: s3.Bucket, versionned: true}\n' >typo.yaml
    run --app typo.yaml synth --out typo-out
    expect_code 3
    expect_err 'typo\.yaml:4:30\] unknown s3\.Bucket key "versionned" — did you mean "versioned"\?'
    [[ ! -e typo-out ]] || fail "an invalid spec wrote output"
    run --app missing.yaml list
    expect_code 2
    expect_err 'missing\.yaml: no such spec file — check the path given to --app'
    run --app . list
    expect_code 2
    expect_err '\. is a directory — give the spec file in it, e\.g\. \./app\.yaml'
    ;;
  *)
    echo "unknown case '$case_name'" >&2
    exit 2
    ;;
esac
echo "ok [$case_name]"
