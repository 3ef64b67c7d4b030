#include "emr/emr.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::emr::build); }
