// Schedule expressions: the typed builders, and every rule of cron and rate expressions with the
// field named in the message and a valid example in the fix.
#include <doctest/doctest.h>

#include <drdb/aws/events/schedule.hpp>
#include <string>

using drdb::aws::events::Cron;
using drdb::aws::events::RateUnit;
using drdb::aws::events::Schedule;

namespace {

// All problems of an expression, "message — fix" per line.
std::string problems(const std::string& expression) {
  std::string out;
  for (const auto& p : Schedule::expression(expression).problems()) out += p.message + " — " + p.fix + "\n";
  return out;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("typed cron and rate builders write valid expressions") {
  CHECK(Schedule::cron({}).text() == "cron(0 * * * ? *)");
  CHECK(Schedule::cron({.minutes = "30", .hours = "6"}).text() == "cron(30 6 * * ? *)");
  // Setting the day of the week makes the day of the month "?".
  CHECK(Schedule::cron({.hours = "18", .day_of_week = "MON-FRI"}).text() == "cron(0 18 ? * MON-FRI *)");
  CHECK(Schedule::cron({.hours = "6", .day_of_month = "1", .month = "JAN,JUL"}).text() == "cron(0 6 1 JAN,JUL ? *)");
  CHECK(Schedule::rate(1, RateUnit::Hours).text() == "rate(1 hour)");
  CHECK(Schedule::rate(5, RateUnit::Hours).text() == "rate(5 hours)");
  CHECK(Schedule::rate(1, RateUnit::Minutes).text() == "rate(1 minute)");
  CHECK(Schedule::rate(15, RateUnit::Minutes).text() == "rate(15 minutes)");
  CHECK(Schedule::rate(1, RateUnit::Days).text() == "rate(1 day)");
  CHECK(Schedule::rate(7, RateUnit::Days).text() == "rate(7 days)");
  for (const auto& s : {Schedule::cron({}), Schedule::cron({.hours = "18", .day_of_week = "MON-FRI"}),
                        Schedule::rate(1, RateUnit::Hours), Schedule::rate(5, RateUnit::Days)})
    CHECK_MESSAGE(s.problems().empty(), s.text());
  CHECK(mentions(problems(Schedule::rate(0, RateUnit::Hours).text()), "not a positive whole number"));
}

TEST_CASE("valid cron expressions have no problems") {
  for (const char* e : {
           "cron(0 10 * * ? *)",          // 10:00 every day
           "cron(15 12 * * ? *)",         // 12:15 every day
           "cron(0 18 ? * MON-FRI *)",    // weekdays
           "cron(0 8 1 * ? *)",           // first of the month
           "cron(0/15 * * * ? *)",        // every 15 minutes
           "cron(*/5 * * * ? *)",         // every 5 minutes
           "cron(0/10 * ? * MON-FRI *)",  // every 10 minutes on weekdays
           "cron(0/5 8-17 ? * MON-FRI *)",
           "cron(0 9 ? * 2#1 *)",          // first Monday
           "cron(0 9 ? * 3#2 *)",          // second Tuesday
           "cron(0 0 L * ? *)",            // last day of the month
           "cron(0 0 LW * ? *)",           // last weekday of the month
           "cron(0 0 15W * ? *)",          // weekday nearest the 15th
           "cron(0 0 ? * 6L *)",           // last Friday
           "cron(0 0 ? * FRIL *)",         // last Friday, by name
           "cron(0 0 ? * L *)",            // last day of the week
           "cron(0 6 1 JAN,JUL ? *)",
           "cron(0 6 1 1-6/2 ? *)",
           "cron(0 6 1 1 ? 2030)",
           "cron(0 6 1 1 ? 2025-2030)",
           "cron(0,30 * * * ? *)",
           "cron(5 0 ? * SUN,SAT *)",
           "cron(59 23 31 DEC ? 2199)",
           "cron(0 0 1/7 * ? *)",
       })
    CHECK_MESSAGE(problems(e).empty(), e, ": ", problems(e));
}

TEST_CASE("cron: six fields") {
  const auto five = problems("cron(0 6 * * ?)");
  CHECK(mentions(five, "has 5 fields, not 6"));
  CHECK(mentions(five, "the year is missing"));
  CHECK(mentions(five, "cron(0 6 * * ? *)"));
  CHECK(mentions(problems("cron(0 6 * * ? * *)"), "has 7 fields, not 6"));
  CHECK(mentions(problems("cron()"), "has 0 fields"));
}

TEST_CASE("cron: exactly one of day-of-month and day-of-week is ?") {
  const auto both_set = problems("cron(0 6 * * MON *)");
  CHECK(mentions(both_set, "day-of-month (\"*\") and day-of-week (\"MON\") are both set"));
  CHECK(mentions(both_set, "exactly one of the two must be ?"));
  CHECK(mentions(both_set, "cron(0 6 ? * MON-FRI *)"));
  CHECK(mentions(problems("cron(0 6 ? * ? *)"), "day-of-month and day-of-week are both ?"));
  CHECK(mentions(problems("cron(0 6 1 * 2 *)"), "are both set"));
}

TEST_CASE("cron: values out of range name the field and show its range and an example") {
  const auto minutes = problems("cron(60 6 * * ? *)");
  CHECK(mentions(minutes, "minutes field \"60\": 60 is out of range 0-59"));
  CHECK(mentions(minutes, "e.g. cron(0/15 * * * ? *)"));
  CHECK(mentions(problems("cron(0 24 * * ? *)"), "hours field \"24\": 24 is out of range 0-23"));
  CHECK(mentions(problems("cron(0 6 0 * ? *)"), "day-of-month field \"0\": 0 is out of range 1-31"));
  CHECK(mentions(problems("cron(0 6 32 * ? *)"), "out of range 1-31"));
  CHECK(mentions(problems("cron(0 6 1 13 ? *)"), "month field \"13\": 13 is out of range 1-12"));
  CHECK(mentions(problems("cron(0 6 ? * 8 *)"), "day-of-week field \"8\": 8 is out of range 1-7"));
  CHECK(mentions(problems("cron(0 6 ? * 0 *)"), "out of range 1-7"));
  CHECK(mentions(problems("cron(0 6 * * ? 1969)"), "year field \"1969\": 1969 is out of range 1970-2199"));
  CHECK(mentions(problems("cron(0 6 * * ? 2200)"), "out of range 1970-2199"));
  CHECK(mentions(problems("cron(0 6-25 * * ? *)"), "hours field \"6-25\": 25 is out of range"));
  CHECK(mentions(problems("cron(0,75 6 * * ? *)"), "75 is out of range 0-59"));
}

TEST_CASE("cron: names belong to their field and are upper case") {
  CHECK(mentions(problems("cron(0 6 ? * MONDAY *)"), "day-of-week field \"MONDAY\": \"MONDAY\" is not a value of this field"));
  CHECK(mentions(problems("cron(0 6 ? * mon *)"), "\"mon\" is not a value"));
  CHECK(mentions(problems("cron(0 6 1 MON ? *)"), "month field \"MON\": \"MON\" is not a value"));
  CHECK(mentions(problems("cron(0 6 ? JAN JAN *)"), "day-of-week field \"JAN\""));
  CHECK(mentions(problems("cron(x 6 * * ? *)"), "minutes field \"x\""));
}

TEST_CASE("cron: ranges, lists and steps") {
  CHECK(mentions(problems("cron(0 22-2 * * ? *)"), "range \"22-2\" goes backwards"));
  CHECK(mentions(problems("cron(0 22-2 * * ? *)"), "22-23,0-2"));
  CHECK(mentions(problems("cron(0 6 ? * FRI-MON *)"), "range \"FRI-MON\" goes backwards"));
  CHECK(mentions(problems("cron(0,,30 6 * * ? *)"), "empty list item"));
  CHECK(mentions(problems("cron(0/0 * * * ? *)"), "the step after / must be a whole number from 1 to 59"));
  CHECK(mentions(problems("cron(0/60 * * * ? *)"), "from 1 to 59"));
  CHECK(mentions(problems("cron(0 */24 * * ? *)"), "from 1 to 23"));
  CHECK(mentions(problems("cron(0/x * * * ? *)"), "the step after /"));
  CHECK(mentions(problems("cron(0 6 ? * 1/2 *)"), "steps (/) are not allowed in day-of-week"));
}

TEST_CASE("cron: ?, L, W and # only where AWS allows them") {
  CHECK(mentions(problems("cron(? 6 * * ? *)"), "minutes field \"?\": ? is only allowed in day-of-month and day-of-week"));
  CHECK(mentions(problems("cron(0 6 * ? ? *)"), "month field \"?\""));
  CHECK(mentions(problems("cron(0 6 1,L * ? *)"), "\"L\" must be the only expression in the field"));
  CHECK(mentions(problems("cron(0 6 32W * ? *)"), "\"32W\" is not a valid day-of-month expression"));
  CHECK(mentions(problems("cron(0 6 XW * ? *)"), "is not a valid day-of-month expression"));
  CHECK(mentions(problems("cron(0 6 ? * 3#6 *)"), "the week after # must be 1-5"));
  CHECK(mentions(problems("cron(0 6 ? * 9#1 *)"), "9 is out of range 1-7"));
  CHECK(mentions(problems("cron(0 6 ? * 3#1,6#3 *)"), "must be the only expression in the field"));
  CHECK(mentions(problems("cron(0 6 ? * 8L *)"), "8 is out of range 1-7"));
  CHECK(mentions(problems("cron(0 6 1 * ?,MON *)"), "\"?\" must be the only expression"));
}

TEST_CASE("cron: several problems are all reported") {
  const auto all = Schedule::expression("cron(60 24 * 13 MON *)").problems();
  CHECK(all.size() == 4);  // minutes, hours, month, day fields
}

TEST_CASE("rate: value and unit, singular for 1 only") {
  CHECK(problems("rate(1 hour)").empty());
  CHECK(problems("rate(5 hours)").empty());
  CHECK(problems("rate(1 minute)").empty());
  CHECK(problems("rate(10 minutes)").empty());
  CHECK(problems("rate(1 day)").empty());
  CHECK(problems("rate(2 days)").empty());
  const auto plural = problems("rate(1 hours)");
  CHECK(mentions(plural, "1 takes \"hour\", not \"hours\""));
  CHECK(mentions(plural, "write rate(1 hour)"));
  CHECK(mentions(problems("rate(5 hour)"), "5 takes \"hours\", not \"hour\""));
  CHECK(mentions(problems("rate(2 day)"), "write rate(2 days)"));
  CHECK(mentions(problems("rate(1 minutes)"), "write rate(1 minute)"));
  CHECK(mentions(problems("rate(0 minutes)"), "\"0\" is not a positive whole number"));
  CHECK(mentions(problems("rate(-5 minutes)"), "is not a positive whole number"));
  CHECK(mentions(problems("rate(1.5 hours)"), "is not a positive whole number"));
  CHECK(mentions(problems("rate(5 weeks)"), "unknown unit \"weeks\""));
  CHECK(mentions(problems("rate(5 seconds)"), "use minute(s), hour(s) or day(s)"));
  CHECK(mentions(problems("rate(5)"), "is not of the form rate(value unit)"));
  CHECK(mentions(problems("rate(5  minutes)"), "is not of the form"));
}

TEST_CASE("neither cron nor rate") {
  CHECK(mentions(problems("0 6 * * ? *"), "is neither cron(...) nor rate(...)"));
  CHECK(mentions(problems("every day"), "e.g. cron(0 6 * * ? *)"));
  CHECK(mentions(problems("cron(0 6 * * ? *"), "neither"));
}
