#include "cyi/cyi.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::cyi::build); }
