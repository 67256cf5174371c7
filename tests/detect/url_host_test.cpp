#include <doctest/doctest.h>

#include "scanner/detect/url_host.h"

using namespace ps;

TEST_CASE("hosts come from absolute and protocol-relative URLs only") {
  CHECK(hosts_in_string("https://api.openai.com/v1/chat/completions") == std::vector<std::string>{"api.openai.com"});
  CHECK(hosts_in_string("//cdn.segment.com/analytics.js") == std::vector<std::string>{"cdn.segment.com"});
  CHECK(hosts_in_string("POST https://API.Stripe.com:443/v1 and wss://ws.pusher.com") ==
        std::vector<std::string>{"api.stripe.com", "ws.pusher.com"});
  CHECK(hosts_in_string("see docs at openai.com").empty());
  CHECK(hosts_in_string("ftp://files.example.org").empty());
  CHECK(hosts_in_string("a // comment-like text").empty());
  CHECK(hosts_in_string("http://localhost:3000/x").empty());
}

TEST_CASE("userinfo before the host is skipped; an @ in the path is not userinfo") {
  CHECK(hosts_in_string("https://abc123@o42.ingest.sentry.io/7") == std::vector<std::string>{"o42.ingest.sentry.io"});
  CHECK(hosts_in_string("https://user:secret@db.example-corp.com:5432/x") == std::vector<std::string>{"db.example-corp.com"});
  CHECK(hosts_in_string("https://api.mailgun.net/v3/lists/team@acme.io/members") == std::vector<std::string>{"api.mailgun.net"});
}

TEST_CASE("local, private and example hosts are recognised") {
  CHECK(is_local_or_example_host("localhost"));
  CHECK(is_local_or_example_host("api.example.com"));
  CHECK(is_local_or_example_host("10.0.0.5"));
  CHECK(is_local_or_example_host("172.20.1.1"));
  CHECK_FALSE(is_local_or_example_host("172.32.1.1"));
  CHECK_FALSE(is_local_or_example_host("api.openai.com"));
}

TEST_CASE("a literal with whitespace outside interpolation holes reads as prose") {
  CHECK(reads_as_prose("see https://angular.io/errors/NG0100 for details"));
  CHECK(reads_as_prose("https://docs.acme.io\n"));
  CHECK_FALSE(reads_as_prose("https://api.acme.io/v1/events"));
  CHECK_FALSE(reads_as_prose("https://api.acme.io/${ user.id }/x"));      // JS, Ruby, C#, Python holes
  CHECK_FALSE(reads_as_prose("https://api.acme.io/\\(user.id + 1)/x"));  // Swift
  CHECK(reads_as_prose("${base} and https://api.acme.io"));
}
