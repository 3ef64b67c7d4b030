// Names of the outputs drdb adds for cross-stack references, AWS CDK's: stable as long as the
// referenced resource keeps its logical id and attribute, whatever else changes in either stack.
#pragma once

#include <string>
#include <string_view>

namespace drdb::render {

// The output's name from the reference as the target renders it (`{"Ref":"Data"}`,
// `{"Fn::GetAtt":["Data","Arn"]}`, `${aws_s3_bucket.Data.arn}`): the logical id of the path
// Exports/Output<reference> ("ExportsOutputFnGetAttDataArn" + 8 hex digits of its MD5).
std::string export_output_name(std::string_view rendered_reference);

// "<stack>:<output>", the start of the output name dropped when longer than CloudFormation's 255
// characters (the hash at its end keeps it unique).
std::string export_name(std::string_view stack, std::string_view output);

}  // namespace drdb::render
