#include "pipeline/pipeline.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::pipeline::build); }
