// The words the text and JSON output use for the diff's enums.
#pragma once

#include "drdb/diff/diff.hpp"

namespace drdb::diff::detail {

inline const char* sign(Change c) { return c == Change::Added ? "+" : c == Change::Removed ? "-" : "~"; }
inline const char* word(Change c) { return c == Change::Added ? "added" : c == Change::Removed ? "removed" : "modified"; }
inline const char* word(Replacement r) {
  switch (r) {
    case Replacement::No: return "no";
    case Replacement::Yes: return "yes";
    case Replacement::Maybe: return "maybe";
    case Replacement::Unknown: return "unknown";
  }
  return "unknown";
}
inline const char* word(OldResource o) {
  switch (o) {
    case OldResource::None: return "";
    case OldResource::Deleted: return "deleted";
    case OldResource::Retained: return "retained";
    case OldResource::Snapshot: return "snapshot";
    case OldResource::Blocked: return "blocked";
  }
  return "";
}

}  // namespace drdb::diff::detail
