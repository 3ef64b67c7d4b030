#include "aws/iam/names.hpp"

#include <regex>

namespace drdb::aws::iam::detail {

void check_name(const std::string& path, std::string_view what, const std::string& name, std::size_t max,
                Diagnostics& out) {
  static const std::regex valid("[A-Za-z0-9+=,.@_-]+");
  if (name.empty()) return;
  if (name.size() > max || !std::regex_match(name, valid))
    out.error(path, std::string(what) + " \"" + name + "\" is not a valid IAM name",
              "use 1-" + std::to_string(max) + " letters, digits and +=,.@_-");
}

void check_path(const std::string& path, std::string_view what, const std::string& iam_path, Diagnostics& out) {
  static const std::regex valid("/|/[\\x21-\\x7E]+/");
  if (iam_path.size() > 512 || !std::regex_match(iam_path, valid))
    out.error(path, std::string(what) + " \"" + iam_path + "\" must start and end with '/'",
              "e.g. \"/\" or \"/emr/\" (printable characters, at most 512)");
}

void check_description(const std::string& path, const std::string& description, Diagnostics& out) {
  if (description.size() > 1000)
    out.error(path, "description is " + std::to_string(description.size()) + " characters long",
              "keep it to 1000 characters");
}

}  // namespace drdb::aws::iam::detail
