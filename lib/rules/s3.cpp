// S3 rules. Typed buckets are checked through their props; buckets given through the escape hatches
// (RawResource, L1<...>) as AWS::S3::Bucket are checked for encryption and public access, which
// their properties state.
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/core/raw_resource.hpp"
#include "rules/overrides.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::s3::Bucket;

// The CloudFormation properties of an escape-hatch bucket, or null.
const Object* raw_bucket(const RawResource& r) {
  const auto& cfn = r.props().cloudformation;
  if (!cfn || cfn->type != "AWS::S3::Bucket") return nullptr;
  static const Value empty = Object{};
  return cfn->properties.is_object() ? &cfn->properties.as_object() : &empty.as_object();
}

// Buckets receiving other buckets' server access logs (their policy admits the logging service):
// logging them into themselves would loop, and S3.4 leaves them alone.
bool receives_access_logs(const Bucket& b) {
  if (b.find_policy() == nullptr) return false;
  for (const auto& s : b.find_policy()->document().statements())
    for (const auto& p : s.principals)
      if (p.kind == aws::iam::Principal::Kind::Service && p.id == Str("logging.s3.amazonaws.com")) return true;
  return false;
}

}  // namespace

void register_s3_rules(Registry& r) {
  const RuleInfo encryption{
      .id = "S3.1", .level = Level::Error,
      .rationale = "objects must be encrypted at rest with a key the account controls the use of",
      .fix = "use an s3 bucket construct (aws::s3::Bucket; spec kind s3.Bucket), encrypted by default, or set BucketEncryption on the raw bucket"};
  r.add<Bucket>(encryption, [](const Bucket& b, Context& c) {
    if (turned_off_by_override(b, "BucketEncryption"))
      c.fire(b, "an override removes the bucket's server-side encryption", "remove the override of BucketEncryption");
  });
  r.add<RawResource>(encryption, [](const RawResource& raw, Context& c) {
    const auto* props = raw_bucket(raw);
    if (props != nullptr && !props->contains("BucketEncryption"))
      c.fire(raw, "the bucket has no server-side encryption configuration");
  });

  const RuleInfo public_access{
      .id = "S3.2", .level = Level::Error,
      .rationale = "a bucket without a public-access block can be opened to the internet by one ACL or policy",
      .fix = "keep block_public_access = true (the default)"};
  r.add<Bucket>(public_access, [](const Bucket& b, Context& c) {
    if (!b.props().block_public_access)
      c.fire(b, "public access is not blocked (block_public_access = false)");
    else if (turned_off_by_override(b, "PublicAccessBlockConfiguration"))
      c.fire(b, "an override removes the bucket's public-access block", "remove the override of PublicAccessBlockConfiguration");
  });
  r.add<RawResource>(public_access, [](const RawResource& raw, Context& c) {
    const auto* props = raw_bucket(raw);
    if (props != nullptr && !props->contains("PublicAccessBlockConfiguration"))
      c.fire(raw, "the bucket has no public-access block",
             "set PublicAccessBlockConfiguration with all four settings true, or use aws::s3::Bucket");
  });

  r.add<Bucket>({.id = "S3.3", .level = Level::Error,
                 .rationale = "requests over plain HTTP expose data and credentials in transit",
                 .fix = "keep enforce_ssl = true (the default): the bucket policy then denies requests without TLS"},
                [](const Bucket& b, Context& c) {
                  if (!b.props().enforce_ssl) c.fire(b, "the bucket accepts requests without TLS (enforce_ssl = false)");
                });

  r.add<Bucket>({.id = "S3.4", .level = Level::Warning,
                 .rationale = "server access logs are the record of who read or changed which object",
                 .fix = "set access_logs_bucket (and access_logs_prefix) to a log bucket of the stack"},
                [](const Bucket& b, Context& c) {
                  if (b.props().access_logs_bucket == nullptr && !receives_access_logs(b))
                    c.fire(b, "server access logging is off");
                });
}

}  // namespace drdb::rules
