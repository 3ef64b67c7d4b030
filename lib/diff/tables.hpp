// The changes reviewers read as tables, as `cdk diff` shows them: IAM policy statements and
// security-group rules added and removed, whatever resource declares them.
#pragma once

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diff/resources.hpp"
#include "drdb/diff/diff.hpp"

namespace drdb::diff::detail {

using ResourceMap = std::map<std::string, Resource>;

// Statements of every policy document (inline policies, managed policies, trust policies, key and
// bucket policies; Terraform's policy strings) of each resource, before against after.
std::vector<StatementChange> statement_changes(const ResourceMap& before, const ResourceMap& after, Kind kind);
// Rules of the whole document, before against after: a rule that moves from one resource to another
// but stays the same is no change.
std::vector<RuleChange> rule_changes(const ResourceMap& before, const ResourceMap& after, Kind kind);

// Items of `before` not in `after` (removed) and of `after` not in `before` (added), ordered by `key`.
template <class Item, class Key>
std::vector<Item> changes_between(const std::multiset<Item>& before, const std::multiset<Item>& after, Key key) {
  std::vector<Item> out;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(out));
  for (auto& item : out) item.change = Change::Removed;
  const auto removed = out.size();
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(out));
  for (auto i = removed; i < out.size(); ++i) out[i].change = Change::Added;
  std::stable_sort(out.begin(), out.end(), [&](const Item& x, const Item& y) { return key(x) < key(y); });
  return out;
}

}  // namespace drdb::diff::detail
