#!/usr/bin/env python3
"""asl_definitions.py OUTDIR FILE...: writes every state machine definition found in the given
CloudFormation JSON templates and Terraform JSON configurations to OUTDIR, one JSON file each, with
deploy-time values replaced by realistic ones, so that asl-validator can check them.

CloudFormation: DefinitionString (a string, or Fn::Sub text with an optional variable map) or
Definition (an object, DefinitionSubstitutions applied). Terraform: aws_sfn_state_machine.definition
(interpolations). Prints the written paths, one a line."""
import json
import os
import re
import sys

ACCOUNT = "123456789012"
REGION = "us-east-1"
PSEUDO = {
    "AWS::Partition": "aws", "AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::URLSuffix": "amazonaws.com",
    "AWS::StackName": "stack",
    "data.aws_partition.current.partition": "aws", "data.aws_region.current.name": REGION,
    "data.aws_caller_identity.current.account_id": ACCOUNT, "data.aws_partition.current.dns_suffix": "amazonaws.com",
}


def stand_in(reference):
    """A plausible value for a reference: an ARN for ARN attributes, a name otherwise."""
    if reference in PSEUDO:
        return PSEUDO[reference]
    name = re.sub(r"[^A-Za-z0-9-]", "-", reference)
    if reference.lower().endswith("arn"):
        return f"arn:aws:states:{REGION}:{ACCOUNT}:stateMachine:{name}"
    return name


def substitute_sub(text):
    # "${!Literal}" is a literal "${Literal}"; other "${...}" are references or variables.
    out = re.sub(r"\$\{(?!!)([^}]*)\}", lambda m: stand_in(m.group(1)), text)
    return out.replace("${!", "${")


def substitute_tf(text):
    out = re.sub(r"(?<!\$)\$\{([^}]*)\}", lambda m: stand_in(m.group(1)), text)
    return out.replace("$${", "${").replace("%%{", "%{")


def from_cloudformation(template):
    for logical_id, resource in sorted(template.get("Resources", {}).items()):
        if resource.get("Type") != "AWS::StepFunctions::StateMachine":
            continue
        props = resource.get("Properties", {})
        if "Definition" in props:
            text = json.dumps(props["Definition"])
            for key in props.get("DefinitionSubstitutions", {}):
                text = text.replace("${" + key + "}", stand_in(key))
            yield logical_id, json.loads(text)
            continue
        definition = props.get("DefinitionString")
        if isinstance(definition, dict) and "Fn::Sub" in definition:
            sub = definition["Fn::Sub"]
            definition = substitute_sub(sub if isinstance(sub, str) else sub[0])
        if not isinstance(definition, str):
            raise SystemExit(f"{logical_id}: DefinitionString is neither a string nor Fn::Sub: {definition!r}")
        yield logical_id, json.loads(definition)


def from_terraform(config):
    for name, body in sorted(config.get("resource", {}).get("aws_sfn_state_machine", {}).items()):
        yield name, json.loads(substitute_tf(body["definition"]))


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = sys.argv[1]
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        found = from_terraform(document) if path.endswith(".tf.json") else from_cloudformation(document)
        base = re.sub(r"[^A-Za-z0-9.-]", "_", os.path.relpath(path))
        for name, definition in found:
            out = os.path.join(outdir, f"{base}.{name}.asl.json")
            with open(out, "w", encoding="utf-8") as f:
                json.dump(definition, f, indent=2, sort_keys=True)
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
