// The grammar of EventBridge cron fields, checked field by field so each problem can say which
// field is wrong and what a right one looks like.
#include <array>
#include <charconv>
#include <optional>
#include <sstream>
#include <string_view>

#include "drdb/aws/events/schedule.hpp"

namespace drdb::aws::events {

namespace {

constexpr std::array<std::string_view, 12> month_names{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> weekday_names{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

enum class Specials { None, DayOfMonth, DayOfWeek };

struct Field {
  std::string_view name;
  int min;
  int max;
  std::string_view allowed;  // for the fix
  std::string_view example;  // a whole valid expression using this field
  const std::string_view* names = nullptr;  // names[i] is min + i
  std::size_t name_count = 0;
  Specials specials = Specials::None;
};

const std::array<Field, 6> fields{{
    {"minutes", 0, 59, "0-59, * , - /", "cron(0/15 * * * ? *) (every 15 minutes)"},
    {"hours", 0, 23, "0-23, * , - /", "cron(0 6 * * ? *) (06:00 UTC every day)"},
    {"day-of-month", 1, 31, "1-31, * , - / ? L W", "cron(0 6 1 * ? *) (06:00 UTC on the 1st of every month)", nullptr, 0,
     Specials::DayOfMonth},
    {"month", 1, 12, "1-12 or JAN-DEC, * , - /", "cron(0 6 1 JAN,JUL ? *) (06:00 UTC on 1 January and 1 July)",
     month_names.data(), month_names.size()},
    {"day-of-week", 1, 7, "1-7 or SUN-SAT (1 = SUN), * , - ? L #", "cron(0 18 ? * MON-FRI *) (18:00 UTC on weekdays)",
     weekday_names.data(), weekday_names.size(), Specials::DayOfWeek},
    {"year", 1970, 2199, "1970-2199, * , - /", "cron(0 6 1 1 ? 2030) (06:00 UTC on 1 January 2030)"},
}};

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

class FieldChecker {
 public:
  FieldChecker(const Field& f, std::string_view text, const std::string& expression, std::vector<ScheduleProblem>& out)
      : f_(f), text_(text), expression_(expression), out_(out) {}

  void check() {
    if (text_ == "?") {
      if (f_.specials == Specials::None) problem("? is only allowed in day-of-month and day-of-week");
      return;
    }
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (true) {
      const auto comma = text_.find(',', start);
      items.push_back(text_.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    for (auto item : items) {
      if (item.empty()) {
        problem("has an empty list item", "separate values with single commas, e.g. 1,15");
        continue;
      }
      if (is_special(item)) {
        if (items.size() > 1)
          problem("\"" + std::string(item) + "\" must be the only expression in the field", "write it alone");
        special(item);
      } else {
        ordinary(item);
      }
    }
  }

 private:
  bool is_special(std::string_view item) const {
    if (f_.specials == Specials::None) return false;
    if (item == "?") return true;
    if (f_.specials == Specials::DayOfMonth) return item.ends_with('L') || item.ends_with('W');
    return item.find('#') != std::string_view::npos || item.ends_with('L');
  }

  void special(std::string_view item) {
    const std::string it(item);
    if (item == "?") return;  // alone: handled above; in a list: reported as not alone
    if (f_.specials == Specials::DayOfMonth) {
      if (item == "L" || item == "LW") return;
      const auto day = number(item.substr(0, item.size() - 1));
      if (item.ends_with('W') && day && *day >= 1 && *day <= 31) return;
      problem("\"" + it + "\" is not a valid day-of-month expression",
              "use L (last day), LW (last weekday) or nW (weekday nearest day n, 1-31), e.g. 15W");
      return;
    }
    if (const auto hash = item.find('#'); hash != std::string_view::npos) {
      const auto day = value(item.substr(0, hash));
      const auto nth = number(item.substr(hash + 1));
      if (!day) return;
      if (!nth || *nth < 1 || *nth > 5)
        problem("\"" + it + "\": the week after # must be 1-5", "e.g. 3#2 is the second Tuesday of the month");
      return;
    }
    if (item == "L") return;
    value(item.substr(0, item.size() - 1));  // nL: the last weekday n of the month
  }

  void ordinary(std::string_view item) {
    std::string_view base = item;
    if (const auto slash = item.find('/'); slash != std::string_view::npos) {
      base = item.substr(0, slash);
      const auto step = number(item.substr(slash + 1));
      if (f_.specials == Specials::DayOfWeek) {
        problem("\"" + std::string(item) + "\": steps (/) are not allowed in day-of-week", "list the days, e.g. MON,WED,FRI");
        return;
      }
      if (!step || *step < 1 || *step > f_.max - f_.min)
        problem("\"" + std::string(item) + "\": the step after / must be a whole number from 1 to " +
                    std::to_string(f_.max - f_.min),
                "e.g. 0/15 (every 15 starting at 0) or */5");
    }
    if (base == "*") return;
    if (const auto dash = base.find('-'); dash != std::string_view::npos) {
      const auto from = value(base.substr(0, dash));
      const auto to = value(base.substr(dash + 1));
      if (from && to && *from > *to)
        problem("range \"" + std::string(base) + "\" goes backwards",
                "write it from low to high, or as two ranges (e.g. 22-23,0-2 for hours)");
      return;
    }
    value(base);
  }

  // The value of a number or name in this field, or nullopt after reporting why not.
  std::optional<int> value(std::string_view s) {
    if (auto n = number(s)) {
      if (*n >= f_.min && *n <= f_.max) return n;
      problem(std::string(s) + " is out of range " + std::to_string(f_.min) + "-" + std::to_string(f_.max));
      return std::nullopt;
    }
    for (std::size_t i = 0; i < f_.name_count; ++i) {
      if (s == f_.names[i]) return f_.min + static_cast<int>(i);
    }
    problem("\"" + std::string(s) + "\" is not a value of this field");
    return std::nullopt;
  }

  void problem(const std::string& what, const std::string& fix = {}) {
    out_.push_back({"schedule " + expression_ + ": " + std::string(f_.name) + " field \"" + std::string(text_) + "\": " + what,
                    (fix.empty() ? "" : fix + "; ") + std::string(f_.name) + " takes " + std::string(f_.allowed) +
                        ", e.g. " + std::string(f_.example)});
  }

  const Field& f_;
  std::string_view text_;
  const std::string& expression_;
  std::vector<ScheduleProblem>& out_;
};

}  // namespace

std::vector<ScheduleProblem> cron_problems(const std::string& text) {
  const std::string expression = "cron(" + text + ")";
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; in >> part;) parts.push_back(part);
  if (parts.size() != fields.size()) {
    std::string fix = "write six fields: minutes hours day-of-month month day-of-week year, e.g. cron(0 6 * * ? *)";
    if (parts.size() == 5) fix = "the year is missing (Unix cron has five fields; EventBridge six): e.g. cron(" + text + " *)";
    return {{"schedule " + expression + " has " + std::to_string(parts.size()) + " fields, not 6", fix}};
  }
  std::vector<ScheduleProblem> out;
  for (std::size_t i = 0; i < fields.size(); ++i) FieldChecker(fields[i], parts[i], expression, out).check();
  const bool dom_any = parts[2] == "?";
  const bool dow_any = parts[4] == "?";
  if (dom_any == dow_any)
    out.push_back({"schedule " + expression + ": " +
                       (dom_any ? std::string("day-of-month and day-of-week are both ?")
                                : "day-of-month (\"" + parts[2] + "\") and day-of-week (\"" + parts[4] + "\") are both set"),
                   "exactly one of the two must be ?: e.g. cron(0 6 * * ? *) (every day) or cron(0 6 ? * MON-FRI *) (weekdays)"});
  return out;
}

}  // namespace drdb::aws::events
