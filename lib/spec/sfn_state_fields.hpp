// The settings of each type of state (the Props of stepfunctions/state.hpp), retriers and wait
// durations, as spec fields; sfn_graph_codecs.cpp puts them beside each state's type key.
#pragma once

#include "drdb/aws/stepfunctions/state.hpp"
#include "spec/fields.hpp"
#include "spec/forms.hpp"
#include "spec/sfn_codecs.hpp"
#include "spec/value_codec.hpp"

namespace drdb::spec {

namespace sfn = aws::stepfunctions;

template <>
struct EnumNames<sfn::Jitter> {
  static constexpr std::pair<std::string_view, sfn::Jitter> values[] = {{"none", sfn::Jitter::None}, {"full", sfn::Jitter::Full}};
};

template <>
struct Fields<sfn::Retry> {
  static constexpr std::string_view name = "retry";
  static const FieldList<sfn::Retry>& get() {
    using R = sfn::Retry;
    static const FieldList<R> list{field("errors", &R::errors, "error names (default [States.ALL])"),
                                   field("interval_seconds", &R::interval_seconds, "before the first retry (default 1)"),
                                   field("backoff_rate", &R::backoff_rate, "the interval's factor per attempt (default 2)"),
                                   field("max_attempts", &R::max_attempts, "default 3"),
                                   field("max_delay_seconds", &R::max_delay_seconds, "caps the backed-off interval"),
                                   field("jitter", &R::jitter, "none (default) or full")};
    return list;
  }
};

template <>
struct Forms<sfn::WaitFor> {
  static constexpr std::string_view name = "wait";
  static const FormList<sfn::WaitFor>& get() {
    using W = sfn::WaitFor;
    static const FormList<W> list{form<W, int>("seconds", "a number of seconds", &W::seconds),
                                  form<W, std::string>("timestamp", "until an RFC 3339 timestamp", &W::until),
                                  form<W, std::string>("seconds_path", "seconds read from the input", &W::seconds_path),
                                  form<W, std::string>("timestamp_path", "a timestamp read from the input", &W::timestamp_path)};
    return list;
  }
};

// ---- each state type's props ---------------------------------------------------------------------
template <>
struct Fields<sfn::PassProps> {
  static constexpr std::string_view name = "pass state";
  static const FieldList<sfn::PassProps>& get() {
    using P = sfn::PassProps;
    static const FieldList<P> list{field("comment", &P::comment, ""),
                                   field("input_path", &P::input_path, ""),
                                   field("parameters", &P::parameters, "the state's input, as a payload template"),
                                   field("result", &P::result, "a fixed result instead of the input"),
                                   field("result_path", &P::result_path, ""),
                                   field("output_path", &P::output_path, ""),
                                   field("jsonata_output", &P::jsonata_output, "a JSONata expression giving the output (no {% %})")};
    return list;
  }
};

template <>
struct Fields<sfn::TaskProps> {
  static constexpr std::string_view name = "task state";
  static const FieldList<sfn::TaskProps>& get() {
    using P = sfn::TaskProps;
    static const FieldList<P> list{field("comment", &P::comment, ""),
                                   field("input_path", &P::input_path, ""),
                                   field("result_selector", &P::result_selector, "the result, as a payload template"),
                                   field("result_path", &P::result_path, ""),
                                   field("output_path", &P::output_path, ""),
                                   field("timeout_seconds", &P::timeout_seconds, ""),
                                   field("heartbeat_seconds", &P::heartbeat_seconds, "")};
    return list;
  }
};

template <>
struct Fields<sfn::ChoiceProps> {
  static constexpr std::string_view name = "choice state";
  static const FieldList<sfn::ChoiceProps>& get() {
    static const FieldList<sfn::ChoiceProps> list{field("comment", &sfn::ChoiceProps::comment, ""),
                                             field("input_path", &sfn::ChoiceProps::input_path, ""),
                                             field("output_path", &sfn::ChoiceProps::output_path, "")};
    return list;
  }
};

template <>
struct Fields<sfn::WaitProps> {
  static constexpr std::string_view name = "wait state";
  static const FieldList<sfn::WaitProps>& get() {
    static const FieldList<sfn::WaitProps> list{field("comment", &sfn::WaitProps::comment, ""),
                                           field("input_path", &sfn::WaitProps::input_path, ""),
                                           field("output_path", &sfn::WaitProps::output_path, "")};
    return list;
  }
};

template <>
struct Fields<sfn::ParallelProps> {
  static constexpr std::string_view name = "parallel state";
  static const FieldList<sfn::ParallelProps>& get() {
    using P = sfn::ParallelProps;
    static const FieldList<P> list{field("comment", &P::comment, ""),
                                   field("input_path", &P::input_path, ""),
                                   field("parameters", &P::parameters, "each branch's input, as a payload template"),
                                   field("result_selector", &P::result_selector, ""),
                                   field("result_path", &P::result_path, ""),
                                   field("output_path", &P::output_path, "")};
    return list;
  }
};

template <>
struct Fields<sfn::MapProps> {
  static constexpr std::string_view name = "map state";
  static const FieldList<sfn::MapProps>& get() {
    using P = sfn::MapProps;
    static const FieldList<P> list{field("comment", &P::comment, ""),
                                   field("input_path", &P::input_path, ""),
                                   field("items_path", &P::items_path, "the array iterated over (default $)"),
                                   field("item_selector", &P::item_selector, "each item's input (the item: {path: $$.Map.Item.Value})"),
                                   field("max_concurrency", &P::max_concurrency, "0 or none: as many as possible"),
                                   field("result_selector", &P::result_selector, ""),
                                   field("result_path", &P::result_path, ""),
                                   field("output_path", &P::output_path, "")};
    return list;
  }
};

template <>
struct Fields<sfn::SucceedProps> {
  static constexpr std::string_view name = "succeed state";
  static const FieldList<sfn::SucceedProps>& get() {
    static const FieldList<sfn::SucceedProps> list{field("comment", &sfn::SucceedProps::comment, ""),
                                              field("input_path", &sfn::SucceedProps::input_path, ""),
                                              field("output_path", &sfn::SucceedProps::output_path, "")};
    return list;
  }
};

template <>
struct Fields<sfn::FailProps> {
  static constexpr std::string_view name = "fail";
  static const FieldList<sfn::FailProps>& get() {
    static const FieldList<sfn::FailProps> list{field("error", &sfn::FailProps::error, "the error name, e.g. RunFailed"),
                                           field("cause", &sfn::FailProps::cause, "a human-readable cause"),
                                           field("error_path", &sfn::FailProps::error_path, "or the error read from the input"),
                                           field("cause_path", &sfn::FailProps::cause_path, "or the cause read from the input")};
    return list;
  }
};

}  // namespace drdb::spec
