// drdb-synth: the drdb command line over the bundled example app. `--app SPEC.yaml` before the
// command replaces that app with a YAML app spec (drdb::run handles it).
#include <exception>
#include <iostream>
#include <memory>

#include "drdb/drdb.hpp"
#include "foundation/foundation.hpp"

namespace {

std::unique_ptr<drdb::App> load_app() {
  auto app = std::make_unique<drdb::App>();
  drdb::examples::foundation::build(*app);
  return app;
}

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<drdb::App> app;
  try {
    app = load_app();
  } catch (const std::exception& e) {
    // The bundled app is part of drdb: failing to build it is a drdb bug.
    std::cerr << "internal error: building the bundled app failed: " << e.what()
              << " — this is a bug in drdb, please report it\n";
    return drdb::exit_internal;
  }
  return drdb::run(*app, argc, argv);
}
