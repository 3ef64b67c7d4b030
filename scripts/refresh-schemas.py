#!/usr/bin/env python3
"""Regenerate the vendored schemas under schemas/ from schemas/types.txt.

    python3 scripts/refresh-schemas.py            # rewrite schemas/cfn/*.json, cfn-updates.json, tf/aws.json
    python3 scripts/refresh-schemas.py --check    # exit 1 if anything would change (CI, reviews)

Sources (pinned below; see schemas/VERSIONS.md):
  - CloudFormation: the registry schemas as cfn-lint ships them for one region;
  - Terraform: `terraform providers schema -json` of the hashicorp/aws provider, installed offline
    from a plugin directory (TF_PLUGIN_DIR, default /opt/tf-plugins), reduced to the resource types
    of types.txt plus the provider's own configuration block, without documentation strings;
  - property update behaviour: AWS's own (`causesReplacement`) from the npm package
    @aws-cdk/aws-service-spec, fetched with `npm pack` into a temporary directory and flattened to
    schemas/cfn-updates.json for the types of types.txt.

Fixes to upstream schemas are never made by hand in the vendored files: they go into
schemas/patches.json (RFC 6902 JSON Patch operations, each with a "why") and are applied here.
The output is deterministic: sorted keys, two-space indent, ASCII, trailing newline.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import jsonpatch  # ships with cfn-lint

CFN_LINT_VERSION = "1.51.0"
CFN_REGION = "us-east-1"
TF_PROVIDER_SOURCE = "registry.terraform.io/hashicorp/aws"
TF_PROVIDER_VERSION = "5.100.0"
TF_NOISE = ("description", "description_kind", "deprecated")
SERVICE_SPEC_PACKAGE = "@aws-cdk/aws-service-spec"
SERVICE_SPEC_VERSION = "0.1.216"
SERVICE_SPEC_INTEGRITY = "sha512-O3Lu6v6J6RnI+Eenklbw8237kV64cTpM94QEXmlcmsIAzhcKrdd+qApZhlTL+H3IDt1JP6Vphbd+OOmq6r8pqw=="
# Property types nest deeper than this nowhere in types.txt; the bound only stops a runaway.
UPDATE_MAX_DEPTH = 12

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


def service_spec_db() -> dict:
    """db.json.gz of the pinned @aws-cdk/aws-service-spec, fetched by npm (no install, no scripts)."""
    with tempfile.TemporaryDirectory() as work:
        packed = subprocess.run(
            ["npm", "pack", f"{SERVICE_SPEC_PACKAGE}@{SERVICE_SPEC_VERSION}", "--json", "--ignore-scripts",
             "--pack-destination", work],
            cwd=work, check=True, capture_output=True, text=True).stdout
        info = json.loads(packed)[0]
        if info["integrity"] != SERVICE_SPEC_INTEGRITY:
            sys.exit(f"{SERVICE_SPEC_PACKAGE}@{SERVICE_SPEC_VERSION}: integrity {info['integrity']} "
                     "is not the pinned SERVICE_SPEC_INTEGRITY")
        with tarfile.open(Path(work, info["filename"])) as archive:
            return json.loads(gzip.decompress(archive.extractfile("package/db.json.gz").read()))


def property_type_refs(type_: dict, where: str):
    """The property types ($ref ids) a property type expression leads to, through arrays and unions."""
    kind = type_["type"]
    if kind == "ref":
        yield type_["reference"]["$ref"]
    elif kind == "array":
        yield from property_type_refs(type_["element"], where)
    elif kind == "union":
        for member in type_["types"]:
            yield from property_type_refs(member, where)
    elif kind == "map" and any(property_type_refs(type_["element"], where)):
        # A map key is the user's: the format would need a key wildcard first.
        sys.exit(f"{where}: maps of property types are not supported by cfn-updates.json yet")


def flatten_updates(properties: dict, definitions: dict, where: str, prefix: str = "",
                    parent: str = "no", seen: frozenset = frozenset()) -> dict[str, str]:
    """Dotted property path -> "yes" | "maybe" | "no" (causesReplacement; absent is "no").

    Every top-level property is listed; a nested one only where it differs from the property
    holding it (the rest inherit it). A property type none of whose own properties carries
    causesReplacement says nothing about them (DynamoDB's KeySchema items, EMR's Configuration):
    they inherit too, so a change inside a create-only list still replaces. A property type met
    again below itself (EMR Configurations) is not expanded a second time."""
    annotated = any("causesReplacement" in p for p in properties.values())
    out = {}
    for name, prop in properties.items():
        path = prefix + name
        verdict = prop.get("causesReplacement", "no") if annotated or not prefix else parent
        if not prefix or verdict != parent:
            out[path] = verdict
        if len(seen) >= UPDATE_MAX_DEPTH:
            sys.exit(f"{where}.{path}: property types nest deeper than {UPDATE_MAX_DEPTH}")
        for ref in property_type_refs(prop["type"], f"{where}.{path}"):
            if ref not in seen:
                out.update(flatten_updates(definitions[ref]["properties"], definitions, where, path + ".",
                                           verdict, seen | {ref}))
    return out


def cfn_updates(types: list[str]) -> str:
    schema = service_spec_db()["schema"]
    resources = {r["cloudFormationType"]: r for r in schema["resource"]["entities"]}
    definitions = {d["$id"]: d for d in schema["typeDefinition"]["entities"]}
    missing = [t for t in types if t not in resources]
    if missing:
        sys.exit(f"{SERVICE_SPEC_PACKAGE} {SERVICE_SPEC_VERSION} has no resource types {missing}")
    return dump({
        "source": f"{SERVICE_SPEC_PACKAGE} {SERVICE_SPEC_VERSION}, db.json.gz",
        "types": {t: flatten_updates(resources[t]["properties"], definitions, t) for t in types},
    })


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
    wanted[SCHEMAS / "cfn-updates.json"] = cfn_updates(cfn_types)
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
