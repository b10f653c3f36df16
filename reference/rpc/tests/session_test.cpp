// Sessions against the test interface, replaying the exchanges captured from capnweb
// 0.12 (capnweb.md Appendix A): the reference must answer byte for byte the same,
// except where IDs of its own exports are ours to choose (they happen to match).
#include <gtest/gtest.h>

#include "reference/rpc/tests/session_driver.hpp"

namespace conform::reference::rpc {
namespace {

using testing::driver;
using lines = std::vector<std::string>;

TEST(RpcSession, SimpleCall) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["square"],[5]]])", R"(["pull",1])"}),
            lines{R"(["resolve",1,25])"});
  EXPECT_EQ(d.send({R"(["release",1,1])"}), lines{});
  EXPECT_EQ(d.s.export_count(), 1u);
}

TEST(RpcSession, PushWithoutPullAnswersNothing) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["square"],[3]]])", R"(["release",1,1])"}), lines{});
}

TEST(RpcSession, PipelinedCounter) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["makeCounter"],[10]]])",
                    R"(["push",["pipeline",1,["increment"],[5]]])", R"(["pull",2])"}),
            lines{R"(["resolve",2,15])"});
}

TEST(RpcSession, StubReturnedUsedAndReleased) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["makeCounter"],[3]]])", R"(["pull",1])"}),
            lines{R"(["resolve",1,["export",-1]])"});
  EXPECT_EQ(d.send({R"(["release",1,1])", R"(["push",["pipeline",-1,["increment"],[]]])",
                    R"(["pull",2])", R"(["push",["pipeline",-1,["value"]]])", R"(["pull",3])"}),
            (lines{R"(["resolve",2,4])", R"(["resolve",3,4])"}));
  EXPECT_EQ(d.send({R"(["release",-1,1])"}), lines{});
  EXPECT_EQ(d.send({R"(["push",["pipeline",-1,["increment"],[]]])"}),
            lines{R"(["abort",["error","Error","no such entry on exports table: -1"]])"});
}

TEST(RpcSession, ServerCallsClientFunction) {
  driver d;
  auto out = d.send({R"(["push",["pipeline",0,["callFunction"],[["export",-1],21]]])",
                     R"(["pull",1])"});
  EXPECT_EQ(out, (lines{R"(["push",["pipeline",-1,[],[21]]])", R"(["pull",1])",
                        R"(["release",-1,1])"}));
  EXPECT_EQ(d.send({R"(["resolve",1,42])"}),
            (lines{R"(["release",1,1])", R"(["resolve",1,{"result":42}])"}));
}

TEST(RpcSession, ThrownErrorRejects) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["throwError"],[]]])", R"(["pull",1])"}),
            lines{R"(["reject",1,["error","RangeError","test error"]])"});
}

TEST(RpcSession, NotAFunction) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["nonexistent"],[]]])", R"(["pull",1])",
                    R"(["push",["pipeline",0,["toString"],[]]])", R"(["pull",2])",
                    R"(["push",["pipeline",0,["nonexistentProp"]]])", R"(["pull",3])"}),
            (lines{R"(["reject",1,["error","TypeError","'nonexistent' is not a function."]])",
                   R"(["reject",2,["error","TypeError","'toString' is not a function."]])",
                   R"(["resolve",3,["undefined"]])"}));
}

TEST(RpcSession, PassingPipelinedCounterBack) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["makeCounter"],[1]]])",
                    R"(["push",["pipeline",0,["incrementCounter"],[["pipeline",1],5]]])",
                    R"(["pull",2])"}),
            lines{R"(["resolve",2,6])"});
}

TEST(RpcSession, ExportedStubAsPromiseRefused) {
  driver d;
  d.send({R"(["push",["pipeline",0,["makeCounter"],[5]]])", R"(["pull",1])"});
  EXPECT_EQ(d.send({R"(["push",["pipeline",-1]])", R"(["pull",2])",
                    R"(["push",["pipeline",0,["incrementCounter"],[["import",-1],10]]])",
                    R"(["pull",3])"}),
            (lines{R"(["reject",2,["error","Error","Can't dup an RpcTarget stub as a promise."]])",
                   R"(["resolve",3,15])"}));
}

TEST(RpcSession, MapOverArray) {
  driver d;
  auto out = d.send(
      {R"(["push",["pipeline",0,["generateFibonacci"],[5]]])",
       R"(["push",["remap",1,[],[["import",0]],[["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]]]])",
       R"(["pull",2])"});
  EXPECT_EQ(out, (lines{
                     R"(["resolve",2,[[["promise",-1],["promise",-2],["promise",-3],["promise",-4],["promise",-5]]]])",
                     R"(["resolve",-1,0])", R"(["resolve",-2,1])", R"(["resolve",-3,1])",
                     R"(["resolve",-4,4])", R"(["resolve",-5,9])"}));
}

TEST(RpcSession, MapOnNullAndNested) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["returnNull"],[]]])",
                    R"(["push",["remap",1,[],[["import",0]],[["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]]]])",
                    R"(["pull",2])"}),
            lines{R"(["resolve",2,null])"});
  driver n;
  auto out = n.send(
      {R"(["push",["pipeline",0,["echo"],[[[[[1,2]],[[3]]]]]]])",
       R"(["push",["remap",1,[],[["import",0]],[["remap",0,[],[["import",-1]],[["pipeline",-1,["square"],[["pipeline",0]]],["pipeline",1]]],["pipeline",1]]]])",
       R"(["pull",2])"});
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0], R"(["resolve",2,[[["promise",-1],["promise",-2]]]])");
  EXPECT_EQ(out.size(), 6u);
}

TEST(RpcSession, MapWithClientCaptureCallsBack) {
  driver d;
  auto out = d.send(
      {R"(["push",["pipeline",0,["returnNumber"],[4]]])",
       R"(["push",["remap",1,[],[["export",-1]],[["pipeline",-1,["increment"],[["pipeline",0]]],["pipeline",1]]]])",
       R"(["pull",2])"});
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[0], R"(["push",["pipeline",-1,["increment"],[4]]])");
  EXPECT_EQ(out[1], R"(["pull",1])");
  auto after = d.send({R"(["resolve",1,7])"});
  EXPECT_NE(std::find(after.begin(), after.end(), R"(["resolve",2,7])"), after.end());
}

TEST(RpcSession, MainAndPushedValues) {
  driver d;
  EXPECT_EQ(d.send({R"(["pull",0])"}), lines{R"(["resolve",0,["export",-1]])"});
  driver e;
  EXPECT_EQ(e.send({R"(["push",{"x":[[1,2,3]]}])",
                    R"(["push",["pipeline",0,["echo"],[["pipeline",1,["x"]]]]])", R"(["pull",2])"}),
            lines{R"(["resolve",2,[[1,2,3]]])"});
  driver f;
  EXPECT_EQ(f.send({R"(["push",["pipeline",0,["generateFibonacci"],[5]]])",
                    R"(["push",["pipeline",1,["3"]]])", R"(["push",["pipeline",1,[3]]])",
                    R"(["pull",2])", R"(["pull",3])"}),
            (lines{R"(["resolve",2,["undefined"]])", R"(["resolve",3,2])"}));
}

TEST(RpcSession, ArgumentStubsAreDisposedAfterTheCall) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["echo"],[["import",0]]]])", R"(["pull",1])"}),
            lines{R"(["reject",1,["error","Error","Attempted to use an RPC StubHook after it was disposed."]])"});
}

TEST(RpcSession, PipelineOnRejectedPromise) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["throwError"],[]]])",
                    R"(["push",["pipeline",1,["foo"],[]]])", R"(["pull",2])"}),
            lines{R"(["reject",2,["error","RangeError","test error"]])"});
}

TEST(RpcSession, StreamMessageIsPulledAndReleased) {
  driver d;
  EXPECT_EQ(d.send({R"(["stream",["pipeline",0,["square"],[6]]])"}), lines{R"(["resolve",1,36])"});
  EXPECT_EQ(d.s.export_count(), 1u);
}

TEST(RpcSession, ResolveForUnknownImportIgnored) {
  driver d;
  EXPECT_EQ(d.send({R"(["resolve",77,1])", R"(["push",["pipeline",0,["square"],[3]]])",
                    R"(["pull",1])"}),
            lines{R"(["resolve",1,9])"});
}

TEST(RpcSession, ProtocolErrorsAbort) {
  auto abort_of = [](std::vector<std::string> const& in) {
    driver d;
    auto out = d.send(in);
    EXPECT_TRUE(d.s.aborted());
    return out.empty() ? std::string() : out.back();
  };
  EXPECT_EQ(abort_of({R"(["bogus"])"}), R"(["abort",["error","Error","bad RPC message: [\"bogus\"]"]])");
  EXPECT_EQ(abort_of({R"(["pull",5])"}), R"(["abort",["error","Error","no such export ID: 5"]])");
  EXPECT_EQ(abort_of({R"(["push",["pipeline",0,["square"],[2]]])", R"(["release",1,2])"}),
            R"(["abort",["error","Error","refcount would go negative: 1 < 2"]])");
  EXPECT_EQ(abort_of({R"(["push",["pipeline",9,["x"],[]]])"}),
            R"(["abort",["error","Error","no such entry on exports table: 9"]])");
  EXPECT_EQ(abort_of({R"(["push"])"}), R"(["abort",["error","Error","bad RPC message: [\"push\"]"]])");
  EXPECT_EQ(abort_of({R"(["pull","1"])"}), R"(["abort",["error","Error","bad RPC message: [\"pull\",\"1\"]"]])");
  EXPECT_EQ(abort_of({R"(["release",1])"}), R"(["abort",["error","Error","bad RPC message: [\"release\",1]"]])");
  EXPECT_EQ(abort_of({R"({"push":1})"}), R"(["abort",["error","Error","bad RPC message: {\"push\":1}"]])");
  EXPECT_EQ(abort_of({""}), R"(["abort",["error","SyntaxError","Unexpected end of JSON input"]])");
}

TEST(RpcSession, PeerAbortEndsSilently) {
  driver d;
  EXPECT_EQ(d.send({R"(["abort",["error","Error","client gave up"]])",
                    R"(["push",["pipeline",0,["square"],[2]]])", R"(["pull",1])"}),
            lines{});
  EXPECT_TRUE(d.s.aborted());
  EXPECT_EQ(d.s.abort_reason(), "client gave up");
}

TEST(RpcSession, SameStubTwiceGetsTwoIds) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["sameCounterTwice"],[1]]])", R"(["pull",1])"}),
            lines{R"(["resolve",1,{"a":["export",-1],"b":["export",-2]}])"});
  EXPECT_EQ(d.send({R"(["release",-1,1])", R"(["push",["pipeline",-2,["increment"],[]]])",
                    R"(["pull",2])"}),
            lines{R"(["resolve",2,2])"});
}

TEST(RpcSession, KeptCallbackCalledLater) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["keepCallback"],[["export",-1]]]])", R"(["pull",1])"}),
            lines{R"(["resolve",1,["undefined"]])"});
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["fireCallback"],[5]]])", R"(["pull",2])"}),
            (lines{R"(["push",["pipeline",-1,[],[5]]])", R"(["pull",1])"}));
  EXPECT_EQ(d.send({R"(["resolve",1,10])"}), (lines{R"(["release",1,1])", R"(["resolve",2,10])"}));
}

TEST(RpcSession, CallSquareReturnsUnawaitedPromise) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["callSquare"],[["import",0],3]]])", R"(["pull",1])"}),
            (lines{R"(["resolve",1,{"result":["promise",-1]}])", R"(["resolve",-1,9])"}));
}

TEST(RpcSession, PromiseArgumentAwaited) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["echo"],[{"v":["promise",-1]}]]])", R"(["pull",1])"}),
            lines{});
  EXPECT_EQ(d.send({R"(["resolve",-1,9])"}),
            (lines{R"(["release",-1,1])", R"(["resolve",1,{"v":9}])"}));
}

TEST(RpcSession, InstancePropertyRefused) {
  driver d;
  auto out = d.send({R"(["push",["pipeline",0,["instanceProperty"]]])", R"(["pull",1])"});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].find("which is an instance property of the RpcTarget"), std::string::npos);
}

TEST(RpcSession, ErrorWithProps) {
  driver d;
  EXPECT_EQ(d.send({R"(["push",["pipeline",0,["throwWithProps"],[]]])", R"(["pull",1])"}),
            lines{R"(["reject",1,["error","Error","boom",null,{"code":"E_BOOM","cause":["error","TypeError","inner"]}]])"});
}

}  // namespace
}  // namespace conform::reference::rpc
