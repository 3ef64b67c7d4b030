#include "extralabs/extralabs.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::extralabs::build); }
