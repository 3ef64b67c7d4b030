#include "intraday/intraday.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::intraday::build); }
