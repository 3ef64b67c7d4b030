// drdb-synth: the drdb command line over the bundled app, the DRDB reference architecture
// (examples/drdb/drdb.yaml and its job scripts, compiled in). `--app SPEC.yaml` before the command replaces it with
// another app spec (drdb::run handles it).
#include <exception>
#include <iostream>
#include <memory>

#include "bundled_app.hpp"
#include "drdb/drdb.hpp"
#include "drdb/spec/spec.hpp"

namespace {

std::unique_ptr<drdb::App> load_app() {
  auto app = std::make_unique<drdb::App>();
  drdb::spec::load(drdb::synth_tool::bundled_app_spec, drdb::synth_tool::bundled_app_file, *app,
                   drdb::synth_tool::bundled_app_files());
  return app;
}

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<drdb::App> app;
  try {
    app = load_app();
  } catch (const std::exception& e) {
    // The bundled app is part of drdb: failing to load it is a drdb bug.
    std::cerr << "internal error: loading the bundled app failed: " << e.what()
              << " — this is a bug in drdb, please report it\n";
    return drdb::exit_internal;
  }
  return drdb::run(*app, argc, argv);
}
