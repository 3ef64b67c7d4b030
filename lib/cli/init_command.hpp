// `init`: scaffolds a new drdb app (a C++ program with a CMake project that finds drdb) from the
// templates of templates/init.
#pragma once

#include <iosfwd>
#include <string>

namespace drdb::cli {

struct InitArgs {
  std::string dir;                   // created; must not exist or be empty
  std::string name;                  // project and program name; default: the directory's name
  std::string kind = "cpp";          // templates/init/<kind>
  std::string stack = "Main";        // the first stack
  std::string region = "us-east-1";  // its default region (Terraform's provider variable)
};

// Writes every file of the kind (all or none) and prints what it created and how to build it.
// Throws Error(Usage) for a bad name, stack, region or a non-empty directory.
int init(const InitArgs& args, std::ostream& out);

}  // namespace drdb::cli
