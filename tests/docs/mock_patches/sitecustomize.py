"""Loaded by the local mock AWS that tests/docs/test_user_guide.py starts (PYTHONPATH of that process
only): moto's AWS::KMS::Key reads Tags in the KMS API's shape (TagKey/TagValue) and fails with a
server error on CloudFormation's (Key/Value), which every stack with tags has. tests/e2e strips the
keys' tags from the template instead (moto.without_kms_key_tags); the guide deploys templates as
drdb writes them, so the mock is taught CloudFormation's shape."""
from moto.kms.models import Key

_create = Key.create_from_cloudformation_json.__func__


def _create_with_cloudformation_tags(cls, resource_name, cloudformation_json, *args, **kwargs):
    properties = cloudformation_json.get("Properties", {})
    properties["Tags"] = [{"TagKey": t["Key"], "TagValue": t["Value"]} if "Key" in t else t
                          for t in properties.get("Tags", [])]
    return _create(cls, resource_name, cloudformation_json, *args, **kwargs)


Key.create_from_cloudformation_json = classmethod(_create_with_cloudformation_tags)
