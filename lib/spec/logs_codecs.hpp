// Names of CloudWatch Logs settings other kinds take too (a function's log retention).
#pragma once

#include "drdb/aws/logs/log_group.hpp"
#include "spec/codec.hpp"

namespace drdb::spec {

template <>
struct EnumNames<aws::logs::Retention> {
  using R = aws::logs::Retention;
  static constexpr std::pair<std::string_view, R> values[] = {
      {"one_day", R::OneDay},         {"three_days", R::ThreeDays},
      {"five_days", R::FiveDays},     {"one_week", R::OneWeek},
      {"two_weeks", R::TwoWeeks},     {"one_month", R::OneMonth},
      {"two_months", R::TwoMonths},   {"three_months", R::ThreeMonths},
      {"four_months", R::FourMonths}, {"five_months", R::FiveMonths},
      {"six_months", R::SixMonths},   {"one_year", R::OneYear},
      {"thirteen_months", R::ThirteenMonths},
      {"eighteen_months", R::EighteenMonths},
      {"two_years", R::TwoYears},     {"three_years", R::ThreeYears},
      {"five_years", R::FiveYears},   {"six_years", R::SixYears},
      {"seven_years", R::SevenYears}, {"eight_years", R::EightYears},
      {"nine_years", R::NineYears},   {"ten_years", R::TenYears},
      {"infinite", R::Infinite}};
};

}  // namespace drdb::spec
