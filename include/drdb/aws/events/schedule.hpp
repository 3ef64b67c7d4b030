// EventBridge schedule expressions, typed and checked before deploying: cron with its six fields
// (minutes hours day-of-month month day-of-week year) and rate(value unit). Every problem names the
// field and what is wrong, and shows a valid expression.
#pragma once

#include <string>
#include <vector>

namespace drdb::aws::events {

enum class RateUnit { Minutes, Hours, Days };

// The six fields of cron(...), in UTC. Each takes AWS's syntax: values, names (JAN-DEC, SUN-SAT),
// ranges (MON-FRI), lists (1,15), steps (0/15, */5), and in the day fields ? L W #.
struct Cron {
  std::string minutes = "0";    // 0-59
  std::string hours = "*";      // 0-23
  std::string day_of_month;     // 1-31; empty: "?" when day_of_week is set, else "*"
  std::string month = "*";      // 1-12 or JAN-DEC
  std::string day_of_week;      // 1-7 (1 = SUN) or SUN-SAT; empty: "?"
  std::string year = "*";       // 1970-2199
};

struct ScheduleProblem {
  std::string message;  // what is wrong, naming the field
  std::string fix;      // how to fix it, with a valid example
};

class Schedule {
 public:
  // cron(0 6 ? * MON-FRI *): Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"})
  static Schedule cron(const Cron& fields);
  // rate(1 hour), rate(5 hours): the unit's number follows the value.
  static Schedule rate(int value, RateUnit unit);
  // An expression as AWS writes it: "cron(0 6 * * ? *)" or "rate(5 minutes)".
  static Schedule expression(std::string text) { return Schedule(std::move(text)); }

  const std::string& text() const { return text_; }
  // Every problem of the expression; empty when EventBridge accepts it.
  std::vector<ScheduleProblem> problems() const;

 private:
  explicit Schedule(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

// The problems of the six fields of a cron expression (without "cron(" and ")").
std::vector<ScheduleProblem> cron_problems(const std::string& fields);

}  // namespace drdb::aws::events
