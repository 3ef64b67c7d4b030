// References between the stacks of one app. A resource of stack B that reads an attribute of a
// resource of stack A makes A publish the value (an output, exported in CloudFormation) and B read
// it (Fn::ImportValue / the output in A's Terraform state); B then deploys after A. The same
// value read many times, by any number of stacks, is published once.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/rendered.hpp"

namespace drdb::render {

// One stack's rendering for one target, and where its problems go. Stacks left out of a synth's
// selection are linked too, so the outputs of a stack do not depend on the selection; their
// problems go to a diagnostics nobody reads.
struct LinkedStack {
  const Stack* stack = nullptr;
  RenderedStack* rendered = nullptr;
  Diagnostics* out = nullptr;
};

// Why stacks deploy in an order: (stack, stack it waits for) → what makes it wait, in words.
using StackEdges = std::map<std::pair<const Stack*, const Stack*>, std::set<std::string>>;

// The Outputs of the app that have an export name, by export name.
using DeclaredExports = std::map<std::string, const Output*, std::less<>>;

// Every export name the app's Outputs declare; a name declared twice is an error (export names are
// unique per region and account).
DeclaredExports declared_exports(const std::vector<LinkedStack>& stacks);

// A reference as the target renders it in its own stack (`{"Ref":"Data"}`, `${aws_s3_bucket.Data.arn}`):
// the text the name of its output is made from.
using ReferenceText = std::string (*)(const RenderedStack& producer, const AttrRef& ref);

// For one target: resolves every reference of a stack's resources and Outputs to a construct of
// another stack (adding an output to that stack and an import to this one), and every
// import_value() of an export the app declares; records each as an edge, with the explicit
// dependencies of resources on constructs of other stacks. Problems go to the referring stack.
void link_stacks(const std::vector<LinkedStack>& stacks, const DeclaredExports& exports, Target target,
                 ReferenceText reference_text, StackEdges& edges);

// The stacks' own dependencies (`stack_b.add_dependency(stack_a)`, or on a construct of another
// stack), as edges.
void link_stack_dependencies(const std::vector<LinkedStack>& stacks, StackEdges& edges);

}  // namespace drdb::render
