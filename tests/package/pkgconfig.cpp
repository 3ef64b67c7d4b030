// Built with pkg-config's flags only: synthesizes in memory and prints each document's path.
#include <drdb/drdb.hpp>

#include <iostream>

int main() {
  drdb::App app;
  auto& stack = app.add<drdb::Stack>("Plain", {.description = "pkg-config test", .region = "eu-west-1"});
  auto& bucket = stack.add<drdb::aws::s3::Bucket>("Data");
  stack.add<drdb::Output>("BucketName", {.value = bucket.bucket_name().value(), .description = "", .export_name = ""});
  for (const auto& doc : drdb::synthesize(app)) std::cout << doc.path << '\n';
  std::cout << "drdb " << DRDB_VERSION << '\n';
}
