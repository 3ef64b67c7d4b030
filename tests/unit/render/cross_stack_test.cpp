// References between the stacks of one app: outputs and imports in both targets, their names, the
// deploy order and the cycle error.
#include <doctest/doctest.h>

#include <drdb/drdb.hpp>
#include <nlohmann/json.hpp>

using namespace drdb;
using nlohmann::json;

namespace {

struct Rendered {
  json cfn;
  json tf;
};

std::map<std::string, Rendered> render(const App& app, const SynthOptions& options = {}) {
  std::map<std::string, Rendered> out;
  for (const auto& d : synthesize(app, options)) {
    if (d.format == Format::CloudFormationJson) out[d.stack].cfn = json::parse(d.content);
    if (d.format == Format::Terraform) out[d.stack].tf = json::parse(d.content);
  }
  return out;
}

// A resource of `stack` holding `value`: an SSM parameter in both targets.
RawResource& holder(Stack& stack, const std::string& id, const Str& value) {
  return stack.add<RawResource>(
      id, {.cloudformation = RawResource::Definition{"AWS::SSM::Parameter",
                                                     Value::object({{"Type", "String"}, {"Value", value.value()}})},
           .terraform = RawResource::Definition{
               "aws_ssm_parameter", Value::object({{"name", id}, {"type", "String"}, {"value", value.value()}})}});
}

aws::sqs::Queue& queue(Stack& stack, const std::string& id) { return stack.add<aws::sqs::Queue>(id); }

std::vector<std::string> order_of(const std::vector<StackDeployment>& stacks) {
  std::vector<std::string> names;
  for (const auto& s : stacks) names.push_back(s.stack);
  return names;
}

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

// The names AWS CDK gives these outputs (makeUniqueId of Exports/Output<reference>), computed
// independently: the name must never change while the referenced resource keeps its logical id.
constexpr const char* jobs_arn_output = "ExportsOutputFnGetAttJobsArn7A791204";
constexpr const char* jobs_url_output = "ExportsOutputRefJobsCDDA1064";

}  // namespace

TEST_CASE("a reference to another stack becomes an export and an import in CloudFormation") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  auto& b = app.add<Stack>("B");
  holder(b, "JobsArn", jobs.queue_arn());
  holder(b, "JobsUrl", jobs.queue_url());
  const auto r = render(app);

  const auto& outputs = r.at("A").cfn["Outputs"];
  CHECK(outputs[jobs_arn_output] ==
        json({{"Value", {{"Fn::GetAtt", {"Jobs", "Arn"}}}}, {"Export", {{"Name", std::string("A:") + jobs_arn_output}}}}));
  CHECK(outputs[jobs_url_output] == json({{"Value", {{"Ref", "Jobs"}}}, {"Export", {{"Name", std::string("A:") + jobs_url_output}}}}));
  const auto& resources = r.at("B").cfn["Resources"];
  CHECK(resources["JobsArn"]["Properties"]["Value"] == json({{"Fn::ImportValue", std::string("A:") + jobs_arn_output}}));
  CHECK(resources["JobsUrl"]["Properties"]["Value"] == json({{"Fn::ImportValue", std::string("A:") + jobs_url_output}}));
  CHECK_FALSE(resources["JobsArn"].contains("DependsOn"));
}

TEST_CASE("a reference to another stack reads that stack's output from its Terraform state") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  auto& b = app.add<Stack>("B");
  holder(b, "JobsArn", jobs.queue_arn());
  const auto r = render(app);

  const auto& outputs = r.at("A").tf["output"];
  REQUIRE(outputs.size() == 1);
  const auto name = outputs.begin().key();
  CHECK(name.rfind("ExportsOutputawssqsqueueJobsarn", 0) == 0);
  CHECK(outputs[name] == json({{"value", "${aws_sqs_queue.Jobs.arn}"}}));
  const auto& tf = r.at("B").tf;
  CHECK(tf["data"]["terraform_remote_state"]["A"] ==
        json({{"backend", "local"}, {"config", {{"path", "../A/terraform.tfstate"}}}}));
  CHECK(tf["resource"]["aws_ssm_parameter"]["JobsArn"]["value"] == "${data.terraform_remote_state.A.outputs." + name + "}");
  CHECK_FALSE(r.at("A").tf.contains("data"));
}

TEST_CASE("a value read many times, by many stacks, is exported once") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  auto& b = app.add<Stack>("B");
  holder(b, "One", jobs.queue_arn());
  holder(b, "Two", jobs.queue_arn() + "/suffix");
  auto& reader = b.add<aws::iam::Role>("Reader", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  jobs.grant_send(reader);
  auto& c = app.add<Stack>("C");
  holder(c, "Three", jobs.queue_arn());
  c.add<Output>("JobsArn", {.value = jobs.queue_arn().value()});
  const auto r = render(app);
  CHECK(r.at("A").cfn["Outputs"].size() == 1);
  CHECK(r.at("A").tf["output"].size() == 1);
  CHECK(r.at("C").cfn["Outputs"]["JobsArn"]["Value"] == json({{"Fn::ImportValue", std::string("A:") + jobs_arn_output}}));
}

TEST_CASE("export names do not depend on the rest of the app nor on the stacks selected") {
  const auto a_template = [](bool more, const SynthOptions& options) {
    App app;
    auto& a = app.add<Stack>("A");
    if (more) queue(a, "Before");
    auto& jobs = queue(a, "Jobs");
    auto& b = app.add<Stack>("B");
    if (more) holder(b, "Unrelated", "literal");
    holder(b, "JobsArn", jobs.queue_arn());
    if (more) app.add<Stack>("C").add<aws::sqs::Queue>("Other");
    return render(app, options).at("A").cfn;
  };
  const auto plain = a_template(false, {});
  CHECK(plain["Outputs"].contains(jobs_arn_output));
  CHECK(a_template(true, {})["Outputs"] == plain["Outputs"]);
  CHECK(a_template(false, {.stacks = {"A"}}) == plain);  // B is not synthesized, A still exports for it
}

TEST_CASE("Outputs of a stack can read another stack's attributes") {
  App app;
  auto& jobs = queue(app.add<Stack>("A"), "Jobs");
  auto& b = app.add<Stack>("B");
  holder(b, "Keep", "literal");
  b.add<Output>("Url", {.value = jobs.queue_url().value()});
  const auto r = render(app);
  CHECK(r.at("B").cfn["Outputs"]["Url"]["Value"] == json({{"Fn::ImportValue", std::string("A:") + jobs_url_output}}));
  CHECK(contains(r.at("B").tf["output"]["Url"]["value"], "${data.terraform_remote_state.A.outputs.ExportsOutput"));
}

TEST_CASE("a reference inside a JSON document is an Fn::Sub variable in CloudFormation") {
  App app;
  auto& jobs = queue(app.add<Stack>("A"), "Jobs");
  auto& b = app.add<Stack>("B");
  holder(b, "Doc", Str::of(json_string(Value::object({{"queue", jobs.queue_arn().value()}}))));
  const auto r = render(app);
  CHECK(r.at("B").cfn["Resources"]["Doc"]["Properties"]["Value"] ==
        json({{"Fn::Sub", {"{\"queue\":\"${Var0}\"}", {{"Var0", {{"Fn::ImportValue", std::string("A:") + jobs_arn_output}}}}}}}));
}

TEST_CASE("three stacks deploy in dependency order, ties broken by name") {
  App app;
  auto& c = app.add<Stack>("Consumer");
  auto& m = app.add<Stack>("Middle");
  auto& p = app.add<Stack>("Producer");
  auto& z = app.add<Stack>("Alone");
  auto& jobs = queue(p, "Jobs");
  auto& mid = queue(m, "Mid");
  holder(m, "FromProducer", jobs.queue_arn());
  holder(c, "FromMiddle", mid.queue_url());
  holder(c, "FromProducer", jobs.queue_url());
  queue(z, "Own");
  const auto synthesis = synthesize_app(app);
  CHECK(order_of(synthesis.stacks) == std::vector<std::string>{"Alone", "Producer", "Middle", "Consumer"});
  CHECK(synthesis.stacks[3].depends_on == std::vector<std::string>{"Middle", "Producer"});
  CHECK(synthesis.stacks[0].depends_on.empty());
  CHECK(order_of(deploy_order(app)) == order_of(synthesis.stacks));
  // A selection keeps the app's order.
  CHECK(order_of(deploy_order(app, {.stacks = {"Consumer", "Producer"}})) == std::vector<std::string>{"Producer", "Consumer"});
}

TEST_CASE("explicit dependencies on other stacks and their constructs order the stacks") {
  App app;
  auto& late = app.add<Stack>("Late");
  auto& early = app.add<Stack>("Early");
  auto& later = app.add<Stack>("Later");
  auto& target = queue(early, "Target");
  queue(late, "Waiting").add_dependency(target);
  queue(later, "Last");
  later.add_dependency(late);
  const auto synthesis = synthesize_app(app);
  CHECK(order_of(synthesis.stacks) == std::vector<std::string>{"Early", "Late", "Later"});
  const auto r = render(app);
  CHECK_FALSE(r.at("Late").cfn["Resources"]["Waiting"].contains("DependsOn"));
  CHECK_FALSE(r.at("Late").tf["resource"]["aws_sqs_queue"]["Waiting"].contains("depends_on"));
}

TEST_CASE("import_value of an export the app declares orders the stacks and reads the state in Terraform") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  a.add<Output>("JobsArn", {.value = jobs.queue_arn().value(), .export_name = "shared-jobs-arn"});
  auto& b = app.add<Stack>("B");
  holder(b, "Imported", import_value("shared-jobs-arn"));
  const auto synthesis = synthesize_app(app);
  CHECK(synthesis.stacks[1].depends_on == std::vector<std::string>{"A"});
  const auto r = render(app);
  CHECK(r.at("B").cfn["Resources"]["Imported"]["Properties"]["Value"] == json({{"Fn::ImportValue", "shared-jobs-arn"}}));
  CHECK(r.at("B").tf["resource"]["aws_ssm_parameter"]["Imported"]["value"] == "${data.terraform_remote_state.A.outputs.JobsArn}");
  CHECK_FALSE(r.at("A").cfn["Outputs"].contains(jobs_arn_output));  // nothing generated: the user's export
}

TEST_CASE("stacks referring to each other are a cycle naming both stacks, the references and a fix") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& b = app.add<Stack>("B");
  auto& in_a = queue(a, "InA");
  auto& in_b = queue(b, "InB");
  holder(a, "ReadsB", in_b.queue_arn());
  holder(b, "ReadsA", in_a.queue_url());
  const auto text = validate(app).format();
  CHECK(contains(text, "[App/A] stacks A and B wait for each other: A waits for B (App/A/ReadsB reads App/B/InB (Arn)); "
                       "B waits for A (App/B/ReadsA reads App/A/InA (Url))"));
  CHECK(contains(text, "references between stacks must go one way"));
  CHECK_THROWS_AS(synthesize(app), ValidationError);
  CHECK_THROWS_AS(deploy_order(app), ValidationError);
}

TEST_CASE("a cycle through three stacks names all three") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& b = app.add<Stack>("B");
  auto& c = app.add<Stack>("C");
  holder(b, "ReadsA", queue(a, "QA").queue_arn());
  holder(c, "ReadsB", queue(b, "QB").queue_arn());
  a.add_dependency(c);
  const auto text = validate(app).format();
  CHECK(contains(text, "stacks A, C and B wait for each other: A waits for C (App/A depends on App/C); C waits for B"));
}

TEST_CASE("references across stacks that cannot work stay errors") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& size = a.add<Parameter>("Size");
  auto& jobs = queue(a, "Jobs");
  a.add<Output>("Mine", {.value = jobs.queue_arn().value(), .export_name = "mine"});
  a.add<Output>("Again", {.value = jobs.queue_url().value(), .export_name = "mine"});
  holder(a, "OwnImport", import_value("mine"));
  auto& b = app.add<Stack>("B");
  holder(b, "Size", size.as_str());
  holder(b, "Unknown", Str(AttrRef{&jobs, "Nope"}));
  const auto text = validate(app).format();
  CHECK(contains(text, "[App/B/Size] references a parameter of another stack"));
  CHECK(contains(text, "[App/B/Unknown] reference to unknown attribute \"Nope\" of App/A/Jobs"));
  CHECK(contains(text, "[App/A/Again] export name \"mine\" is also the export name of App/A/Mine"));
  CHECK(contains(text, "[App/A/OwnImport] import_value(\"mine\") names the export of App/A/Mine, in this same stack"));
}

TEST_CASE("generated outputs never take a name the user's constructs use") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  a.add<Output>(jobs_arn_output, {.value = "literal"});
  holder(app.add<Stack>("B"), "JobsArn", jobs.queue_arn());
  const auto text = validate(app, {.formats = {Format::CloudFormationJson}}).format();
  CHECK(contains(text, std::string("[App/A/") + jobs_arn_output + "] logical id \"" + jobs_arn_output +
                           "\" is the name of the output drdb adds for another stack's reference"));
}

TEST_CASE("problems of stacks left out of the selection are not reported") {
  App app;
  auto& a = app.add<Stack>("A");
  auto& jobs = queue(a, "Jobs");
  holder(app.add<Stack>("B"), "Unknown", Str(AttrRef{&jobs, "Nope"}));
  CHECK(validate(app, {.stacks = {"A"}}).format().empty());
  CHECK_FALSE(validate(app).format().empty());
}
