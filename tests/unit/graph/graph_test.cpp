#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "drdb/core/error.hpp"
#include "drdb/graph/graph.hpp"

using namespace drdb;

namespace {

const char* network = R"({"Resources": {
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
  "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
  "Group": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Fn::GetAtt": ["Vpc", "VpcId"]},
            "GroupDescription": {"Fn::Sub": ["${Subnet} in ${AWS::Region} ${!Literal} ${Local}", {"Local": "x"}]}},
            "DependsOn": ["Vpc", "Gateway"]},
  "Gateway": {"Type": "AWS::EC2::InternetGateway"}}})";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("graph: resources and their references, in Mermaid") {
  const auto pictures = graph::draw("Network", network, graph::Style::Mermaid);
  REQUIRE(pictures.size() == 1);
  const auto& text = pictures[0].text;
  CHECK(pictures[0].name == "Network");
  CHECK(has(text, "flowchart LR\n"));
  CHECK(has(text, "  n_Vpc[\"Vpc<br/>AWS::EC2::VPC\"]\n"));
  CHECK(has(text, "  n_Subnet --> n_Vpc\n"));
  CHECK(has(text, "  n_Group --> n_Vpc\n"));     // Fn::GetAtt
  CHECK(has(text, "  n_Group --> n_Subnet\n"));  // ${Subnet} in Fn::Sub
  CHECK(has(text, "  n_Group -.-> n_Gateway\n"));  // DependsOn only: dashed
  CHECK(!has(text, "n_Group -.-> n_Vpc"));         // referenced already
  CHECK(!has(text, "Local"));
  CHECK(!has(text, "Literal"));
}

TEST_CASE("graph: the same picture in Graphviz DOT") {
  const auto text = graph::draw("Network", network, graph::Style::Dot)[0].text;
  CHECK(has(text, "digraph \"Network\" {\n"));
  CHECK(has(text, "  \"Vpc\" [label=\"Vpc\\nAWS::EC2::VPC\"];\n"));
  CHECK(has(text, "  \"Subnet\" -> \"Vpc\";\n"));
  CHECK(has(text, "  \"Group\" -> \"Gateway\" [style=dashed];\n"));
  CHECK(text == graph::draw("Network", network, graph::Style::Dot)[0].text);
}

TEST_CASE("graph: a state machine's states, choices, catches and branches") {
  const char* machine = R"({"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
    "Definition": {"StartAt": "List", "States": {
      "List": {"Type": "Task", "Next": "Found?", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
      "Found?": {"Type": "Choice", "Choices": [{"Variable": "$.count", "NumericGreaterThan": 0, "Next": "Both"}],
                 "Default": "Failed"},
      "Both": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "Log", "States": {"Log": {"Type": "Pass", "End": true}}}]},
      "Failed": {"Type": "Fail"}}}}}}})";
  const auto pictures = graph::draw("S", machine, graph::Style::Mermaid);
  REQUIRE(pictures.size() == 2);
  CHECK(pictures[1].name == "S.Flow");
  const auto& text = pictures[1].text;
  CHECK(has(text, "  n_Start([\"Start\"])\n"));
  CHECK(has(text, "  n_Start --> n_List\n"));
  CHECK(has(text, "  n_List --> n_Found_\n"));
  CHECK(has(text, "  n_List -.->|\"catch States.ALL\"| n_Failed\n"));
  CHECK(has(text, "  n_Found_ -->|\"$.count NumericGreaterThan 0\"| n_Both\n"));
  CHECK(has(text, "  n_Found_ -->|\"default\"| n_Failed\n"));
  CHECK(has(text, "  n_Both -.-> n_Log\n"));
  CHECK(has(text, "  n_Failed --> n_End\n"));
}

TEST_CASE("graph: a definition string with substitutions is read too") {
  const char* machine = R"({"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
    "DefinitionString": {"Fn::Sub": ["{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${Fn}\",\"End\":true}}}", {"Fn": "x"}]}}}}})";
  const auto pictures = graph::draw("S", machine, graph::Style::Dot);
  REQUIRE(pictures.size() == 2);
  CHECK(has(pictures[1].text, "  \"A\" -> \"End\";\n"));
}

TEST_CASE("graph: an import is an edge to the exporting stack's resource, and the stacks draw their deploy order") {
  const std::string storage = R"({"Resources": {"Data": {"Type": "AWS::S3::Bucket"}},
    "Outputs": {"ExportsOutputFnGetAttDataArn1234abcd": {"Value": {"Fn::GetAtt": ["Data", "Arn"]},
                "Export": {"Name": "Storage:ExportsOutputFnGetAttDataArn1234abcd"}}}})";
  const std::string compute = R"({"Resources": {"Worker": {"Type": "AWS::IAM::Role", "Properties": {
    "Policies": [{"PolicyDocument": {"Statement": [{"Resource": {"Fn::ImportValue": "Storage:ExportsOutputFnGetAttDataArn1234abcd"}}]}}],
    "Description": {"Fn::ImportValue": "shared-name"}}}}})";
  graph::Exports exports;
  graph::add_exports("Storage", storage, exports);
  graph::add_exports("Compute", compute, exports);
  REQUIRE(exports.size() == 1);
  CHECK(exports.at("Storage:ExportsOutputFnGetAttDataArn1234abcd").resource == "Data");
  const auto text = graph::draw("Compute", compute, graph::Style::Dot, exports)[0].text;
  CHECK(has(text, "\"Storage/Data\" [label=\"Data\\nin stack Storage\"];"));
  CHECK(has(text, "\"Worker\" -> \"Storage/Data\";"));
  CHECK(has(text, "\"import:shared-name\" [label=\"shared-name\\nimported\"];"));
  const auto order = graph::draw_stacks({{"Storage", {}}, {"Compute", {"Storage"}}}, graph::Style::Mermaid);
  CHECK(order.name == "stacks.deploy-order");
  CHECK(has(order.text, "n_Compute -->|\"deploys after\"| n_Storage"));
}

TEST_CASE("graph: a template that is not JSON is an error naming the stack") {
  CHECK_THROWS_WITH_AS(graph::draw("S", "{", graph::Style::Dot), "the template of stack S is not JSON", Error);
}

TEST_CASE("graph: every resource of a bundled example is drawn") {
  std::ifstream in(DRDB_SOURCE_DIR "/tests/golden/network/cloudformation/Network.template.json");
  std::ostringstream text;
  text << in.rdbuf();
  const auto pictures = graph::draw("Network", text.str(), graph::Style::Mermaid);
  CHECK(has(pictures[0].text, "n_Vpc[\"Vpc<br/>AWS::EC2::VPC\"]"));
  CHECK(has(pictures[0].text, " --> n_Vpc\n"));
}
