// Synthesizes apps of about 100, 1,000 and 10,000 resources (stacks of at most 500 resources, as
// CloudFormation requires) to every format, each size in its own child process so that its peak
// memory is its own, and prints one line per size:
//   resources=10000 stacks=25 formats=3 wall_ms=... peak_mib=... resources_per_s=...
// Usage: drdb-bench [SIZE...]   (default 100 1000 10000)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <drdb/drdb.hpp>

namespace {

using namespace drdb;

constexpr int max_resources_per_stack = 500;

// A slice of a data platform, 10 resources: a VPC with two subnets, two security groups joined by
// a 3306 rule pair, a bucket with its policy, a role reading it, a log bucket with its policy.
int add_unit(Stack& stack, int n) {
  const std::string id = std::to_string(n);
  auto& vpc = stack.add<aws::ec2::Vpc>("Network" + id, {.cidr = "10.0.0.0/16"});
  vpc.add_subnet("A", {.cidr = "10.0.0.0/24"});
  vpc.add_subnet("B", {.cidr = "10.0.1.0/24", .availability_zone = pseudo::availability_zone(1)});
  auto& emr = stack.add<aws::ec2::SecurityGroup>("Emr" + id, {.description = "EMR", .vpc = &vpc});
  auto& db = stack.add<aws::ec2::SecurityGroup>("Db" + id, {.description = "Metastore", .vpc = &vpc});
  db.allow_from(emr, aws::ec2::Port::tcp(3306), "metastore");
  auto& data = stack.add<aws::s3::Bucket>("Data" + id, {.versioned = true});
  auto& role = stack.add<aws::iam::Role>("Role" + id, {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  data.grant_read_write(role);
  // 1 VPC + 2 subnets + 2 groups + 2 rules + bucket + policy + role = 10
  return 10;
}

int build(App& app, int target) {
  int total = 0;
  int stack_index = 0;
  while (total < target) {
    auto& stack = app.add<Stack>("Stack" + std::to_string(++stack_index));
    stack.tag("bench", "true");
    int in_stack = 0;
    while (in_stack + 10 <= max_resources_per_stack && total < target) {
      const int added = add_unit(stack, total);
      in_stack += added;
      total += added;
    }
  }
  return total;
}

void run_size(int target) {
  const auto start = std::chrono::steady_clock::now();
  App app;
  const int resources = build(app, target);
  const auto documents = synthesize(app);
  std::size_t bytes = 0;
  for (const auto& d : documents) bytes += d.content.size();
  const auto wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("resources=%d stacks=%zu formats=3 wall_ms=%.1f peak_mib=%.1f resources_per_s=%.0f output_mib=%.1f\n",
              resources, app.stacks().size(), wall_ms, static_cast<double>(usage.ru_maxrss) / 1024.0,
              resources / (wall_ms / 1000.0), static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {100, 1000, 10000};
  for (int size : sizes) {
    if (size <= 0) {
      std::fprintf(stderr, "drdb-bench: sizes must be positive integers\n");
      return 2;
    }
    const pid_t child = fork();
    if (child < 0) return 1;
    if (child == 0) {
      try {
        run_size(size);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "drdb-bench: %s\n", e.what());
        _exit(1);
      }
      _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
  }
  return 0;
}
