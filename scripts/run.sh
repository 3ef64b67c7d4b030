#!/usr/bin/env bash
# The main job: set up and build (scripts/setup.sh), then synthesize the bundled app (the DRDB
# reference architecture, examples/drdb/drdb.yaml) into out/ (CloudFormation JSON + YAML, Terraform
# JSON, manifest.json) and print the commands that deploy it. Extra arguments go to `drdb-synth synth`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root"
exec "$root/build/drdb-synth" synth --out out "$@"
