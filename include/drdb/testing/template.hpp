// Assertions on synthesized stacks, for users' tests and drdb's own: synthesize in memory, then ask
// whether a resource of a type has properties matching a partial pattern, count resources, read
// outputs — for the CloudFormation template and the Terraform module alike. Test-framework neutral:
// a Match converts to bool and prints why it failed, so `CHECK(t.has_resource("AWS::S3::Bucket", p))`
// works with doctest, Catch2 or GoogleTest (EXPECT_TRUE).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/value.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::testing {

class Match {
 public:
  static Match yes() { return Match(true, {}); }
  static Match no(std::string why) { return Match(false, std::move(why)); }
  explicit operator bool() const { return ok_; }
  const std::string& why() const { return why_; }
  friend std::ostream& operator<<(std::ostream& os, const Match& m) {
    return os << (m.ok_ ? "match" : "no match: " + m.why_);
  }

 private:
  Match(bool ok, std::string why) : ok_(ok), why_(std::move(why)) {}
  bool ok_;
  std::string why_;
};

// Pattern language (a Value): objects match partially (listed keys only), lists match element by
// element with the same length, scalars match equal scalars. Special patterns:
Value absent();                      // the key must not be there
Value array_with(List items);        // a list containing a match for each item, in any order
Value any_value();                   // the key must be there, with any value

class Template {
 public:
  // Validates and synthesizes `stack` of `app` for one target (throws ValidationError like synth).
  static Template cloudformation(const App& app, std::string_view stack);
  static Template terraform(const App& app, std::string_view stack);

  // The whole document as a Value (literals only: intrinsics are objects, interpolations strings).
  const Value& document() const { return document_; }
  // Resources of a type: CloudFormation "AWS::S3::Bucket" (Properties), Terraform "aws_s3_bucket" (body).
  std::vector<std::string> resources_of(std::string_view type) const;
  std::size_t resource_count(std::string_view type) const { return resources_of(type).size(); }
  const Value& properties(std::string_view type, std::string_view name) const;
  // Whether some resource of `type` has properties matching `pattern`.
  Match has_resource(std::string_view type, const Value& pattern) const;
  // Whether every resource of `type` matches (and there is at least one).
  Match all_resources(std::string_view type, const Value& pattern) const;
  Match has_output(std::string_view name, const Value& pattern) const;
  // Warnings the model produced (errors throw instead).
  const Diagnostics& warnings() const { return warnings_; }

 private:
  Template(Target target, Value document, Diagnostics warnings)
      : target_(target), document_(std::move(document)), warnings_(std::move(warnings)) {}
  static Template make(const App& app, std::string_view stack, Format format);
  // Appends (name, properties) of every resource of `type`.
  void collect(std::string_view type, std::vector<std::pair<std::string, const Value*>>& out) const;

  Target target_;
  Value document_;
  Diagnostics warnings_;
};

// The matcher itself, for values of your own: "" when `actual` matches, else the first mismatch
// with its path ("Properties.Tags[0].Value: expected \"prod\", got \"dev\"").
std::string mismatch(const Value& actual, const Value& pattern, const std::string& path = {});

}  // namespace drdb::testing
