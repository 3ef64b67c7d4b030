#include "drdb/aws/events/schedule.hpp"

#include <charconv>
#include <string_view>

namespace drdb::aws::events {

namespace {

struct Unit {
  std::string_view singular;
  std::string_view plural;
};

constexpr Unit unit_words(RateUnit u) {
  switch (u) {
    case RateUnit::Minutes: return {"minute", "minutes"};
    case RateUnit::Hours: return {"hour", "hours"};
    case RateUnit::Days: return {"day", "days"};
  }
  return {"minute", "minutes"};
}

const std::string rate_example = "e.g. rate(1 hour), rate(5 minutes) or rate(7 days)";

std::vector<ScheduleProblem> rate_problems(const std::string& expression, std::string_view inner) {
  const auto space = inner.find(' ');
  if (space == std::string_view::npos || inner.find(' ', space + 1) != std::string_view::npos)
    return {{"schedule " + expression + " is not of the form rate(value unit)", rate_example}};
  const auto number = inner.substr(0, space);
  const auto unit = inner.substr(space + 1);
  long long value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size() || value < 1)
    return {{"schedule " + expression + ": the value \"" + std::string(number) + "\" is not a positive whole number",
             rate_example}};
  for (auto u : {RateUnit::Minutes, RateUnit::Hours, RateUnit::Days}) {
    const auto words = unit_words(u);
    if (unit != words.singular && unit != words.plural) continue;
    const auto& right = value == 1 ? words.singular : words.plural;
    if (unit == right) return {};
    return {{"schedule " + expression + ": " + std::string(number) + " takes \"" + std::string(right) + "\", not \"" +
                 std::string(unit) + "\"",
             "write rate(" + std::string(number) + " " + std::string(right) + ") (the unit is singular for 1 only)"}};
  }
  return {{"schedule " + expression + ": unknown unit \"" + std::string(unit) + "\"",
           "use minute(s), hour(s) or day(s), " + rate_example}};
}

}  // namespace

Schedule Schedule::cron(const Cron& f) {
  const std::string dow = f.day_of_week.empty() ? "?" : f.day_of_week;
  const std::string dom = !f.day_of_month.empty() ? f.day_of_month : (dow == "?" ? "*" : "?");
  return Schedule("cron(" + f.minutes + " " + f.hours + " " + dom + " " + f.month + " " + dow + " " + f.year + ")");
}

Schedule Schedule::rate(int value, RateUnit unit) {
  const auto words = unit_words(unit);
  return Schedule("rate(" + std::to_string(value) + " " + std::string(value == 1 ? words.singular : words.plural) + ")");
}

std::vector<ScheduleProblem> Schedule::problems() const {
  const std::string_view t = text_;
  if (t.ends_with(')')) {
    if (t.starts_with("cron(")) return cron_problems(std::string(t.substr(5, t.size() - 6)));
    if (t.starts_with("rate(")) return rate_problems(text_, t.substr(5, t.size() - 6));
  }
  return {{"schedule \"" + text_ + "\" is neither cron(...) nor rate(...)",
           "use e.g. cron(0 6 * * ? *) (06:00 UTC daily) or rate(1 hour)"}};
}

}  // namespace drdb::aws::events
