#include "network/network.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::network::build); }
