// emr.SecurityConfiguration in specs: encryption at rest (S3, local disks), in transit, Kerberos.
#include "drdb/aws/emr/security_configuration.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using namespace aws::emr;

template <>
struct EnumNames<S3EncryptionMode> {
  static constexpr std::pair<std::string_view, S3EncryptionMode> values[] = {
      {"sse_s3", S3EncryptionMode::SseS3}, {"sse_kms", S3EncryptionMode::SseKms}, {"cse_kms", S3EncryptionMode::CseKms}};
};

template <>
struct Fields<S3Encryption> {
  static constexpr std::string_view name = "S3 encryption";
  static const FieldList<S3Encryption>& get() {
    static const FieldList<S3Encryption> list{
        field("mode", &S3Encryption::mode, "sse_s3 (default), sse_kms or cse_kms"),
        field("kms_key_arn", &S3Encryption::kms_key_arn, "sse_kms and cse_kms: {ref: <kms.Key>, attribute: key_arn} or an ARN")};
    return list;
  }
};

template <>
struct Fields<LocalDiskEncryption> {
  static constexpr std::string_view name = "local disk encryption";
  static const FieldList<LocalDiskEncryption>& get() {
    static const FieldList<LocalDiskEncryption> list{
        field("kms_key_arn", &LocalDiskEncryption::kms_key_arn, "{ref: <kms.Key>, attribute: key_arn} or an ARN", required),
        field("encrypt_ebs", &LocalDiskEncryption::encrypt_ebs, "EBS root and data volumes too (default true, from emr-5.24.0)")};
    return list;
  }
};

template <>
struct Fields<InTransitEncryption> {
  static constexpr std::string_view name = "in-transit encryption";
  static const FieldList<InTransitEncryption>& get() {
    static const FieldList<InTransitEncryption> list{
        field("certificates_zip_s3_uri", &InTransitEncryption::certificates_zip_s3_uri,
              "a zip of privateKey.pem, certificateChain.pem and trustedCertificates.pem", required)};
    return list;
  }
};

template <>
struct Fields<Kerberos> {
  static constexpr std::string_view name = "Kerberos";
  static const FieldList<Kerberos>& get() {
    static const FieldList<Kerberos> list{field("ticket_lifetime_hours", &Kerberos::ticket_lifetime_hours, "default 24")};
    return list;
  }
};

template <>
struct Fields<SecurityConfiguration::Props> {
  static constexpr std::string_view name = "emr.SecurityConfiguration";
  static const FieldList<SecurityConfiguration::Props>& get() {
    using P = SecurityConfiguration::Props;
    static const FieldList<P> list{
        field("name", &P::name, "empty: generated"),
        field("s3_encryption", &P::s3_encryption, "EMRFS data in S3; SSE-S3 unless set"),
        field("local_disk_encryption", &P::local_disk_encryption, "instance store and EBS volumes"),
        field("in_transit_encryption", &P::in_transit_encryption, "TLS between nodes"),
        field("kerberos", &P::kerberos, "a cluster-dedicated KDC; the cluster then needs kerberos settings")};
    return list;
  }
};

Kind emr_security_configuration_kind() {
  return make_kind<SecurityConfiguration>("an EMR security configuration: encryption at rest and in transit, Kerberos",
                                          {{"name", [](const SecurityConfiguration& s) { return s.name(); }}});
}

}  // namespace drdb::spec
