// The bundled example app: the first slice of an EMR platform (network, security groups, a data
// bucket, a role). drdb-synth synthesizes it when given no app of its own.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::foundation {

void build(App& app);

}  // namespace drdb::examples::foundation
