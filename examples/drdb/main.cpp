#include "drdb/reference.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::drdb_app::build); }
