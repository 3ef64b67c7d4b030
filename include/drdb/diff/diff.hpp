// Comparing synthesized output: two output directories, or a fresh synth against a committed one.
//
// Every file is compared as what it means, not as text. Templates (CloudFormation JSON, CloudFormation
// YAML read with its short-form intrinsics, Terraform JSON) are compared per resource: added, removed
// and changed, every changed value with its path ("Properties.Tags[1].Value"), and the other sections
// (parameters, outputs, providers...) by path. Other JSON files (manifest.json, assets.json) are
// compared by path too; anything else (asset zips) by content hash. A file that does not parse is a
// difference of its own, never "equal".
//
// Replacement is decided as CloudFormation decides it: from the update behaviour of the changed
// property (drdb/l1/replacement.hpp: create-only, conditionally create-only, and AWS's per-property
// update data), then carried through references: a resource whose create-only property refers to a
// replaced resource is replaced too (`caused_by`). Terraform resources take the same knowledge through
// drdb's mapping of Terraform types to CloudFormation types, "unknown" where there is none. What happens
// to the old physical resource follows DeletionPolicy / UpdateReplacePolicy. Replacing a stateful
// resource (bucket, table, key, secret, log group...), or removing one that is not retained, is
// flagged as a data-loss risk.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "drdb/diff/files.hpp"

namespace drdb::diff {

enum class Change { Added, Removed, Modified };

// One changed value; before/after are compact JSON text, empty for the side that has none.
struct ValueChange {
  std::string path;
  Change change = Change::Modified;
  std::string before;
  std::string after;
  bool operator==(const ValueChange&) const = default;
};

// Yes: the update creates a new physical resource and deletes (or keeps, see OldResource) the old one.
// Maybe: it does under a condition the templates do not decide (a conditionally create-only property).
// Unknown: drdb has no update data for the type or attribute (some Terraform attributes).
enum class Replacement { No, Yes, Maybe, Unknown };

// What becomes of the old physical resource when the resource is removed or replaced.
enum class OldResource {
  None,      // neither removed nor replaced
  Deleted,   // deleted, with its data
  Retained,  // kept outside the stack (DeletionPolicy / UpdateReplacePolicy: Retain): orphaned
  Snapshot,  // deleted after a snapshot (DeletionPolicy / UpdateReplacePolicy: Snapshot)
  Blocked,   // Terraform's lifecycle.prevent_destroy: the plan fails instead of destroying it
};

// A reference that carries a replacement: property `property` of this resource refers to `resource`,
// which is replaced, and the property cannot change in place.
struct Cause {
  std::string resource;
  std::string property;
  bool operator==(const Cause&) const = default;
};

struct ResourceDiff {
  std::string id;    // logical id (CloudFormation), "type.name" (Terraform)
  std::string type;  // the type after the change (before it, when removed)
  Change change = Change::Modified;
  std::vector<ValueChange> values;  // paths relative to the resource ("Properties.CidrBlock"); empty
                                    // when only a replacement it refers to changes it (caused_by)
  Replacement replacement = Replacement::No;
  std::vector<std::string> replaced_by;  // the changed properties that replace it, or "Type"
  std::vector<Cause> caused_by;          // references to replaced resources that replace it
  OldResource old_resource = OldResource::None;
  bool data_loss = false;  // a stateful resource replaced (the new one starts empty), or removed and deleted
  bool operator==(const ResourceDiff&) const = default;
};

// An IAM policy statement added or removed (a changed statement is one removed and one added), as
// reviewers read it: intrinsic references shown as ${Id.Attr}.
struct StatementChange {
  Change change = Change::Added;
  std::string resource;  // the resource that holds the policy
  std::string effect;
  std::string actions;    // "s3:GetObject, s3:PutObject"; "NOT ..." for NotAction
  std::string resources;  // likewise
  std::string principal;  // compact JSON, empty when none
  std::string condition;  // compact JSON, empty when none
  // Spelled out: libc++ 14 has no operator<=> for std::string, so a defaulted one does not compile.
  bool operator<(const StatementChange& o) const {
    return std::tie(change, resource, effect, actions, resources, principal, condition) <
           std::tie(o.change, o.resource, o.effect, o.actions, o.resources, o.principal, o.condition);
  }
  bool operator==(const StatementChange&) const = default;
};

// A security-group rule added or removed, wherever it is declared (inline in the group or a resource
// of its own).
struct RuleChange {
  Change change = Change::Added;
  std::string group;      // the group the rule belongs to
  std::string direction;  // "ingress" or "egress"
  std::string protocol;   // "tcp", "udp", "icmp", "all"
  std::string ports;      // "443", "0-65535", "all"
  std::string peer;       // CIDR, security group, prefix list
  std::string description;
  bool operator<(const RuleChange& o) const {  // spelled out for libc++ 14, as above
    return std::tie(change, group, direction, protocol, ports, peer, description) <
           std::tie(o.change, o.group, o.direction, o.protocol, o.ports, o.peer, o.description);
  }
  bool operator==(const RuleChange&) const = default;
};

struct FileDiff {
  std::string file;  // relative to the output directory, '/'-separated
  Change change = Change::Modified;
  std::vector<ResourceDiff> resources;  // sorted by id
  std::vector<ValueChange> sections;    // changes outside resources ("Outputs.VpcId.Value")
  std::vector<StatementChange> statements;  // IAM statements added and removed, by resource
  std::vector<RuleChange> rules;             // security-group rules added and removed, by group
  std::string error;    // a side that does not parse: what is wrong with it (the file then differs)
  std::string same_as;  // a YAML template whose changes are exactly its JSON twin's: that twin's file
};

struct Diff {
  std::vector<FileDiff> files;  // sorted by file
  bool empty() const { return files.empty(); }
};

Diff compare(const Files& before, const Files& after);

// What makes `diff` fail a CI gate (exit 1): any difference; only replacements, removals and the
// risks below; or only data-loss risks. A file that does not parse fails every level.
enum class FailOn { Any, Replacement, DataLoss };
bool fails(const Diff& diff, FailOn level);

// Human-readable: a summary per stack first, then per file the changed resources with their values,
// IAM statement and security-group rule changes as tables; "no differences" when empty.
std::string to_text(const Diff& diff);
// {"equal": bool, "summary": [...], "files": [...]} with every field of the structures above.
std::string to_json(const Diff& diff);

}  // namespace drdb::diff
