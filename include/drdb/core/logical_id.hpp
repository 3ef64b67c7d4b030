// Logical ids: the names resources get in a template ("DataBucket", "NetworkPrivateSubnet1A1B2C3D4").
//
// CDK's rules, so ids survive refactors: from the construct's path below its stack, drop "Default"
// components (wrapping a construct in a `Default` child keeps its id); a single remaining component
// is used as is (alphanumerics only); otherwise a readable part (components without consecutive
// duplicates, "Resource" hidden, alphanumerics only, ≤ 240 chars) + the first 8 hex digits
// (uppercase) of the MD5 of the components joined with "/". MD5 is used for its stable, specified
// output and for compatibility with CDK ids, not for security.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drdb {

class Construct;

std::string make_logical_id(const std::vector<std::string_view>& path_below_stack);

// The id of `c` in its stack: its override if set, else from its path (or the path it was
// `renamed_from`, applied from the nearest ancestor that has one).
std::string logical_id(const Construct& c);

}  // namespace drdb
