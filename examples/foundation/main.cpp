// A user's app binary: drdb::run builds the model with the given function, then gives the app every
// drdb-synth subcommand (synth, list, --help...); errors while building are reported like any other.
#include "foundation/foundation.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::foundation::build); }
