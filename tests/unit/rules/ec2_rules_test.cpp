#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;
using aws::ec2::Peer;
using aws::ec2::Port;

namespace {

aws::ec2::SecurityGroup& group(Env& env, const std::string& id) {
  auto& vpc = env.stack.find_child("Network") != nullptr
                  ? dynamic_cast<aws::ec2::Vpc&>(*env.stack.find_child("Network"))
                  : env.stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  return env.stack.add<aws::ec2::SecurityGroup>(id, {.description = id, .vpc = &vpc});
}

}  // namespace

TEST_CASE("EC2.1 fires on SSH open to the internet, over IPv4 or IPv6, alone or in a range") {
  Env env;
  auto& ssh = group(env, "Ssh");
  ssh.add_ingress(Peer::any_ipv4(), Port::tcp(22));
  fires_and_is_suppressible(env, ssh, "EC2.1");
  CHECK(env.findings().silent("EC2.2"));

  auto& v6 = group(env, "Ssh6");
  v6.add_ingress(Peer::any_ipv6(), Port::tcp_range(20, 23));
  auto& everything = group(env, "Everything");
  everything.add_ingress(Peer::any_ipv4(), Port::all_traffic());
  auto& office = group(env, "Office");
  office.add_ingress(Peer::ipv4("203.0.113.0/24"), Port::tcp(22));
  const auto f = env.findings();
  CHECK(f.fires("EC2.1", "Ssh6"));
  CHECK(f.fires("EC2.2", "Ssh6"));  // 20, 21 and 23 too
  CHECK(f.fires("EC2.1", "Everything"));
  CHECK(f.fires("EC2.2", "Everything"));
  CHECK_FALSE(f.fires("EC2.1", "Office"));
}

TEST_CASE("EC2.2 fires on ports other than 80/443 open to the internet") {
  Env env;
  auto& web = group(env, "Web");
  web.add_ingress(Peer::any_ipv4(), Port::tcp(443));
  web.add_ingress(Peer::any_ipv6(), Port::tcp(80));
  web.add_egress(Peer::any_ipv4(), Port::tcp(5432));  // egress is not what the rule is about
  auto& db = group(env, "Db");
  db.add_ingress(Peer::any_ipv6(), Port::tcp(5432));
  auto& dns = group(env, "Dns");
  dns.add_ingress(Peer::any_ipv4(), Port::udp(53));
  const auto f = env.findings();
  CHECK(f.silent("EC2.1"));
  CHECK_FALSE(f.fires("EC2.2", "Web"));
  CHECK(f.fires("EC2.2", "Dns"));
  dns.suppress("EC2.2", "public DNS resolver");
  fires_and_is_suppressible(env, db, "EC2.2");
}
