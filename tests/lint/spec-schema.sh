#!/usr/bin/env bash
# spec-schema.sh SCHEMA SPEC...: checks the schema is valid JSON Schema (draft 2020-12) and that
# every bundled app spec validates against it, with Python's jsonschema (an independent reader of
# what editors will use for completion and checking).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
schema=$1
shift
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import jsonschema, yaml' 2>/dev/null; then python=$candidate; break; fi
done
[[ -n $python ]] ||
  skip_missing_tool "python3 jsonschema/yaml" "apt-get install python3-jsonschema python3-yaml (scripts/test.sh does)"
"$python" - "$schema" "$@" <<'PY'
import json, sys
import jsonschema, yaml
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    for error in validator.iter_errors(yaml.safe_load(open(path))):
        failed = True
        print(f"FAIL: {path}: {'/'.join(map(str, error.absolute_path))}: {error.message}", file=sys.stderr)
    print(f"ok: {path}")
sys.exit(1 if failed else 0)
PY
