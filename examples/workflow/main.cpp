#include "workflow/workflow.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::workflow::build); }
