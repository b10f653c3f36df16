// Value encoding through echo(): what the reference re-sends for each tag (capnweb.md
// §5), and the errors malformed values abort with.
#include <gtest/gtest.h>

#include "reference/rpc/base64.hpp"
#include "reference/rpc/tests/session_driver.hpp"

namespace conform::reference::rpc {
namespace {

using testing::driver;

// echo(value) pulled: the resolve's expression.
std::string echo(std::string const& value) {
  driver d;
  auto out = d.send({R"(["push",["pipeline",0,["echo"],[)" + value + "]]]", R"(["pull",1])"});
  if (out.size() != 1) return "<" + std::to_string(out.size()) + " messages>";
  auto const prefix = std::string(R"(["resolve",1,)");
  if (out[0].rfind(prefix, 0) != 0) return out[0];
  return out[0].substr(prefix.size(), out[0].size() - prefix.size() - 1);
}

// The abort a malformed echo argument produces.
std::string echo_abort(std::string const& value) {
  driver d;
  auto out = d.send({R"(["push",["pipeline",0,["echo"],[)" + value + "]]]"});
  return out.empty() ? "<none>" : out.back();
}

TEST(RpcCodec, LiteralsRoundTrip) {
  EXPECT_EQ(echo("123"), "123");
  EXPECT_EQ(echo("null"), "null");
  EXPECT_EQ(echo(R"("foo")"), R"("foo")");
  EXPECT_EQ(echo("true"), "true");
  EXPECT_EQ(echo(R"({"foo":{"bar":123}})"), R"({"foo":{"bar":123}})");
  EXPECT_EQ(echo("1.5"), "1.5");
  EXPECT_EQ(echo("-0"), "0");
  EXPECT_EQ(echo("1e300"), "1e+300");
  EXPECT_EQ(echo("9007199254740994"), "9007199254740994");
  EXPECT_EQ(echo(R"({"b":1,"a":2})"), R"({"b":1,"a":2})");  // key order kept
}

TEST(RpcCodec, EscapedArrays) {
  EXPECT_EQ(echo("[[123]]"), "[[123]]");
  EXPECT_EQ(echo("[[1,[[2,3]],[[]]]]"), "[[1,[[2,3]],[[]]]]");
  EXPECT_EQ(echo(R"({"a":[[]]})"), R"({"a":[[]]})");
  EXPECT_EQ(echo_abort("[1,2]"), R"(["abort",["error","TypeError","unknown special value: [1,2]"]])");
  EXPECT_EQ(echo_abort("[]"), R"(["abort",["error","TypeError","unknown special value: []"]])");
  EXPECT_EQ(echo_abort("[5]"), R"(["abort",["error","TypeError","unknown special value: [5]"]])");
}

TEST(RpcCodec, SpecialNumbersAndUndefined) {
  EXPECT_EQ(echo(R"(["inf"])"), R"(["inf"])");
  EXPECT_EQ(echo(R"(["-inf"])"), R"(["-inf"])");
  EXPECT_EQ(echo(R"(["nan"])"), R"(["nan"])");
  EXPECT_EQ(echo(R"(["inf","x"])"), R"(["inf"])");
  EXPECT_EQ(echo(R"(["undefined"])"), R"(["undefined"])");
  EXPECT_EQ(echo_abort(R"(["undefined","x"])"),
            R"(["abort",["error","TypeError","unknown special value: [\"undefined\",\"x\"]"]])");
}

TEST(RpcCodec, Bigint) {
  EXPECT_EQ(echo(R"(["bigint","123"])"), R"(["bigint","123"])");
  EXPECT_EQ(echo(R"(["bigint","-12345678901234567890"])"), R"(["bigint","-12345678901234567890"])");
  EXPECT_EQ(echo(R"(["bigint","0x10"])"), R"(["bigint","16"])");
  EXPECT_EQ(echo(R"(["bigint",""])"), R"(["bigint","0"])");
  EXPECT_EQ(echo(R"(["bigint","-0"])"), R"(["bigint","0"])");
  EXPECT_EQ(echo_abort(R"(["bigint","12x"])"),
            R"(["abort",["error","SyntaxError","Cannot convert 12x to a BigInt"]])");
  EXPECT_EQ(echo_abort(R"(["bigint",12])"),
            R"(["abort",["error","TypeError","unknown special value: [\"bigint\",12]"]])");
  EXPECT_EQ(echo_abort(R"(["bigint",")" + std::string(16385, '1') + R"("])"),
            R"(["abort",["error","TypeError","Deserialized bigint exceeds maximum length of 16384 digits."]])");
}

TEST(RpcCodec, Dates) {
  EXPECT_EQ(echo(R"(["date",1234])"), R"(["date",1234])");
  EXPECT_EQ(echo(R"(["date",null])"), R"(["date",null])");
  EXPECT_EQ(echo(R"(["date",1.7])"), R"(["date",1])");
  EXPECT_EQ(echo(R"(["date",1e20])"), R"(["date",null])");
  EXPECT_EQ(echo_abort(R"(["date"])"),
            R"(["abort",["error","TypeError","unknown special value: [\"date\"]"]])");
}

TEST(RpcCodec, Bytes) {
  EXPECT_EQ(echo(R"(["bytes","aGVsbG8h"])"), R"(["bytes","aGVsbG8h"])");
  EXPECT_EQ(echo(R"(["bytes","aGVsbG8="])"), R"(["bytes","aGVsbG8"])");
  EXPECT_EQ(echo(R"(["bytes","AQACAQ","Uint16Array"])"), R"(["bytes","AQACAQ","Uint16Array"])");
  EXPECT_EQ(echo(R"(["bytes","AQ","Uint8Array"])"), R"(["bytes","AQ"])");
  EXPECT_EQ(echo_abort(R"(["bytes","AQ","Uint16Array"])"),
            R"(["abort",["error","TypeError","Invalid byte length 1 for Uint16Array; expected a multiple of 2"]])");
  EXPECT_EQ(echo_abort(R"(["bytes","AQ","Foo"])"),
            R"(["abort",["error","TypeError","Unknown bytes type marker: Foo"]])");
  EXPECT_EQ(echo_abort(R"(["bytes","AQ",5])"),
            R"(["abort",["error","TypeError","Unknown bytes type marker type: number"]])");
}

TEST(RpcCodec, Base64) {
  EXPECT_EQ(base64_encode({}), "");
  EXPECT_EQ(base64_encode({1, 2, 3, 255}), "AQID/w");
  EXPECT_EQ(base64_decode("AQID/w=="), (std::vector<std::uint8_t>{1, 2, 3, 255}));
}

TEST(RpcCodec, Errors) {
  EXPECT_EQ(echo(R"(["error","TypeError","bad"])"), R"(["error","TypeError","bad"])");
  EXPECT_EQ(echo(R"(["error","FooError","m"])"), R"(["error","Error","m"])");
  EXPECT_EQ(echo(R"(["error","Error","m","stack"])"), R"(["error","Error","m"])");
  EXPECT_EQ(echo(R"(["error","Error","boom",null,{"code":"E","__proto__":1}])"),
            R"(["error","Error","boom",null,{"code":"E"}])");
  EXPECT_EQ(echo(R"(["error","AggregateError","many"])"),
            R"(["error","AggregateError","many",null,{"errors":[[]]}])");
  EXPECT_EQ(echo_abort(R"(["error"])"),
            R"(["abort",["error","TypeError","unknown special value: [\"error\"]"]])");
  EXPECT_EQ(echo_abort(R"(["error","E","m",null,5])"),
            R"(["abort",["error","TypeError","unknown special value: [\"error\",\"E\",\"m\",null,5]"]])");
}

TEST(RpcCodec, FetchTypes) {
  EXPECT_EQ(echo(R"(["url","https://example.com/path?q=1"])"), R"(["url","https://example.com/path?q=1"])");
  EXPECT_EQ(echo(R"(["headers",[]])"), R"(["headers",[]])");
  EXPECT_EQ(echo(R"(["headers",[["X-Custom","hello"],["content-type","text/plain"]]])"),
            R"(["headers",[["content-type","text/plain"],["x-custom","hello"]]])");
  EXPECT_EQ(echo(R"(["request","http://example.com/",{"method":"HEAD"}])"),
            R"(["request","http://example.com/",{"method":"HEAD"}])");
  EXPECT_EQ(echo(R"(["response",null,{"status":404,"statusText":"Not Found"}])"),
            R"(["response",null,{"status":404,"statusText":"Not Found"}])");
  EXPECT_EQ(echo(R"(["response",null,{"status":200,"statusText":"OK"}])"),
            R"(["response",null,{"statusText":"OK"}])");
  EXPECT_EQ(echo_abort(R"(["url","nope"])"), R"(["abort",["error","TypeError","Invalid URL"]])");
}

TEST(RpcCodec, PrototypeKeysDropped) {
  EXPECT_EQ(echo(R"({"__proto__":1,"a":2,"toJSON":3})"), R"({"a":2})");
}

TEST(RpcCodec, DepthLimit) {
  std::string deep = "1";
  for (int i = 0; i < 254; ++i) deep = "[[" + deep + "]]";
  EXPECT_NE(echo(deep).find("[[[["), std::string::npos);
  std::string deeper = "1";
  for (int i = 0; i < 300; ++i) deeper = "[[" + deeper + "]]";
  EXPECT_NE(echo_abort(deeper).find("maximum allowed message depth of 256"), std::string::npos);
  std::string hostile(200000, '[');
  EXPECT_NE(echo_abort(hostile).find("maximum allowed message depth"), std::string::npos);
}

}  // namespace
}  // namespace conform::reference::rpc
