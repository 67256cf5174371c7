#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/core/aliases.h"

using namespace ps;

namespace {

Fact import_fact(std::string path, std::string name, std::string imported = {}) {
  Fact f;
  f.kind = FactKind::Import;
  f.path = std::move(path);
  f.name = std::move(name);
  f.imported = std::move(imported);
  return f;
}

Fact bind_fact(std::string name, std::string value_text, std::vector<std::string> names = {}) {
  Fact f;
  f.kind = FactKind::Bind;
  f.name = std::move(name);
  Expr e;
  e.text = std::move(value_text);
  e.names = std::move(names);
  f.args.push_back(std::move(e));
  return f;
}

Fact declared_fact(std::string name, std::string type) {
  Fact f;
  f.kind = FactKind::Bind;
  f.name = std::move(name);
  f.type = std::move(type);
  return f;
}

std::string first_of(const std::string& p) { return p.substr(0, p.find('.')); }
std::string last_of(const std::string& p) { return p.substr(p.rfind('.') == std::string::npos ? 0 : p.rfind('.') + 1); }

}  // namespace

TEST_CASE("imports and calls bound to names resolve in both spellings") {
  Aliases a;
  a.import(import_fact("mixpanel-browser", "mp"));
  a.bind(bind_fact("client", "new OpenAI({apiKey})"));
  a.import(import_fact("github.com/stripe/stripe-go/v82", "stripe"));
  CHECK(a.resolve("mp.track") == "mixpanel-browser.track");
  CHECK(a.resolve("mp.track", Aliases::Form::Local) == "mp.track");
  CHECK(a.resolve("client.chat.completions.create") == "OpenAI.chat.completions.create");
  CHECK(a.resolve("stripe.NewClient") == "github.com/stripe/stripe-go.NewClient");
  CHECK(a.spellings("mp.track") == std::vector<std::string>{"mp.track", "mixpanel-browser.track"});
  CHECK(a.spellings("other.track") == std::vector<std::string>{"other.track"});
  CHECK(a.aliased("client.x"));
  CHECK_FALSE(a.aliased("clients.x"));
  // Rebinding to something that is not a call drops the alias.
  a.bind(bind_fact("client", "null"));
  CHECK(a.resolve("client.chat") == "client.chat");
}

TEST_CASE("a Go module's major version is dropped, at the end or before a package") {
  CHECK(strip_go_version("github.com/stripe/stripe-go/v82") == "github.com/stripe/stripe-go");
  CHECK(strip_go_version("github.com/stripe/stripe-go/v76/client") == "github.com/stripe/stripe-go/client");
  CHECK(strip_go_version("github.com/jackc/pgx/v5/pgxpool") == "github.com/jackc/pgx/pgxpool");
  CHECK(strip_go_version("k8s.io/api/core/v1") == "k8s.io/api/core");
  // Not a version: letters after the digits, a bare "/v", a path without a domain.
  CHECK(strip_go_version("github.com/x/v2beta/y") == "github.com/x/v2beta/y");
  CHECK(strip_go_version("github.com/x/v/y") == "github.com/x/v/y");
  CHECK(strip_go_version("some-pkg/v2/esm") == "some-pkg/v2/esm");
  CHECK(strip_go_version("some-pkg/v2") == "some-pkg");
  Aliases a;
  a.import(import_fact("github.com/stripe/stripe-go/v76/client", "client"));
  CHECK(a.resolve("client.API") == "github.com/stripe/stripe-go/client.API");
}

TEST_CASE("an alias expands once, and destructured names stand for the member") {
  Aliases a;
  a.import(import_fact("honeybadger", "honeybadger", "honeybadger"));
  CHECK(a.resolve("honeybadger.notify") == "honeybadger.honeybadger.notify");
  a.bind(bind_fact("trackPageview", "trackPageview", {"Plausible.trackPageview"}));
  CHECK(a.resolve("trackPageview") == "Plausible.trackPageview");
}

TEST_CASE("declared types alias names and this/self fields; copies of an alias keep it") {
  Aliases a;
  a.import(import_fact("openai", "OpenAI"));
  a.bind(declared_fact("this.openai", "OpenAI"));  // constructor(private openai: OpenAI)
  a.bind(declared_fact("claude", "anthropic.Anthropic"));
  CHECK(alias_head("this.openai.chat.create") == "this.openai");
  CHECK(alias_head("self.client") == "self.client");
  CHECK(alias_head("this") == "this");
  CHECK(alias_head("openai.chat") == "openai");
  CHECK(a.resolve("this.openai.chat.completions.create") == "openai.chat.completions.create");
  CHECK(a.resolve("this.openai.chat.completions.create", Aliases::Form::Local) == "OpenAI.chat.completions.create");
  CHECK(a.resolve("this.other.chat") == "this.other.chat");
  CHECK(a.resolve("claude.messages.create") == "anthropic.Anthropic.messages.create");
  CHECK(a.aliased("this.openai.x"));
  CHECK_FALSE(a.aliased("this.x"));
  // A name assigned another alias is that alias; a member read of one is not.
  a.bind(bind_fact("_claude", "claude", {"claude"}));
  CHECK(a.resolve("_claude.messages.create") == "anthropic.Anthropic.messages.create");
  a.bind(bind_fact("m", "claude.messages", {"claude.messages"}));
  CHECK(a.resolve("m.create") == "m.create");
  // A type that starts with this/self is no type.
  a.bind(declared_fact("x", "this.factory"));
  CHECK_FALSE(a.aliased("x.y"));
}

TEST_CASE("a Go receiver's declared members resolve two segments at a time, and its own aliases still do") {
  Aliases a;
  a.import(import_fact("github.com/openai/openai-go", "openai"));
  a.bind(bind_fact("c", "openai.NewClient()"));     // c is also an ordinary alias
  a.bind(declared_fact("c.gpt", "openai.Client"));  // c is a receiver too
  CHECK(a.resolve("c.gpt.Chat.Completions.New") == "github.com/openai/openai-go.Client.Chat.Completions.New");
  CHECK(a.resolve("c.Chat.Completions.New") == "github.com/openai/openai-go.NewClient.Chat.Completions.New");
  CHECK(a.resolve("c.gpt.Chat", Aliases::Form::Local) == "openai.Client.Chat");
  // A receiver named like an alias's one-segment target: only resolve() can tell the ends.
  a.bind(bind_fact("x", "mk()"));                   // x -> mk
  a.bind(declared_fact("mk.field", "openai.Client"));
  CHECK(a.resolve("x.field.Chat") == "github.com/openai/openai-go.Client.Chat");
  CHECK_FALSE(a.resolved_ends("x.field.Chat", Aliases::Form::Full));
  auto ends = a.resolved_ends("c.gpt.Chat", Aliases::Form::Full);
  REQUIRE(ends);
  CHECK(ends->first == "github");
  CHECK(ends->second == "Chat");
  PathIndex patterns;
  patterns.add("github.com/openai/openai-go.Client.Chat", 0);
  CHECK(a.match(patterns, "x.field.Chat"));
}

TEST_CASE("resolved_ends are the ends of resolve") {
  Aliases a;
  a.import(import_fact("@sentry/node", "Sentry"));
  a.import(import_fact("x", "t", "track"));        // t -> x.track
  a.bind(bind_fact("n", "t()"));                   // n -> x.track
  a.bind(bind_fact("e", "n()"));                   // e -> x.track (resolved when bound)
  a.import(import_fact("honeybadger", "honeybadger", "honeybadger"));
  a.bind(bind_fact("u", "u()"));                   // a self-alias
  a.bind(declared_fact("this.s", "Sentry"));       // a field: two segments stand for it
  a.bind(declared_fact("self.n", "n"));            // -> x.track
  for (std::string p : {"Sentry.init", "t", "n", "e", "e.send", "honeybadger", "honeybadger.notify", "u", "u.x", "plain", "a.b.c",
                        "this.s", "this.s.init", "self.n", "self.n.x", "this", "this.t"})
    for (auto form : {Aliases::Form::Full, Aliases::Form::Local}) {
      std::string r = a.resolve(p, form);
      auto ends = a.resolved_ends(p, form);
      CAPTURE(p);
      CAPTURE(r);
      REQUIRE(ends);
      CHECK(ends->first == first_of(r));
      CHECK(ends->second == last_of(r));
    }
}

TEST_CASE("match looks a path up as written and in each resolved spelling") {
  Aliases a;
  a.import(import_fact("mixpanel-browser", "mp"));
  PathIndex idx;
  idx.add("mixpanel-browser.track", 1);
  idx.add("*.track", 2);
  idx.add("mp.identify", 3);
  std::vector<std::uint32_t> hits;
  a.match(idx, "mp.track", &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  CHECK(hits == std::vector<std::uint32_t>{1, 2});
  CHECK(a.match(idx, "mp.identify"));     // as written (the local form)
  CHECK(a.match(idx, "mp.track"));        // resolved
  CHECK_FALSE(a.match(idx, "mp.people"));  // no spelling matches
  CHECK_FALSE(a.match(idx, "other.identify"));
}
