"""The corpus of the diff cross-check: before/after template pairs made from the examples' committed
CloudFormation output (tests/golden/<example>/cloudformation/<Stack>.template.json).

A pair is the golden stack as "before" and a copy changed by one edit, of the kind a user makes to an
app, as "after". Edits mutate the parsed template and nothing else, so the same goldens always give the
same pairs. Neither diff resolves references, so a removal may leave a dangling Ref behind."""
import copy
import json


def resource(template, logical_id):
    return template["Resources"][logical_id]


def props(template, logical_id):
    return resource(template, logical_id)["Properties"]


def set_prop(logical_id, key, value):
    def edit(t):
        props(t, logical_id)[key] = value
    return edit


def set_attr(logical_id, key, value):
    """A resource attribute beside Properties (DeletionPolicy, UpdateReplacePolicy)."""
    def edit(t):
        resource(t, logical_id)[key] = value
    return edit


def remove(*logical_ids):
    """Removes the resources and their names from every DependsOn, as synth would."""
    def edit(t):
        for logical_id in logical_ids:
            del t["Resources"][logical_id]
        for body in t["Resources"].values():
            if "DependsOn" in body:
                body["DependsOn"] = [d for d in body["DependsOn"] if d not in logical_ids]
                if not body["DependsOn"]:
                    del body["DependsOn"]
    return edit


def rename(old, new):
    """A new logical id for a resource (a construct moved or renamed), every reference to it following."""
    def follow(value):
        if isinstance(value, list):
            return [follow(v) for v in value]
        if not isinstance(value, dict):
            return value
        if value.get("Ref") == old and len(value) == 1:
            return {"Ref": new}
        if "Fn::GetAtt" in value and len(value) == 1 and value["Fn::GetAtt"][0] == old:
            return {"Fn::GetAtt": [new] + value["Fn::GetAtt"][1:]}
        if "Fn::Sub" in value and len(value) == 1:
            sub = value["Fn::Sub"]
            text = sub if isinstance(sub, str) else sub[0]
            text = text.replace("${" + old + "}", "${" + new + "}").replace("${" + old + ".", "${" + new + ".")
            return {"Fn::Sub": text if isinstance(sub, str) else [text, follow(sub[1])]}
        return {k: follow(v) for k, v in value.items()}

    def edit(t):
        resources = {}
        for logical_id, body in t["Resources"].items():
            body = follow(body)
            if "DependsOn" in body:
                body["DependsOn"] = sorted(new if d == old else d for d in body["DependsOn"])
            resources[new if logical_id == old else logical_id] = body
        t["Resources"] = dict(sorted(resources.items()))
        t["Outputs"] = follow(t.get("Outputs", {}))
    return edit


def edit_at(logical_id, keys, value):
    """Sets a nested property: keys is the path below Properties."""
    def edit(t):
        node = props(t, logical_id)
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return edit


def append_statement(logical_id, document, statement):
    def edit(t):
        props(t, logical_id)[document]["Statement"].append(statement)
    return edit


def edits(*changes):
    def edit(t):
        for change in changes:
            change(t)
    return edit


def set_tag(logical_id, key, value):
    def edit(t):
        tags = props(t, logical_id)["Tags"]
        next(tag for tag in tags if tag["Key"] == key)["Value"] = value
    return edit


def rename_key_attribute(logical_id, key_type, name):
    """The table's HASH or RANGE key on another attribute (a key schema change)."""
    def edit(t):
        p = props(t, logical_id)
        key = next(k for k in p["KeySchema"] if k["KeyType"] == key_type)
        old = key["AttributeName"]
        key["AttributeName"] = name
        next(a for a in p["AttributeDefinitions"] if a["AttributeName"] == old)["AttributeName"] = name
    return edit


def add_range_key(logical_id, name):
    def edit(t):
        p = props(t, logical_id)
        p["KeySchema"].append({"AttributeName": name, "KeyType": "RANGE"})
        p["AttributeDefinitions"].append({"AttributeName": name, "AttributeType": "S"})
    return edit


def edit_definition(logical_id, change):
    """A state machine definition (DefinitionString, a JSON text or Fn::Sub of one) changed by `change`."""
    def edit(t):
        p = props(t, logical_id)
        sub = p["DefinitionString"]
        text = sub["Fn::Sub"] if isinstance(sub, dict) else sub
        definition = json.loads(text if isinstance(text, str) else text[0])
        change(definition)
        new_text = json.dumps(definition, sort_keys=True, separators=(",", ":"))
        if isinstance(sub, dict):
            p["DefinitionString"] = {"Fn::Sub": new_text if isinstance(text, str) else [new_text, text[1]]}
        else:
            p["DefinitionString"] = new_text
    return edit


def timeout(seconds):
    def change(definition):
        definition["TimeoutSeconds"] = seconds
    return change


# (example, name, what it shows, edit of the template; or "rename" for a stack renamed)
PAIRS = [
    ("emr", "vpc-cidr", "CIDR of the VPC", set_prop("Vpc", "CidrBlock", "10.31.0.0/16")),
    ("emr", "core-instance-type", "instance type of the EMR core instance group",
     edit_at("Spark184A4B5E", ["Instances", "CoreInstanceGroup", "InstanceType"], "r5.4xlarge")),
    ("emr", "release-label", "EMR release label", set_prop("Spark184A4B5E", "ReleaseLabel", "emr-7.2.0")),
    ("emr", "cluster-subnet", "subnet of the EMR cluster",
     edit_at("Spark184A4B5E", ["Instances", "Ec2SubnetId"], {"Ref": "VpcEmrSubnet21CD3DBAF"})),
    ("emr", "logs-bucket-name", "name of the bucket the cluster's LogUri joins",
     set_prop("Logs", "BucketName", "drdb-example-emr-logs")),
    ("emr", "managed-policy-statement", "IAM managed policy statement added",
     append_statement("WarehouseAccess", "PolicyDocument",
                      {"Action": "glue:GetTable", "Effect": "Allow", "Resource": "*"})),
    ("emr", "key-policy", "KMS key policy statement added",
     append_statement("DataKey", "KeyPolicy",
                      {"Action": "kms:Decrypt", "Effect": "Allow", "Principal": {"Service": "logs.amazonaws.com"},
                       "Resource": "*", "Sid": "Logs"})),
    ("emr", "update-replace-policy", "UpdateReplacePolicy of a bucket", set_attr("Data", "UpdateReplacePolicy", "Delete")),
    ("cyi", "queue-visibility-timeout", "SQS visibility timeout", set_prop("Uploads", "VisibilityTimeout", 720)),
    ("cyi", "table-key-schema", "DynamoDB hash key on another attribute",
     rename_key_attribute("ClusterState", "HASH", "RunId")),
    ("cyi", "lambda-runtime", "Lambda runtime", set_prop("Launcher", "Runtime", "python3.13")),
    ("cyi", "sg-description", "security-group description",
     set_prop("AppendPrimarySecurityGroupE70EE143", "GroupDescription", "EMR primary node of the append clusters")),
    ("cyi", "queue-tag", "a tag value", set_tag("FailedUploads", "project", "drdb-cyi-dlq")),
    ("drdb", "state-machine-definition", "Step Functions definition",
     edit_definition("IngestStateMachineA684E1BA", timeout(7200))),
    ("drdb", "schedule", "EventBridge rule schedule",
     set_prop("RecycleRecycleSchedule2C67F4E7", "ScheduleExpression", "cron(0 4 * * ? *)")),
    ("drdb", "log-retention", "log group retention", set_prop("IngestStateMachineLogsC2005473", "RetentionInDays", 731)),
    ("drdb", "table-billing-mode", "DynamoDB billing mode",
     edits(set_prop("RunLog", "BillingMode", "PROVISIONED"),
           set_prop("RunLog", "ProvisionedThroughput", {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}))),
    ("drdb", "bucket-name", "bucket name (its policy's Bucket refers to it)", set_prop("Lake", "BucketName", "drdb-lake-example")),
    ("drdb", "stack-rename", "stack renamed: Drdb.template.json becomes DrdbV2.template.json", "DrdbV2"),
    ("intraday", "table-range-key", "DynamoDB range key added", add_range_key("JobStatus", "RunDate")),
    ("intraday", "function-name", "Lambda function name (its permission's FunctionName refers to it)",
     set_prop("MetadataCleanup", "FunctionName", "drdb-intraday-metadata-cleanup")),
    ("intraday", "logical-id-rename", "logical id of a retained log group renamed",
     rename("LauncherLogGroup11B36B01", "LauncherLogs")),
    ("intraday", "remove-retained-table", "DynamoDB table with DeletionPolicy Retain removed", remove("Runs")),
    ("pdm", "sg-ingress-add", "security-group ingress rule added",
     set_prop("Hive3PrimarySecurityGroup71046654", "SecurityGroupIngress",
              [{"CidrIp": "10.0.0.0/8", "Description": "Livy", "FromPort": 8998, "IpProtocol": "tcp", "ToPort": 8998}])),
    ("pdm", "sg-ingress-remove", "security-group ingress rule removed",
     remove("MetastoreDatabaseFromHive3PrimarySecurityGroup71046654tcp330672C0CED5")),
    ("pdm", "remove-function", "Lambda function and its permission removed (not retained)",
     remove("Launcher", "LauncherAllowEventsDaily7C05CFF4")),
    ("pdm", "sg-description", "description of a security group that an ingress rule's GroupId refers to",
     set_prop("MetastoreDatabase", "GroupDescription", "Hive metastore database")),
    ("extralabs", "remove-retained-bucket", "bucket with DeletionPolicy Retain and its policy removed",
     remove("Uploads", "UploadsPolicyCA80B555")),
    ("extralabs", "repository-name", "ECR repository name", set_prop("JobImages", "RepositoryName", "drdb-extralabs/jobs-v2")),
    ("pipeline", "schedule", "EventBridge rule schedule",
     set_prop("ClusterScheduleStartSchedule4485F30A", "ScheduleExpression", "cron(0 7 ? * MON-FRI *)")),
    ("pipeline", "state-machine-definition", "Step Functions definition",
     edit_definition("ClusterScheduleStateMachineDDC4FD4C", timeout(5400))),
    ("network", "ingress-port", "port of a standalone security-group ingress rule",
     edits(set_prop("HiveMetastoreFromEmrPrimarytcp33063BBB6ECF", "FromPort", 3307),
           set_prop("HiveMetastoreFromEmrPrimarytcp33063BBB6ECF", "ToPort", 3307))),
    ("workflow", "cluster-idle-timeout", "EMR auto-termination idle timeout (changes in place)",
     edit_at("Spark184A4B5E", ["AutoTerminationPolicy", "IdleTimeout"], 7200)),
]


def build(template, edit):
    """The after template of a pair (the before template is left as it is)."""
    after = copy.deepcopy(template)
    edit(after)
    return after
