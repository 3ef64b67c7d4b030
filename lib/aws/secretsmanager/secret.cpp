#include "drdb/aws/secretsmanager/secret.hpp"

#include <cctype>
#include <regex>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::secretsmanager {

namespace {

constexpr std::size_t max_name_length = 512;
constexpr std::size_t max_description_length = 2048;

// Secret names allow letters, digits and /_+=.@-; anything else in a construct id becomes '-'.
std::string name_part(std::string_view id) {
  std::string out(id);
  for (auto& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("/_+=.@-").find(c) == std::string_view::npos)
      c = '-';
  return out;
}

void check_name(const std::string& path, const std::string& name, Diagnostics& out) {
  if (name.empty()) return;
  static const std::regex valid("[A-Za-z0-9/_+=.@-]+");
  static const std::regex random_suffix(".*-[A-Za-z0-9]{6}");
  if (name.size() > max_name_length || !std::regex_match(name, valid))
    out.error(path, "secret name \"" + name + "\" is not a valid Secrets Manager name",
              "use 1-512 letters, digits and /_+=.@-");
  else if (std::regex_match(name, random_suffix))
    out.warning(path, "secret name \"" + name + "\" ends in a hyphen and six characters, like the suffix Secrets Manager adds to ARNs",
                "partial ARNs would then match the wrong secret: end the name differently");
}

void check_generation(const std::string& path, const GeneratedSecret& g, Diagnostics& out) {
  if (g.password_length < 1 || g.password_length > 4096)
    out.error(path, "password_length " + std::to_string(g.password_length) + " is out of range", "use 1-4096 characters");
  if (g.exclude_punctuation && g.exclude_numbers && g.exclude_uppercase && g.exclude_lowercase && !g.include_space)
    out.error(path, "the generated password excludes every kind of character", "allow at least one kind");
  const bool has_template = !g.secret_string_template.empty();
  if (has_template && g.generate_string_key.empty())
    out.error(path, "secret_string_template is set but generate_string_key is not",
              "name the key the password goes under, e.g. .generate_string_key = \"password\"");
  if (!has_template && !g.generate_string_key.empty())
    out.error(path, "generate_string_key is set without a secret_string_template",
              "give a template such as {{\"username\", \"hive\"}}, or drop the key for a bare password");
  if (g.secret_string_template.contains(g.generate_string_key))
    out.error(path, "secret_string_template already has the key \"" + g.generate_string_key + "\" the password goes under",
              "remove it from the template; Secrets Manager adds it");
}

}  // namespace

Secret::Secret(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  default_removal_policy(RemovalPolicy::Retain);  // a lost secret locks users out of what it protects
  if (props_.rotation) rotation_ = &add<RotationSchedule>("Rotation", {.secret = this, .rotation = *props_.rotation});
}

Str Secret::secret_name() const {
  if (!props_.secret_name.empty()) return props_.secret_name;
  std::string below;
  for (const auto& part : path_below_stack()) below += (below.empty() ? "" : "/") + name_part(part);
  return Str(Pseudo::StackName) + "/" + below;
}

void Secret::validate(Diagnostics& out) const {
  const auto p = path();
  check_name(p, props_.secret_name, out);
  if (props_.description.size() > max_description_length)
    out.error(p, "description is " + std::to_string(props_.description.size()) + " characters long", "keep it to 2048");
  if (props_.generate) check_generation(p, *props_.generate, out);
}

RotationSchedule::RotationSchedule(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

void RotationSchedule::validate(Diagnostics& out) const {
  const auto p = path();
  const auto& r = props_.rotation;
  if (r.rotation_lambda_arn.is_literal() && !r.rotation_lambda_arn.value().as_string().starts_with("arn:"))
    out.error(p, "rotation_lambda_arn \"" + r.rotation_lambda_arn.value().as_string() + "\" is not an ARN",
              "pass the rotation function's ARN, e.g. function.function_arn()");
  const bool by_days = r.automatically_after_days.has_value();
  const bool by_expression = !r.schedule_expression.empty();
  if (by_days == by_expression)
    out.error(p, by_days ? "rotation sets both automatically_after_days and schedule_expression"
                         : "rotation has neither automatically_after_days nor schedule_expression",
              "set exactly one, e.g. .automatically_after_days = 30");
  if (by_days && (*r.automatically_after_days < 1 || *r.automatically_after_days > 1000))
    out.error(p, "automatically_after_days " + std::to_string(*r.automatically_after_days) + " is out of range",
              "use 1-1000 days");
  static const std::regex expression("(rate\\([0-9]+ (hour|hours|day|days)\\))|(cron\\(.+\\))");
  if (by_expression && !std::regex_match(r.schedule_expression, expression))
    out.error(p, "schedule_expression \"" + r.schedule_expression + "\" is not a rate() or cron() expression",
              "use e.g. \"rate(10 days)\", \"rate(4 hours)\" or \"cron(0 16 1,15 * ? *)\"");
  static const std::regex window("[0-9]{1,2}h");
  if (!r.duration.empty() && !std::regex_match(r.duration, window))
    out.error(p, "rotation duration \"" + r.duration + "\" is not a number of hours", "use e.g. \"3h\" (1h-24h)");
}

void Secret::accept(ResourceVisitor& v) const { v.visit(*this); }
void RotationSchedule::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::secretsmanager
