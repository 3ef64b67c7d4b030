#include "emr-hive3/emr_hive3.hpp"

int main(int argc, char** argv) { return drdb::run(argc, argv, drdb::examples::emr_hive3::build); }
