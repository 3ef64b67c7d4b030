#include "pdm/pdm.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::pdm::build); }
