#include "cli/init_command.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <regex>

#include "cli/init_templates.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/io/output.hpp"

namespace drdb::cli {
namespace {

namespace fs = std::filesystem;

void require(bool ok, const std::string& message) {
  if (!ok) throw Error(ErrorKind::Usage, message);
}

std::string render(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t at = 0;
  for (auto open = text.find("{{"); open != std::string_view::npos; open = text.find("{{", at)) {
    const auto close = text.find("}}", open);
    const auto key = std::string(text.substr(open + 2, close - open - 2));
    const auto value = values.find(key);
    if (close == std::string_view::npos || value == values.end())
      throw Error(ErrorKind::Internal, "init template placeholder {{" + key + "}} has no value");
    out.append(text.substr(at, open - at)).append(value->second);
    at = close + 2;
  }
  return out.append(text.substr(at));
}

// "gitignore" is stored without its dot so the template folder does not ignore itself.
std::string destination(std::string_view relative) {
  return relative == "gitignore" ? ".gitignore" : std::string(relative);
}

// The app's name when --name is not given: the directory's, with what a C++ program name cannot
// hold (a hyphen, a dot) made an underscore for a C++ app.
std::string name_from_directory(const fs::path& dir, bool cpp) {
  std::string name = fs::absolute(dir).lexically_normal().filename().string();
  if (cpp)
    for (char& c : name)
      if (c == '-' || c == '.') c = '_';
  return name;
}

}  // namespace

int init(const InitArgs& args, std::ostream& out) {
  require(!args.dir.empty(), "init: give the directory of the new app");
  const fs::path dir(args.dir);
  std::error_code ec;
  require(!fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec)),
          "init: " + args.dir + " exists and is not an empty directory — choose a new directory");
  // A C++ app's name is its CMake project and program, so an identifier; a spec's only names it in
  // text, so a directory name such as my-platform is fine as it is.
  const bool cpp = args.kind == "cpp";
  const std::string name = args.name.empty() ? name_from_directory(dir, cpp) : args.name;
  if (cpp)
    require(std::regex_match(name, std::regex("[A-Za-z][A-Za-z0-9_]{0,63}")),
            "init: the name \"" + name + "\" is not a valid program name — use letters, digits and _ (e.g. --name data_platform)");
  else
    require(std::regex_match(name, std::regex("[A-Za-z][A-Za-z0-9_.-]{0,63}")),
            "init: the name \"" + name + "\" is not a valid app name — use letters, digits, _, - and . (e.g. --name data-platform)");
  require(std::regex_match(args.stack, std::regex("[A-Za-z][A-Za-z0-9]{0,127}")),
          "init: the stack name \"" + args.stack + "\" is not valid — use letters and digits, starting with a letter");
  require(std::regex_match(args.region, std::regex("[a-z]{2}(-[a-z]+)+-[0-9]")),
          "init: \"" + args.region + "\" is not an AWS region name (e.g. eu-west-1)");

  const std::string prefix = args.kind + "/";
  const std::map<std::string, std::string> values{{"name", name}, {"stack", args.stack}, {"region", args.region}};
  std::vector<AssetFile> files;
  for (const auto& t : detail::init_templates())
    if (t.path.starts_with(prefix)) files.push_back({destination(t.path.substr(prefix.size())), render(t.content, values)});
  require(!files.empty(), "init: there are no templates of kind \"" + args.kind + "\"");
  write_documents(dir, {}, files);
  for (const auto& f : files) out << "created " << (dir / f.path).generic_string() << '\n';
  if (args.kind == "spec")
    out << "next: drdb-synth --app " << (dir / "app.yaml").generic_string() << " synth --out " << (dir / "out").generic_string() << '\n';
  else
    out << "next: cmake -S " << dir.generic_string() << " -B " << (dir / "build").generic_string()
        << " && cmake --build " << (dir / "build").generic_string() << '\n';
  return exit_ok;
}

}  // namespace drdb::cli
