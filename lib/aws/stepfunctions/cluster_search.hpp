// Finding the clusters launched from one model among the account's, for the workflows that manage
// them (EnsureClusterRunStep, ClusterLifecycle).
#pragma once

#include <string>

#include "drdb/aws/stepfunctions/state.hpp"

namespace drdb::aws::stepfunctions::detail {

// The clusters named `name` on the ListClusters page at `page_path`. Filters stay one level deep
// ([?(@.Field == 'value')]): what the States Language's JSONPath and the independent validator both
// accept. Names with a quote cannot be filtered (the constructs' validation says so).
inline std::string clusters_named(const std::string& page_path, const std::string& name) {
  return page_path + ".Clusters[?(@.Name == '" + name + "')]";
}

// JSONata for a Pass state after ListClusters: the input with the clusters named `name` on the page
// at `page` appended, as {Id, State}, to `found`, and the page reduced to its Marker. A decision or a
// termination waits for every page: JSONPath cannot append, and terminating while paging would
// shift the later pages under the Marker.
inline std::string collect_clusters_named(const std::string& name) {
  return "$merge([$states.input, {'found': $append($append([], $states.input.found), "
         "$states.input.page.Clusters[Name = '" + name + "'].{'Id': Id, 'State': Status.State}), "
         "'page': {'Marker': $states.input.page.Marker}}])";
}

// ListClusters may be throttled when many executions start at once.
inline Retry list_throttled() {
  return {.errors = {errors::task_failed}, .interval_seconds = 5, .backoff_rate = 2.0, .max_attempts = 3, .jitter = Jitter::Full};
}

}  // namespace drdb::aws::stepfunctions::detail
