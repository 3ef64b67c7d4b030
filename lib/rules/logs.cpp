// CloudWatch Logs rules.
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {

void register_logs_rules(Registry& r) {
  r.add<aws::logs::LogGroup>({.id = "LOGS.1", .level = Level::Info,
                              .rationale = "log groups that never expire keep (and bill) every log line forever",
                              .fix = "set retention (one year is the default)"},
                             [](const aws::logs::LogGroup& g, Context& c) {
                               // A function's own log group is LAMBDA.2's.
                               if (dynamic_cast<const aws::lambda::Function*>(g.scope()) != nullptr) return;
                               if (g.props().retention == aws::logs::Retention::Infinite)
                                 c.fire(g, "the log group never expires");
                             });
}

}  // namespace drdb::rules
