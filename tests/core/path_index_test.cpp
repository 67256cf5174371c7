#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/core/path_index.h"

using namespace ps;

static std::vector<std::uint32_t> hits(const PathIndex& idx, std::string_view path) {
  std::vector<std::uint32_t> out;
  idx.find(path, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST_CASE("exact, any-receiver and any-member patterns") {
  PathIndex idx;
  idx.add("analytics.track", 1);
  idx.add("*.logger.info", 2);
  idx.add("Sentry.*", 3);
  CHECK(hits(idx, "analytics.track") == std::vector<std::uint32_t>{1});
  CHECK(hits(idx, "window.analytics.track").empty());  // exact means exact
  CHECK(hits(idx, "logger.info") == std::vector<std::uint32_t>{2});
  CHECK(hits(idx, "this.logger.info") == std::vector<std::uint32_t>{2});
  CHECK(hits(idx, "mylogger.info").empty());            // segments, not characters
  CHECK(hits(idx, "Sentry.init") == std::vector<std::uint32_t>{3});
  CHECK(hits(idx, "Sentry.setUser.x") == std::vector<std::uint32_t>{3});
  CHECK(hits(idx, "Sentry").empty());
  CHECK(hits(idx, "").empty());
}

TEST_CASE("long chained paths still match their last and first segments") {
  PathIndex idx;
  idx.add("*.logger.info", 1);
  idx.add("Sentry.*", 2);
  std::string chain = "Sentry";
  for (int i = 0; i < 5000; ++i) chain += ".replace";
  std::vector<std::uint32_t> out;
  idx.find(chain, out);
  CHECK(out == std::vector<std::uint32_t>{2});
  out.clear();
  idx.find(chain + ".logger.info", out);
  CHECK(std::find(out.begin(), out.end(), 1u) != out.end());
}

TEST_CASE("matches agrees with find") {
  PathIndex idx;
  idx.add("analytics.track", 1);
  idx.add("*.logger.info", 2);
  idx.add("Sentry.*", 3);
  for (std::string_view p : {"analytics.track", "window.analytics.track", "logger.info", "this.logger.info", "mylogger.info",
                             "Sentry.init", "Sentry", "", "track", "a.b.c.d.e"})
    CHECK_MESSAGE(idx.matches(p) == !hits(idx, p).empty(), p);
  CHECK_FALSE(PathIndex().matches("a.b"));
}

TEST_CASE("a path is ruled out by its first and last segments") {
  PathIndex idx;
  idx.add("analytics.track", 1);
  idx.add("*.logger.info", 2);
  CHECK(idx.may_match_ends("x", "track"));
  CHECK(idx.may_match_ends("x", "info"));
  CHECK_FALSE(idx.may_match_ends("analytics", "page"));
  CHECK_FALSE(idx.may_end_with("page"));
  idx.add("Sentry.*", 3);
  CHECK(idx.may_match_ends("Sentry", "anything"));
  CHECK(idx.may_end_with("page"));  // any member of Sentry may end so
}
