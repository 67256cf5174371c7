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

TEST_CASE("an expression that starts with prose builds a message; one that starts with a URL does not") {
  CHECK(builds_message("'see ' + DOCS_URL", {"see "}));
  CHECK(builds_message("`Required a safe ${type} (see ${XSS_URL})`", {"Required a safe ${type} (see ${XSS_URL})"}));
  CHECK(builds_message("f\"see {DOCS} first\"", {"see {DOCS} first"}));
  CHECK(builds_message("$\"see {Docs}\"", {"see {Docs}"}));
  CHECK_FALSE(builds_message("API + '/users'", {"/users"}));
  CHECK_FALSE(builds_message("'https://t.io/e?m=' + enc('hi there')", {"https://t.io/e?m=", "hi there"}));
  CHECK_FALSE(builds_message("{ message: 'No signature found.' }", {"No signature found."}));  // an object, not a message
  CHECK_FALSE(builds_message("x", {}));
}

TEST_CASE("error types and Go's error makers make errors; other calls do not") {
  CHECK(makes_error("StripeSignatureVerificationError"));
  CHECK(makes_error("Error_js_1.StripeSignatureVerificationError"));
  CHECK(makes_error("IllegalStateException"));
  CHECK(makes_error("errors.New"));
  CHECK(makes_error("fmt.Errorf"));
  CHECK_FALSE(makes_error("reportError"));
  CHECK_FALSE(makes_error("logger.error"));
  CHECK_FALSE(makes_error("Sentry.captureException"));
  CHECK_FALSE(makes_error("fetch"));
}
