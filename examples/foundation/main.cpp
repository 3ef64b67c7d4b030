// A user's app binary: build the model, then hand the command line to drdb::run, which gives the
// app every drdb-synth subcommand (synth, list, --help...).
#include "foundation/foundation.hpp"

int main(int argc, char** argv) {
  drdb::App app;
  drdb::examples::foundation::build(app);
  return drdb::run(app, argc, argv);
}
