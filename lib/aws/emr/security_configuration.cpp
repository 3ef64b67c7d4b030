#include "drdb/aws/emr/security_configuration.hpp"

#include "aws/emr/checks.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::emr {

namespace {

std::string_view s3_mode_name(S3EncryptionMode m) {
  switch (m) {
    case S3EncryptionMode::SseS3: return "SSE-S3";
    case S3EncryptionMode::SseKms: return "SSE-KMS";
    case S3EncryptionMode::CseKms: return "CSE-KMS";
  }
  return "";
}

}  // namespace

SecurityConfiguration::SecurityConfiguration(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

Value SecurityConfiguration::document() const {
  const auto& p = props_;
  Object at_rest;
  if (p.s3_encryption) {
    Object s3{{"EncryptionMode", std::string(s3_mode_name(p.s3_encryption->mode))}};
    if (p.s3_encryption->kms_key_arn) s3.emplace("AwsKmsKey", p.s3_encryption->kms_key_arn->value());
    at_rest.emplace("S3EncryptionConfiguration", Value(std::move(s3)));
  }
  if (p.local_disk_encryption)
    at_rest.emplace("LocalDiskEncryptionConfiguration",
                    Value::object({{"AwsKmsKey", p.local_disk_encryption->kms_key_arn.value()},
                                   {"EnableEbsEncryption", p.local_disk_encryption->encrypt_ebs},
                                   {"EncryptionKeyProviderType", "AwsKms"}}));
  Object encryption{{"EnableAtRestEncryption", !at_rest.empty()}, {"EnableInTransitEncryption", p.in_transit_encryption.has_value()}};
  if (!at_rest.empty()) encryption.emplace("AtRestEncryptionConfiguration", Value(std::move(at_rest)));
  if (p.in_transit_encryption)
    encryption.emplace("InTransitEncryptionConfiguration",
                       Value::object({{"TLSCertificateConfiguration",
                                       Value::object({{"CertificateProviderType", "PEM"},
                                                      {"S3Object", p.in_transit_encryption->certificates_zip_s3_uri.value()}})}}));
  Object document{{"EncryptionConfiguration", Value(std::move(encryption))}};
  if (p.kerberos)
    document.emplace("AuthenticationConfiguration",
                     Value::object({{"KerberosConfiguration",
                                     Value::object({{"ClusterDedicatedKdcConfiguration",
                                                     Value::object({{"TicketLifetimeInHours", p.kerberos->ticket_lifetime_hours}})},
                                                    {"Provider", "ClusterDedicatedKdc"}})}}));
  return Value(std::move(document));
}

std::vector<Str> SecurityConfiguration::kms_key_arns() const {
  std::vector<Str> out;
  if (props_.s3_encryption && props_.s3_encryption->kms_key_arn) out.push_back(*props_.s3_encryption->kms_key_arn);
  if (props_.local_disk_encryption) out.push_back(props_.local_disk_encryption->kms_key_arn);
  return out;
}

void SecurityConfiguration::validate(Diagnostics& out) const {
  const auto& p = props_;
  if (!p.s3_encryption && !p.local_disk_encryption && !p.in_transit_encryption && !p.kerberos)
    out.error(path(), "the security configuration enables nothing",
              "set s3_encryption, local_disk_encryption, in_transit_encryption or kerberos");
  if (p.name.size() > 10280) out.error(path(), "the security configuration name is too long", "use at most 10280 characters");
  if (p.s3_encryption) {
    const bool kms = p.s3_encryption->mode != S3EncryptionMode::SseS3;
    const bool has_key = p.s3_encryption->kms_key_arn && !detail::is_blank(*p.s3_encryption->kms_key_arn);
    if (kms && !has_key)
      out.error(path(), std::string(s3_mode_name(p.s3_encryption->mode)) + " needs a KMS key",
                "set s3_encryption.kms_key_arn to the key's ARN");
    if (!kms && p.s3_encryption->kms_key_arn)
      out.error(path(), "SSE-S3 does not take a KMS key", "use S3EncryptionMode::SseKms, or remove kms_key_arn");
  }
  if (p.local_disk_encryption && detail::is_blank(p.local_disk_encryption->kms_key_arn))
    out.error(path(), "local disk encryption needs a KMS key", "set local_disk_encryption.kms_key_arn to the key's ARN");
  if (p.in_transit_encryption) {
    const auto& uri = p.in_transit_encryption->certificates_zip_s3_uri;
    const auto text = detail::literal_text(uri);
    if (detail::is_blank(uri) || detail::is_literal_non_s3(uri) || (!text.empty() && !text.ends_with(".zip")))
      out.error(path(), "in-transit encryption needs the S3 URI of a zip of PEM certificates",
                "set certificates_zip_s3_uri, e.g. s3://bucket/certs/my-certs.zip");
  }
  if (p.kerberos && p.kerberos->ticket_lifetime_hours < 1)
    out.error(path(), "Kerberos ticket lifetime " + std::to_string(p.kerberos->ticket_lifetime_hours) + " h is below 1",
              "use 1 or more hours (24 is usual)");
}

void SecurityConfiguration::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::emr
