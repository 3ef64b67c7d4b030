// Buckets: grants (with the KMS key use they need), KMS encryption, access logging, removal.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::s3::Bucket;
using drdb::aws::s3::Encryption;
using drdb::test::contains;
using nlohmann::json;

namespace {

json role_statements(const test::Rendered& r, const std::string& role) {
  return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"];
}

const json data_arn = json::parse(R"({"Fn::GetAtt": ["Data", "Arn"]})");
json objects(const std::string& suffix) {
  return json::parse(R"({"Fn::Join": ["", [{"Fn::GetAtt": ["Data", "Arn"]}, ")" + suffix + R"("]]})");
}

}  // namespace

TEST_CASE("grant_read: objects under the pattern, listing limited to its prefix") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& data = s.add<Bucket>("Data");
  auto& role = test::ec2_role(s, "R");
  data.grant_read(role, "raw/*");
  const auto r = test::render(app);
  CHECK(role_statements(r, "R") == json::array({
                                       {{"Action", "s3:GetBucketLocation"}, {"Effect", "Allow"}, {"Resource", data_arn}},
                                       {{"Action", "s3:GetObject"}, {"Effect", "Allow"}, {"Resource", objects("/raw/*")}},
                                       {{"Action", "s3:ListBucket"},
                                        {"Condition", {{"StringLike", {{"s3:prefix", "raw/*"}}}}},
                                        {"Effect", "Allow"},
                                        {"Resource", data_arn}},
                                   }));
}

TEST_CASE("grants on the whole bucket merge; no action drdb derives has a wildcard") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& data = s.add<Bucket>("Data", {.encryption = Encryption::Kms, .kms_key = &key, .versioned = true});
  auto& logs = s.add<Bucket>("Logs");
  auto& role = test::ec2_role(s, "R");
  data.grant_read(role);
  data.grant_read_write(role);
  logs.grant_put(role, "emr/*");
  key.grant_encrypt_decrypt(role);
  const auto r = test::render(app);
  const auto statements = role_statements(r, "R");
  CHECK(statements[0]["Action"] == json({"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"}));
  for (const auto& item : r.cfn["Resources"].items()) {
    const std::string id = item.key();  // not a structured binding: INFO captures it, which clang 14 refuses
    const auto& props = item.value()["Properties"];
    std::vector<json> documents;
    if (props.contains("Policies"))
      for (const auto& p : props["Policies"]) documents.push_back(p["PolicyDocument"]);
    if (props.contains("PolicyDocument")) documents.push_back(props["PolicyDocument"]);
    for (const auto& doc : documents)
      for (const auto& st : doc["Statement"]) {
        const auto actions = st["Action"].is_array() ? st["Action"] : json::array({st["Action"]});
        for (const auto& a : actions) {
          INFO(id << " " << a);
          // The only wildcard: the TLS-only bucket policy's deny.
          CHECK((a.get<std::string>().find('*') == std::string::npos || (st["Effect"] == "Deny" && a == "s3:*")));
        }
      }
  }
  // read_write on the whole bucket: one object statement, one bucket statement (with listing).
  bool found_objects = false;
  bool found_bucket = false;
  for (const auto& st : statements) {
    if (st["Resource"] == objects("/*")) {
      found_objects = true;
      CHECK(st["Action"] == json({"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject",
                                  "s3:ListMultipartUploadParts", "s3:PutObject"}));
    }
    if (st["Resource"] == data_arn) {
      found_bucket = true;
      CHECK(st["Action"] == json({"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}));
    }
  }
  CHECK(found_objects);
  CHECK(found_bucket);
}

TEST_CASE("a bucket with its own KMS key: encryption by that key, and grants include the key use through S3") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& data = s.add<Bucket>("Data", {.encryption = Encryption::Kms, .kms_key = &key});
  auto& reader = test::ec2_role(s, "Reader");
  auto& writer = test::ec2_role(s, "Writer");
  data.grant_read(reader);
  data.grant_put(writer);
  const auto r = test::render(app);
  CHECK(r.props("Data")["BucketEncryption"]["ServerSideEncryptionConfiguration"][0] == json::parse(R"({
    "BucketKeyEnabled": true,
    "ServerSideEncryptionByDefault": {"KMSMasterKeyID": {"Fn::GetAtt": ["Key", "Arn"]}, "SSEAlgorithm": "aws:kms"}})"));
  const json via_s3 = json::parse(R"({"StringEquals": {"kms:ViaService": {"Fn::Join": ["", ["s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}]]}}})");
  const json key_arn = json::parse(R"({"Fn::GetAtt": ["Key", "Arn"]})");
  auto key_statement = [&](const char* role) {
    for (const auto& st : role_statements(r, role))
      if (st["Resource"] == key_arn) return st;
    return json();
  };
  CHECK(key_statement("Reader") == json({{"Action", "kms:Decrypt"}, {"Condition", via_s3}, {"Effect", "Allow"}, {"Resource", key_arn}}));
  CHECK(key_statement("Writer")["Action"] == json({"kms:Decrypt", "kms:GenerateDataKey"}));
  const auto& sse = r.tf["resource"]["aws_s3_bucket_server_side_encryption_configuration"]["Data"];
  CHECK(sse["rule"][0]["apply_server_side_encryption_by_default"][0]["kms_master_key_id"] == "${aws_kms_key.Key.arn}");
  bool tf_key_grant = false;
  for (const auto& [name, body] : r.tf["resource"]["aws_iam_role_policy"].items()) {
    if (body["role"] != "${aws_iam_role.Reader.name}") continue;
    const auto policy = json::parse(body["policy"].get<std::string>());
    for (const auto& st : policy["Statement"])
      tf_key_grant = tf_key_grant || (st["Resource"] == "${aws_kms_key.Key.arn}" &&
                                      st["Condition"]["StringEquals"]["kms:ViaService"] ==
                                          "s3.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}");
  }
  CHECK(tf_key_grant);
}

TEST_CASE("a bucket encrypted with an existing key by ARN; the AWS-managed key needs no grant") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& byarn = s.add<Bucket>("ByArn", {.encryption = Encryption::Kms, .kms_key_arn = Str("arn:aws:kms:us-east-1:123456789012:key/abc")});
  auto& managed = s.add<Bucket>("Managed", {.encryption = Encryption::Kms});
  auto& role = test::ec2_role(s, "R");
  byarn.grant_read(role);
  managed.grant_read(role);
  const auto r = test::render(app);
  CHECK(r.props("ByArn")["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]["KMSMasterKeyID"] ==
        "arn:aws:kms:us-east-1:123456789012:key/abc");
  CHECK_FALSE(r.props("Managed")["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"].contains("KMSMasterKeyID"));
  int key_statements = 0;
  for (const auto& st : role_statements(r, "R"))
    if (st["Action"] == "kms:Decrypt") {
      ++key_statements;
      CHECK(st["Resource"] == "arn:aws:kms:us-east-1:123456789012:key/abc");
    }
  CHECK(key_statements == 1);
}

TEST_CASE("KMS settings that contradict each other are errors") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  s.add<Bucket>("NotKms", {.kms_key = &key});
  s.add<Bucket>("Both", {.encryption = Encryption::Kms, .kms_key = &key, .kms_key_arn = Str("arn:aws:kms:us-east-1:1:key/x")});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/NotKms] a KMS key is set but encryption is not Kms — set .encryption = Encryption::Kms"));
  CHECK(contains(text, "[App/S/Both] both kms_key and kms_key_arn are set — use one of the two"));
}

TEST_CASE("access logs: logging configuration, and the log bucket allows log delivery from this bucket only") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& logs = s.add<Bucket>("Logs");
  s.add<Bucket>("Data", {.access_logs_bucket = &logs, .access_logs_prefix = "s3/data/"});
  const auto r = test::render(app);
  CHECK(r.props("Data")["LoggingConfiguration"] == json::parse(R"({"DestinationBucketName": {"Ref": "Logs"}, "LogFilePrefix": "s3/data/"})"));
  const auto& statements = r.props(logical_id(*logs.find_policy()))["PolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 2);
  CHECK(statements[0]["Effect"] == "Deny");  // ["s3:*"] sorts before ["s3:PutObject"]
  CHECK(statements[1] == json::parse(R"({
    "Action": "s3:PutObject", "Effect": "Allow",
    "Principal": {"Service": "logging.s3.amazonaws.com"},
    "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Logs", "Arn"]}, "/s3/data/*"]]},
    "Condition": {"ArnLike": {"aws:SourceArn": {"Fn::GetAtt": ["Data", "Arn"]}},
                  "StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}})"));
  // Terraform: logging waits for the log bucket's policy (S3 checks it when logging is turned on).
  CHECK(r.body("aws_s3_bucket_logging", "Data") ==
        json::parse(R"({"bucket": "${aws_s3_bucket.Data.bucket}", "target_bucket": "${aws_s3_bucket.Logs.bucket}",
                        "target_prefix": "s3/data/", "depends_on": ["aws_s3_bucket_policy.LogsPolicy0AE5C130"]})"));
}

TEST_CASE("access logs cannot go to a KMS bucket or to another stack") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& other = app.add<Stack>("Other");
  auto& kms_logs = s.add<Bucket>("KmsLogs", {.encryption = Encryption::Kms});
  s.add<Bucket>("ToKms", {.access_logs_bucket = &kms_logs});
  auto& far = other.add<Bucket>("FarLogs");
  s.add<Bucket>("ToFar", {.access_logs_bucket = &far});
  s.add<Bucket>("PrefixOnly", {.access_logs_prefix = "x/"});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/ToKms] server access logs go to App/S/KmsLogs, which is encrypted with KMS; S3 delivers server access logs only to SSE-S3 buckets — use Encryption::S3Managed on the log bucket"));
  CHECK(contains(text, "[App/S/ToFar] server access logs go to App/Other/FarLogs, in another stack — put the log bucket in this stack"));
  CHECK(contains(text, "[App/S/PrefixOnly] access_logs_prefix is set but access_logs_bucket is not"));
}

TEST_CASE("buckets are retained unless told otherwise; names are checked") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Bucket>("Kept");
  auto& gone = s.add<Bucket>("Gone");
  gone.set_removal_policy(RemovalPolicy::Destroy);
  auto r = test::render(app);
  CHECK(r.cfn["Resources"]["Kept"]["DeletionPolicy"] == "Retain");
  CHECK(r.cfn["Resources"]["Kept"]["UpdateReplacePolicy"] == "Retain");
  CHECK_FALSE(r.cfn["Resources"]["Gone"].contains("DeletionPolicy"));
  CHECK(r.body("aws_s3_bucket", "Kept")["lifecycle"]["prevent_destroy"] == true);
  CHECK_FALSE(r.body("aws_s3_bucket", "Gone").contains("lifecycle"));
  CHECK(r.body("aws_s3_bucket", "Kept")["force_destroy"] == false);
  CHECK_FALSE(r.body("aws_s3_bucket", "Gone").contains("force_destroy"));
  s.add<Bucket>("Ip", {.bucket_name = "192.168.1.10"});
  s.add<Bucket>("Reserved", {.bucket_name = "xn--data"});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Ip] bucket name \"192.168.1.10\" is not a valid S3 bucket name"));
  CHECK(contains(text, "[App/S/Reserved] bucket name \"xn--data\" uses a prefix or suffix S3 reserves"));
}
