// "Did you mean X?" for misspelled names.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string_view>

namespace drdb::l1 {

// The candidate closest to `name`, when one is close enough to be what was meant: the same name
// ignoring case, '_' and '-' ("bucket_name" ~ "BucketName"), a prefix of at least four letters
// ("VersioningConfig" ~ "VersioningConfiguration"), or a few edits away ("BucketNme").
template <class Candidate, class Name>
std::optional<std::string_view> closest(std::string_view name, std::span<const Candidate> candidates,
                                        Name candidate_name);

// Edit distance on names folded as above; the implementation behind closest().
std::size_t name_distance(std::string_view a, std::string_view b);

template <class Candidate, class Name>
std::optional<std::string_view> closest(std::string_view name, std::span<const Candidate> candidates,
                                        Name candidate_name) {
  std::optional<std::string_view> best;
  std::size_t best_score = static_cast<std::size_t>(-1);
  for (const auto& c : candidates) {
    std::string_view candidate = candidate_name(c);
    std::size_t score = name_distance(name, candidate);
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  std::size_t longer = best ? std::max(name.size(), best->size()) : 0;
  std::size_t allowed = std::max<std::size_t>(2, longer / 4);
  return best_score <= allowed ? best : std::nullopt;
}

}  // namespace drdb::l1
