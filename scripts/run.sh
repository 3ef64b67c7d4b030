#!/usr/bin/env bash
# The main job: set up and build drdb-synth alone (scripts/setup.sh; the tests, the example programs
# and the benchmark are the test command's, or `scripts/setup.sh` without a target), then synthesize
# the bundled app (the DRDB reference architecture, examples/drdb/drdb.yaml) into out/
# (CloudFormation JSON + YAML, Terraform JSON, manifest.json) and print the commands that deploy it.
# Extra arguments go to `drdb-synth synth`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" --target drdb-synth
cd "$root"
exec "$root/build/drdb-synth" synth --out out "$@"
