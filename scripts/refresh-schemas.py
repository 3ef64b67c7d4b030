#!/usr/bin/env python3
"""Regenerate the vendored schemas under schemas/ from schemas/types.txt.

    python3 scripts/refresh-schemas.py            # rewrite schemas/cfn/*.json and schemas/tf/aws.json
    python3 scripts/refresh-schemas.py --check    # exit 1 if anything would change (CI, reviews)

Sources (pinned below; see schemas/VERSIONS.md):
  - CloudFormation: the registry schemas as cfn-lint ships them for one region;
  - Terraform: `terraform providers schema -json` of the hashicorp/aws provider, installed offline
    from a plugin directory (TF_PLUGIN_DIR, default /opt/tf-plugins), reduced to the resource types
    of types.txt plus the provider's own configuration block, without documentation strings.

Fixes to upstream schemas are never made by hand in the vendored files: they go into
schemas/patches.json (RFC 6902 JSON Patch operations, each with a "why") and are applied here.
The output is deterministic: sorted keys, two-space indent, ASCII, trailing newline.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonpatch  # ships with cfn-lint

CFN_LINT_VERSION = "1.51.0"
CFN_REGION = "us-east-1"
TF_PROVIDER_SOURCE = "registry.terraform.io/hashicorp/aws"
TF_PROVIDER_VERSION = "5.100.0"
TF_NOISE = ("description", "description_kind", "deprecated")

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"


def read_types(path: Path) -> list[tuple[str, list[str]]]:
    """types.txt: `AWS::Svc::Type = tf_type, tf_type  # comment`, `#` comments, blank lines."""
    entries = []
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" not in line:
            sys.exit(f"{path}:{number}: expected `AWS::Service::Type = terraform_types`")
        cfn, tf = (part.strip() for part in line.split("=", 1))
        entries.append((cfn, [t.strip() for t in tf.split(",") if t.strip()]))
    return entries


def file_name(cfn_type: str) -> str:
    return cfn_type.replace("::", "_") + ".json"


def dump(document) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def apply_patches(document, operations: list[dict], what: str):
    ops = [{k: v for k, v in op.items() if k != "why"} for op in operations]
    try:
        return jsonpatch.apply_patch(document, ops)
    except jsonpatch.JsonPatchException as e:  # a patch that no longer applies must be looked at
        sys.exit(f"schemas/patches.json: patch for {what} does not apply: {e}")


def cfn_schemas(types: list[str], patches: dict) -> dict[str, str]:
    # cfn-lint resolves paths relative to the working directory: never run it from inside its package.
    os.chdir(tempfile.gettempdir())
    import cfnlint.version
    from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER

    if cfnlint.version.__version__ != CFN_LINT_VERSION:
        sys.exit(f"cfn-lint {cfnlint.version.__version__} installed, {CFN_LINT_VERSION} pinned: "
                 "bump CFN_LINT_VERSION here and in schemas/VERSIONS.md to move on")
    out = {}
    for cfn_type in types:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(CFN_REGION, cfn_type).schema
        schema = apply_patches(schema, patches.get(cfn_type, []), cfn_type)
        out[file_name(cfn_type)] = dump(schema)
    return out


def strip_block(block: dict) -> dict:
    """Drops documentation from a Terraform schema block, keeping attribute *names* intact."""
    out = {k: v for k, v in block.items() if k not in TF_NOISE}
    if "attributes" in block:
        out["attributes"] = {name: strip_attribute(a) for name, a in block["attributes"].items()}
    if "block_types" in block:
        out["block_types"] = {
            name: {**{k: v for k, v in nested.items() if k not in TF_NOISE},
                   "block": strip_block(nested["block"])}
            for name, nested in block["block_types"].items()
        }
    return out


def strip_attribute(attribute: dict) -> dict:
    out = {k: v for k, v in attribute.items() if k not in TF_NOISE}
    if "nested_type" in attribute:
        out["nested_type"] = strip_block(attribute["nested_type"])
    return out


def tf_schema(types: list[str], patches: dict) -> str:
    plugin_dir = os.environ.get("TF_PLUGIN_DIR", "/opt/tf-plugins")
    with tempfile.TemporaryDirectory() as work:
        Path(work, "main.tf").write_text(
            'terraform {\n  required_providers {\n'
            f'    aws = {{ source = "hashicorp/aws", version = "{TF_PROVIDER_VERSION}" }}\n'
            '  }\n}\n')
        env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}
        subprocess.run(["terraform", "init", "-input=false", f"-plugin-dir={plugin_dir}"],
                       cwd=work, env=env, check=True, capture_output=True)
        raw = subprocess.run(["terraform", "providers", "schema", "-json"], cwd=work, env=env,
                             check=True, capture_output=True, text=True).stdout
    full = json.loads(raw)
    provider = full["provider_schemas"][TF_PROVIDER_SOURCE]
    resources = provider["resource_schemas"]
    missing = [t for t in types if t not in resources]
    if missing:
        sys.exit(f"provider {TF_PROVIDER_VERSION} has no resource types {missing}")
    subset = {
        "format_version": full["format_version"],
        "provider_schemas": {
            TF_PROVIDER_SOURCE: {
                "provider": {**provider["provider"], "block": strip_block(provider["provider"]["block"])},
                "resource_schemas": {
                    t: {**resources[t], "block": strip_block(resources[t]["block"])} for t in types
                },
            }
        },
    }
    return dump(apply_patches(subset, patches.get("terraform", []), "terraform"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether anything would change")
    args = parser.parse_args()

    entries = read_types(SCHEMAS / "types.txt")
    cfn_types = [cfn for cfn, _ in entries]
    tf_types = sorted({t for _, tfs in entries for t in tfs})
    patches = json.loads((SCHEMAS / "patches.json").read_text())

    wanted = {SCHEMAS / "cfn" / name: text for name, text in cfn_schemas(cfn_types, patches.get("cloudformation", {})).items()}
    wanted[SCHEMAS / "tf" / "aws.json"] = tf_schema(tf_types, patches)
    stale = [p for p in (SCHEMAS / "cfn").glob("*.json") if p not in wanted]

    changed = [p for p, text in wanted.items() if not p.exists() or p.read_text() != text]
    for path in sorted(changed + stale):
        print(("remove " if path in stale else "write ") + str(path.relative_to(ROOT)))
    if args.check:
        return 1 if changed or stale else 0
    for path in stale:
        path.unlink()
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path])
    return 0


if __name__ == "__main__":
    sys.exit(main())
