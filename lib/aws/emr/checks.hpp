// Small checks shared by the EMR model's validation.
#pragma once

#include <string>
#include <string_view>

#include "drdb/core/typed.hpp"

namespace drdb::aws::emr::detail {

// "m5.xlarge", "r6gd.2xlarge", "u-6tb1.metal"
bool is_instance_type(std::string_view s);
// A positive USD amount: "0.25", "1", "3.125"
bool is_price(std::string_view s);
// A literal value that is not an s3:// URI (expressions are not checked: known only at deploy).
bool is_literal_non_s3(const Str& s);
// "" when empty or an expression, else the literal text.
std::string literal_text(const Str& s);
bool is_blank(const Str& s);
// {{resolve:secretsmanager:<arn>:SecretString[:<json_key>]}}, joined so the ARN may be an expression.
// Only CloudFormation resolves it; whoever emits it offers another way for other targets.
Str secrets_manager_dynamic_reference(const Str& secret_arn, const std::string& json_key);

}  // namespace drdb::aws::emr::detail
