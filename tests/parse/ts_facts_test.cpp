#include "tests/parse/parse_helpers.h"

#include <tuple>
#include <vector>

using namespace ps;
using namespace ps::test;

TEST_CASE("javascript: imports with aliases, calls with names, keys and strings, assignments, destructuring") {
  auto p = parse_snippet(Language::JavaScript, "a.js", R"(import mp, { track as t } from 'mixpanel-browser';
import * as Sentry from '@sentry/browser';
const axios = require('axios');
const { getToken } = require('firebase/messaging');
mp.track('signup', { email: user.email, plan });
document.cookie = `sid=${id}`;
const { phone, address: addr } = profile;
new Stripe(key);
)");
  INFO(dump(p));
  CHECK(p.syntax_errors == 0);
  const Fact* imp = find_fact(p, FactKind::Import, "mixpanel-browser");
  REQUIRE(imp);
  CHECK(imp->name == "mp");
  bool named = std::any_of(p.facts.facts.begin(), p.facts.facts.end(),
                           [](const Fact& f) { return f.kind == FactKind::Import && f.name == "t" && f.imported == "track"; });
  CHECK(named);
  CHECK(std::any_of(p.facts.facts.begin(), p.facts.facts.end(),
                    [](const Fact& f) { return f.kind == FactKind::Import && f.path == "@sentry/browser" && f.name == "Sentry"; }));
  CHECK(std::any_of(p.facts.facts.begin(), p.facts.facts.end(),
                    [](const Fact& f) { return f.kind == FactKind::Import && f.path == "axios" && f.name == "axios"; }));
  CHECK(std::any_of(p.facts.facts.begin(), p.facts.facts.end(), [](const Fact& f) {
    return f.kind == FactKind::Import && f.path == "firebase/messaging" && f.name == "getToken" && f.imported == "getToken";
  }));
  const Fact* call = find_fact(p, FactKind::Call, "mp.track");
  REQUIRE(call);
  REQUIRE(call->args.size() == 2);
  CHECK(call->args[0].strings == std::vector<std::string>{"signup"});
  CHECK(has(call->args[1].names, "user.email"));
  CHECK(has(call->args[1].names, "plan"));
  REQUIRE(call->args[1].fields.size() == 2);
  CHECK(call->args[1].fields[0].key == "email");
  CHECK(call->args[1].fields[0].value == "user.email");
  CHECK(call->loc.line == 5);
  CHECK(call->loc.column == 1);
  const Fact* cookie = find_fact(p, FactKind::Assign, "document.cookie");
  REQUIRE(cookie);
  CHECK(has(cookie->args[0].names, "id"));
  const Fact* phone = find_fact(p, FactKind::Bind, "phone");
  REQUIRE(phone);
  CHECK(phone->args[0].names == std::vector<std::string>{"profile.phone"});
  const Fact* addr = find_fact(p, FactKind::Bind, "addr");
  REQUIRE(addr);
  CHECK(addr->args[0].names == std::vector<std::string>{"profile.address"});
  const Fact* ctor = find_fact(p, FactKind::Call, "Stripe");
  REQUIRE(ctor);
  CHECK(ctor->is_new);
  CHECK(find_fact(p, FactKind::String, "signup"));
}

TEST_CASE("a call on an object made in place has the constructor's path") {
  auto js = parse_snippet(Language::JavaScript, "a.js", "new OpenAI().chat.completions.create({ messages });\n");
  INFO(dump(js));
  CHECK(find_fact(js, FactKind::Call, "OpenAI.chat.completions.create"));
  auto java = parse_snippet(Language::Java, "A.java",
                            "class A { void f(String email) { new UserData().setEmail(email); } }\n");
  INFO(dump(java));
  CHECK(find_fact(java, FactKind::Call, "UserData.setEmail"));
}

TEST_CASE("typescript and tsx: class fields, interface properties, optional chaining, JSX attributes") {
  auto ts = parse_snippet(Language::TypeScript, "a.ts", R"(interface User { email: string; phone?: string }
class Repo { private token: string = ''; save(u: User) { this.client?.users.create({ data: { email: u.email } }); } }
)");
  INFO(dump(ts));
  CHECK(find_fact(ts, FactKind::Field, "email"));
  CHECK(find_fact(ts, FactKind::Field, "token"));
  const Fact* c = find_fact(ts, FactKind::Call, "this.client.users.create");
  REQUIRE(c);
  CHECK(has(c->args[0].names, "u.email"));
  auto tsx = parse_snippet(Language::Tsx, "a.tsx", R"(export const F = () => <input type="email" name="email" onChange={e => setEmail(e.target.value)} />;
)");
  INFO(dump(tsx));
  CHECK(tsx.syntax_errors == 0);
  CHECK(find_fact(tsx, FactKind::Call, "setEmail"));
  CHECK(find_fact(tsx, FactKind::String, "email"));
}

TEST_CASE("python: imports, aliased calls, keyword arguments, class attributes, f-strings") {
  auto p = parse_snippet(Language::Python, "a.py", R"(import stripe
import segment.analytics as analytics
from openai import OpenAI as Client
from django.db import models

class Profile(models.Model):
    email = models.EmailField(max_length=200)

client = Client()
analytics.track(user_id, "Signed Up", {"email": user.email})
response.set_cookie("sid", value=token, max_age=3600)
logger.info(f"hello {user.phone_number}")
)");
  INFO(dump(p));
  CHECK(p.syntax_errors == 0);
  const Fact* st = find_fact(p, FactKind::Import, "stripe");
  REQUIRE(st);
  CHECK(st->name == "stripe");
  const Fact* seg = find_fact(p, FactKind::Import, "segment.analytics");
  REQUIRE(seg);
  CHECK(seg->name == "analytics");
  CHECK(std::any_of(p.facts.facts.begin(), p.facts.facts.end(), [](const Fact& f) {
    return f.kind == FactKind::Import && f.path == "openai" && f.name == "Client" && f.imported == "OpenAI";
  }));
  const Fact* field = find_fact(p, FactKind::Field, "email");
  REQUIRE(field);
  CHECK(field->path == "models.EmailField");
  const Fact* bind = find_fact(p, FactKind::Bind, "client");
  REQUIRE(bind);
  CHECK(bind->args[0].text == "Client()");
  const Fact* cookie = find_fact(p, FactKind::Call, "response.set_cookie");
  REQUIRE(cookie);
  REQUIRE(cookie->args.size() == 3);
  REQUIRE(cookie->args[2].fields.size() == 1);
  CHECK(cookie->args[2].fields[0].key == "max_age");
  CHECK(cookie->args[2].fields[0].value == "3600");
  const Fact* log = find_fact(p, FactKind::Call, "logger.info");
  REQUIRE(log);
  CHECK(has(log->args[0].names, "user.phone_number"));
  const Fact* track = find_fact(p, FactKind::Call, "analytics.track");
  REQUIRE(track);
  CHECK(has(track->args[2].names, "user.email"));
}

// The walk stops only at nodes with a role: the class a node was last seen
// in at some depth may have ended before it (an `if` block after a class).
TEST_CASE("a variable after a class body is no class attribute or property") {
  for (auto [lang, name, text] : std::vector<std::tuple<Language, std::string, std::string>>{
           {Language::Python, "a.py", "class A:\n    email = models.EmailField()\nif ready:\n    phone = get_phone()\n"},
           {Language::Kotlin, "A.kt", "class A {\n  val email = Email()\n}\nfun f() {\n  val phone = getPhone()\n}\n"},
           {Language::Swift, "A.swift", "class A {\n  var email = Email()\n}\nfunc f() {\n  var phone = getPhone()\n}\n"}}) {
    auto p = parse_snippet(lang, name, text);
    INFO(dump(p));
    CHECK(find_fact(p, FactKind::Field, "email"));
    CHECK_FALSE(find_fact(p, FactKind::Field, "phone"));
    CHECK(find_fact(p, FactKind::Bind, "phone"));
  }
}

TEST_CASE("go: aliased and versioned imports, selector calls, composite literal fields, struct fields") {
  auto p = parse_snippet(Language::Go, "a.go", R"(package a
import (
	"net/http"
	st "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/customer"
	"github.com/posthog/posthog-go"
	"github.com/sashabaranov/go-openai"
	"gopkg.in/yaml.v3"
	"github.com/getsentry/sentry-go/v2"
)
type User struct { Email string }
func f(w http.ResponseWriter, u User) {
	http.SetCookie(w, &http.Cookie{Name: "s", MaxAge: 86400})
	c, _ := customer.New(&st.CustomerParams{Email: st.String(u.Email)})
	_ = c
}
)");
  INFO(dump(p));
  CHECK(p.syntax_errors == 0);
  CHECK(find_fact(p, FactKind::Import, "net/http")->name == "http");
  CHECK(find_fact(p, FactKind::Import, "github.com/stripe/stripe-go/v76")->name == "st");
  CHECK(find_fact(p, FactKind::Import, "github.com/stripe/stripe-go/v76/customer")->name == "customer");
  // Unaliased imports bind the name Go's tools assume for the package.
  CHECK(find_fact(p, FactKind::Import, "github.com/posthog/posthog-go")->name == "posthog");
  CHECK(find_fact(p, FactKind::Import, "github.com/sashabaranov/go-openai")->name == "openai");
  CHECK(find_fact(p, FactKind::Import, "gopkg.in/yaml.v3")->name == "yaml");
  CHECK(find_fact(p, FactKind::Import, "github.com/getsentry/sentry-go/v2")->name == "sentry");
  CHECK(find_fact(p, FactKind::Field, "Email"));
  const Fact* sc = find_fact(p, FactKind::Call, "http.SetCookie");
  REQUIRE(sc);
  REQUIRE(sc->args.size() == 2);
  bool max_age = std::any_of(sc->args[1].fields.begin(), sc->args[1].fields.end(),
                             [](const Field& f) { return f.key == "MaxAge" && f.value == "86400"; });
  CHECK(max_age);
  CHECK(find_fact(p, FactKind::Call, "customer.New"));
  CHECK(find_fact(p, FactKind::Bind, "c"));
}

TEST_CASE("java and kotlin: imports, method invocations, constructors, fields, named arguments") {
  auto j = parse_snippet(Language::Java, "A.java", R"(import com.mixpanel.mixpanelapi.MixpanelAPI;
class A {
  private String email;
  void f(User user) {
    MixpanelAPI mp = new MixpanelAPI();
    mp.deliver(messages.event(user.getId(), "Signup", props));
    log.info("signup {}", user.getEmail());
  }
}
)");
  INFO(dump(j));
  CHECK(j.syntax_errors == 0);
  CHECK(find_fact(j, FactKind::Import, "com.mixpanel.mixpanelapi.MixpanelAPI")->name == "MixpanelAPI");
  CHECK(find_fact(j, FactKind::Field, "email"));
  CHECK(find_fact(j, FactKind::Call, "MixpanelAPI")->is_new);
  CHECK(find_fact(j, FactKind::Call, "mp.deliver"));
  const Fact* log = find_fact(j, FactKind::Call, "log.info");
  REQUIRE(log);
  CHECK(has(log->args[1].names, "user.getEmail"));
  CHECK(find_fact(j, FactKind::Bind, "mp"));

  auto k = parse_snippet(Language::Kotlin, "A.kt", R"(import com.amplitude.android.Amplitude as Amp
class Repo { val email: String = "" }
fun f(ctx: Context, user: User) {
    val prefs = ctx.getSharedPreferences("app", 0)
    prefs.edit().putString("email", user.email).apply()
    track(eventType = "Signup", userId = user.id)
}
)");
  INFO(dump(k));
  CHECK(k.syntax_errors == 0);
  CHECK(find_fact(k, FactKind::Import, "com.amplitude.android.Amplitude")->name == "Amp");
  CHECK(find_fact(k, FactKind::Field, "email"));
  const Fact* put = find_fact(k, FactKind::Call, "prefs.edit.putString");
  REQUIRE(put);
  CHECK(has(put->args[1].names, "user.email"));
  const Fact* tr = find_fact(k, FactKind::Call, "track");
  REQUIRE(tr);
  REQUIRE(tr->args.size() == 2);
  REQUIRE(!tr->args[1].fields.empty());
  CHECK(tr->args[1].fields[0].key == "userId");
}

TEST_CASE("swift, ruby, php and c#: the same facts from their own syntax") {
  auto s = parse_snippet(Language::Swift, "a.swift", R"(import FirebaseAnalytics
func f(email: String) {
    UserDefaults.standard.set(email, forKey: "email")
    Analytics.logEvent("login", parameters: ["method": m])
}
)");
  INFO(dump(s));
  CHECK(find_fact(s, FactKind::Import, "FirebaseAnalytics"));
  const Fact* ud = find_fact(s, FactKind::Call, "UserDefaults.standard.set");
  REQUIRE(ud);
  REQUIRE(ud->args.size() == 2);
  CHECK(ud->args[1].fields[0].key == "forKey");

  auto r = parse_snippet(Language::Ruby, "a.rb", R"(require 'stripe'
class U
  attr_accessor :email
end
Stripe::Customer.create(email: user.email)
cookies.signed[:user_id] = user.id
Rails.logger.info "hi #{user.phone}"
)");
  INFO(dump(r));
  CHECK(find_fact(r, FactKind::Import, "stripe"));
  CHECK(find_fact(r, FactKind::Field, "email"));
  const Fact* cc = find_fact(r, FactKind::Call, "Stripe.Customer.create");
  REQUIRE(cc);
  CHECK(cc->args[0].fields[0].key == "email");
  CHECK(find_fact(r, FactKind::Assign, "cookies.signed"));
  const Fact* rl = find_fact(r, FactKind::Call, "Rails.logger.info");
  REQUIRE(rl);
  CHECK(has(rl->args[0].names, "user.phone"));

  auto php = parse_snippet(Language::Php, "a.php", R"(<?php
use Stripe\StripeClient as SC;
class U { private $email; }
$client = new SC($key);
$client->customers->create(['email' => $user->email]);
setcookie('sid', $v, time() + 3600);
$_SESSION['uid'] = $id;
)");
  INFO(dump(php));
  CHECK(php.syntax_errors == 0);
  CHECK(find_fact(php, FactKind::Import, "Stripe.StripeClient")->name == "SC");
  CHECK(find_fact(php, FactKind::Field, "$email"));
  const Fact* pc = find_fact(php, FactKind::Call, "$client.customers.create");
  REQUIRE(pc);
  CHECK(pc->args[0].fields[0].key == "email");
  CHECK(find_fact(php, FactKind::Call, "setcookie"));
  CHECK(find_fact(php, FactKind::Assign, "$_SESSION"));

  auto cs = parse_snippet(Language::CSharp, "a.cs", R"(using Segment;
class A {
  public string Email { get; set; }
  void F() {
    Analytics.Client.Track(userId, "Signup", new Properties { Email = user.Email });
    response.Cookies.Append("a", t, new CookieOptions { MaxAge = TimeSpan.FromDays(7) });
  }
}
)");
  INFO(dump(cs));
  CHECK(cs.syntax_errors == 0);
  CHECK(find_fact(cs, FactKind::Import, "Segment"));
  CHECK(find_fact(cs, FactKind::Field, "Email"));
  const Fact* ca = find_fact(cs, FactKind::Call, "response.Cookies.Append");
  REQUIRE(ca);
  REQUIRE(ca->args.size() == 3);
  REQUIRE(!ca->args[2].fields.empty());
  CHECK(ca->args[2].fields[0].key == "MaxAge");
  CHECK(ca->args[2].fields[0].value == "TimeSpan.FromDays(7)");
}

TEST_CASE("c#: a target-typed new() makes its declared type") {
  auto cs = parse_snippet(Language::CSharp, "a.cs", R"(class A {
  private readonly ChatClient _chat = new("gpt-4o", key);
  public List<string> Names { get; } = new();
  void F() {
    OpenAI.Chat.ChatClient local = new(model: "gpt-4o", apiKey: key);
    Send(new());
  }
}
)");
  INFO(dump(cs));
  CHECK(cs.syntax_errors == 0);
  const Fact* field_bind = find_fact(cs, FactKind::Bind, "_chat");
  REQUIRE(field_bind);
  CHECK(field_bind->args[0].text == "new ChatClient(\"gpt-4o\", key)");
  const Fact* local_bind = find_fact(cs, FactKind::Bind, "local");
  REQUIRE(local_bind);
  CHECK(local_bind->args[0].text == "new OpenAI.Chat.ChatClient(model: \"gpt-4o\", apiKey: key)");
  const Fact* made = find_fact(cs, FactKind::Call, "OpenAI.Chat.ChatClient");
  REQUIRE(made);
  CHECK(made->is_new);
  CHECK(made->loc.line == 5);
  CHECK(find_fact(cs, FactKind::Call, "ChatClient"));
  const Fact* names = find_fact(cs, FactKind::Field, "Names");
  REQUIRE(names);
  CHECK(names->path == "List");  // the declared type, as before
  // An argument's new() has no declared type: no call fact, as before.
  int calls = 0;
  for (const auto& f : cs.facts.facts) calls += f.kind == FactKind::Call;
  CHECK(calls == 3);  // the two typed new()s and Send
}

TEST_CASE("declared types of parameters and fields, and fields a constructor assigns, bind their names") {
  auto ts = parse_snippet(Language::TypeScript, "a.ts", R"(import OpenAI from 'openai';
import { Logger } from './logger';
class S {
  private readonly titles = new OpenAI();
  private other: OpenAI | null;
  private injected: OpenAI = inject(OpenAI);
  private looked = inject(OpenAI);
  constructor(private readonly oa: OpenAI, plain: string, c: OpenAI) { this.c = c; this.made = new OpenAI(); }
}
function f(x: OpenAI, y: Local, z: OpenAI[], w: string) {}
interface I { m(p: OpenAI): void; q: OpenAI }
)");
  INFO(dump(ts));
  CHECK(declared_type(ts, "this.titles") == "OpenAI");
  CHECK(declared_type(ts, "this.oa") == "OpenAI");  // a parameter property is a field too
  CHECK(declared_type(ts, "oa") == "OpenAI");
  CHECK(declared_type(ts, "c") == "OpenAI");
  CHECK(declared_type(ts, "this.c") == "c");  // the parameter's alias, resolved by the aliases
  CHECK(declared_type(ts, "this.made") == "OpenAI");
  CHECK(declared_type(ts, "this.injected") == "OpenAI");  // a lookup: the declared type, not the callee
  CHECK(declared_type(ts, "this.looked") == "OpenAI");    // or, without one, what it looks up
  CHECK(declared_type(ts, "x") == "OpenAI");
  CHECK(declared_type(ts, "this.other").empty());  // a union
  CHECK(declared_type(ts, "plain").empty());       // a primitive
  CHECK(declared_type(ts, "y").empty());           // not imported
  CHECK(declared_type(ts, "z").empty());           // an array
  CHECK(declared_type(ts, "this.q").empty());      // an interface's property

  auto java = parse_snippet(Language::Java, "A.java", R"(import com.openai.client.OpenAIClient;
class A {
  private final OpenAIClient client;
  private final String name;
  private final Local local;
  A(OpenAIClient c, int n) { this.client = c; }
}
)");
  INFO(dump(java));
  CHECK(declared_type(java, "client") == "OpenAIClient");
  CHECK(declared_type(java, "this.client") == "OpenAIClient");
  CHECK(declared_type(java, "c") == "OpenAIClient");
  CHECK(declared_type(java, "name").empty());
  CHECK(declared_type(java, "local").empty());
  CHECK(declared_type(java, "n").empty());
  auto locals = parse_snippet(Language::Java, "L.java", R"(import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
class L {
  void f(Context ctx) {
    OpenAIClient looked = ctx.getBean(OpenAIClient.class);
    OpenAIClient made = OpenAIOkHttpClient.fromEnv();
    OpenAIClient copied = looked;
    var untyped = ctx.getBean(OpenAIClient.class);
    var unknown = ctx.getBean(Local.class);
    this.field = ctx.getBean(OpenAIClient.class);
  }
}
)");
  INFO(dump(locals));
  CHECK(declared_type(locals, "looked") == "OpenAIClient");  // a value the aliases cannot read
  CHECK(declared_type(locals, "made").empty());              // a factory: its callee is the alias
  CHECK(declared_type(locals, "copied").empty());            // a name: its alias is copied
  CHECK(declared_type(locals, "untyped") == "OpenAIClient");  // the lookup names the type
  CHECK(declared_type(locals, "unknown").empty());             // not an imported one
  CHECK(declared_type(locals, "this.field") == "OpenAIClient");

  auto kt = parse_snippet(Language::Kotlin, "A.kt", R"(import com.openai.client.OpenAIClient
class A(private val openai: OpenAIClient) {
  fun f(c: OpenAIClient?, s: String) {}
}
)");
  INFO(dump(kt));
  CHECK(declared_type(kt, "openai") == "OpenAIClient");
  CHECK(declared_type(kt, "this.openai") == "OpenAIClient");
  CHECK(declared_type(kt, "c") == "OpenAIClient");
  CHECK(declared_type(kt, "s").empty());

  auto py = parse_snippet(Language::Python, "a.py", R"(from openai import OpenAI
import anthropic
class A:
    client = OpenAI()
    def __init__(self, c: anthropic.Anthropic, n: int = 0):
        self.made = OpenAI()
        self.copy = c
)");
  INFO(dump(py));
  CHECK(declared_type(py, "self.client") == "OpenAI");
  CHECK(declared_type(py, "c") == "anthropic.Anthropic");
  CHECK(declared_type(py, "n").empty());
  CHECK(declared_type(py, "self.made") == "OpenAI");
  CHECK(declared_type(py, "self.copy") == "c");

  auto go = parse_snippet(Language::Go, "a.go", R"(package a
import "github.com/openai/openai-go"
type Server struct {
  gpt, backup *openai.Client
  name string
}
func (s *Server) F(a, b *openai.Client, n int) {}
func (o Other) G() {}
)");
  INFO(dump(go));
  CHECK(declared_type(go, "s.gpt") == "openai.Client");  // the struct's fields, through the receiver
  CHECK(declared_type(go, "s.backup") == "openai.Client");
  CHECK(declared_type(go, "s.name").empty());
  CHECK(declared_type(go, "a") == "openai.Client");
  CHECK(declared_type(go, "b") == "openai.Client");
  CHECK(declared_type(go, "s").empty());  // the package's own type
  CHECK(declared_type(go, "n").empty());

  auto cs = parse_snippet(Language::CSharp, "a.cs", R"(using OpenAI.Chat;
class A {
  private readonly ChatClient _chat;
  public A(ChatClient chat, string s) { _chat = chat; }
}
)");
  INFO(dump(cs));
  CHECK(declared_type(cs, "_chat") == "ChatClient");
  CHECK(declared_type(cs, "this._chat") == "ChatClient");
  CHECK(declared_type(cs, "chat") == "ChatClient");
  CHECK(declared_type(cs, "s").empty());

  auto php = parse_snippet(Language::Php, "a.php", R"(<?php
use OpenAI\Client;
class A {
  public function __construct(private ?Client $gpt, string $s, Local $l) {}
  public function f(Client $c) {}
}
)");
  INFO(dump(php));
  CHECK(declared_type(php, "$gpt") == "Client");
  CHECK(declared_type(php, "$this.gpt") == "Client");  // a promoted parameter is a property
  CHECK(declared_type(php, "$c") == "Client");
  CHECK(declared_type(php, "$this.c").empty());
  CHECK(declared_type(php, "$s").empty());
  CHECK(declared_type(php, "$l").empty());

  auto swift = parse_snippet(Language::Swift, "a.swift", R"(import OpenAI
final class A {
  private let gpt: OpenAI
  init(client: OpenAI, count: Int, name: lowercase) { self.gpt = client }
}
)");
  INFO(dump(swift));
  CHECK(declared_type(swift, "gpt") == "OpenAI");
  CHECK(declared_type(swift, "self.gpt") == "OpenAI");
  CHECK(declared_type(swift, "client") == "OpenAI");
  CHECK(declared_type(swift, "count") == "Int");  // Swift's imports name modules: any capitalised type counts
  CHECK(declared_type(swift, "name").empty());
}

TEST_CASE("ruby: calls without parentheses bind like calls with them; attribute reads do not") {
  auto rb = parse_snippet(Language::Ruby, "a.rb", R"(def f(user)
  store = Aws::S3::Client.new
  chat = OpenAI::Client.new access_token: key
  kept = Stripe::StripeClient.new(key)
  email = user.email
end
)");
  INFO(dump(rb));
  CHECK(rb.syntax_errors == 0);
  auto bound = [&](const std::string& name) {
    const Fact* f = find_fact(rb, FactKind::Bind, name);
    return f && !f->args.empty() ? f->args[0].text : std::string("?");
  };
  CHECK(bound("store") == "Aws.S3.Client.new()");
  CHECK(bound("chat") == "OpenAI.Client.new(access_token: key)");
  CHECK(bound("kept") == "Stripe::StripeClient.new(key)");  // written with parentheses: as written
  CHECK(bound("email") == "user.email");
  CHECK(find_fact(rb, FactKind::Call, "Aws.S3.Client.new"));  // `new` is a call even without arguments
  CHECK_FALSE(find_fact(rb, FactKind::Call, "user.email"));
}

TEST_CASE("a file with syntax errors still yields the facts of what parses") {
  auto p = parse_snippet(Language::JavaScript, "bad.js", "analytics.track('a', {email});\nfunction (((( {\nconsole.log(user.email);\n");
  CHECK(p.syntax_errors > 0);
  CHECK(p.parsed);
  REQUIRE(!p.diags.empty());
  CHECK(p.diags[0].code == "syntax-error");
  CHECK(p.diags[0].line >= 1);
  CHECK(find_fact(p, FactKind::Call, "analytics.track"));
}

TEST_CASE("deep nesting does not exhaust the stack") {
  std::string deep = "x = " + std::string(100000, '[') + std::string(100000, ']') + ";\nconsole.log(user.email);\n";
  auto p = parse_snippet(Language::JavaScript, "deep.js", deep);
  CHECK(p.parsed);
  std::string calls = "f(" + std::string(20000, '(') + "a" + std::string(20000, ')') + ");\n";
  auto q = parse_snippet(Language::Python, "deep.py", calls);
  CHECK(q.parsed);
}

TEST_CASE("binary and invalid UTF-8 input is reported, never parsed blindly") {
  Parsers parsers(ParseOptions{});
  auto bin = parsers.parse_text(SourceFile{"b.js", "b.js", Language::JavaScript, 5}, std::string("ab\0cd", 5));
  CHECK_FALSE(bin.parsed);
  REQUIRE(bin.diags.size() == 1);
  CHECK(bin.diags[0].code == "binary");
  auto bad = parsers.parse_text(SourceFile{"u.js", "u.js", Language::JavaScript, 0}, "const a = 'caf\xE9';\nconsole.log(user.email);\n");
  CHECK(bad.parsed);
  REQUIRE(!bad.diags.empty());
  CHECK(bad.diags[0].code == "invalid-utf8");
  CHECK(bad.diags[0].line == 1);
  CHECK(bad.diags[0].column == 15);
  CHECK(find_fact(bad, FactKind::Call, "console.log"));
}

TEST_CASE("a declaration without a value (found by fuzzing) yields no crash") {
  // Java's `String id(` turned into a declarator without a value once broken up.
  auto p = parse_snippet(Language::Java, "A.java", "import android.provider.Settings;\n\nc$ass Ids {\n    String id(android.content.Co");
  CHECK(p.parsed);
  auto q = parse_snippet(Language::JavaScript, "a.js", "let a, b = ;\nvar c;\nconst {d} = ;\n");
  CHECK(q.parsed);
}

// With an interest (scanner/core/fact_interest.h), a bound value nothing in
// the walk needs is deferred; deferred_value() then makes the summary the
// eager walk makes.
TEST_CASE("bound values are deferred unless something needs them, and summarised on demand as eagerly") {
  const std::string text = R"(const profile = { email: user.email, plan: "pro" };
const endpoint = "https://api.example.com/v1";
const ip = req.ip;
const SESSION_COOKIE_AGE = 3600;
const send = () => track(profile);
analytics.track("signup", profile);
)";
  auto interest = std::make_shared<FactInterest>();
  auto& js = interest->by_language[static_cast<std::size_t>(Language::JavaScript)];
  js.calls.add("analytics.track", 0);
  js.reads.add("req.ip", 1);
  js.binds.insert("SESSION_COOKIE_AGE");
  SourceFile sf{"a.js", "a.js", Language::JavaScript, text.size()};
  ParseOptions lazy_opts;
  lazy_opts.interest = interest;
  ParsedFile lazy = Parsers(lazy_opts).parse_text(sf, text);
  ParsedFile eager = Parsers(ParseOptions{}).parse_text(sf, text);
  INFO(dump(lazy));
  REQUIRE(lazy.facts.facts.size() == eager.facts.facts.size());
  CHECK(eager.deferred.empty());

  auto bind_index = [&](const std::string& name) {
    for (std::uint32_t i = 0; i < lazy.facts.facts.size(); ++i)
      if (lazy.facts.facts[i].kind == FactKind::Bind && lazy.facts.facts[i].name == name) return i;
    FAIL("no bind of " << name);
    return 0u;
  };
  // Only `profile` is deferred: a URL, a reads rule's name, a binds rule's
  // variable and a function each need their value now.
  REQUIRE(lazy.deferred.size() == 1);
  std::uint32_t profile = bind_index("profile");
  CHECK(lazy.deferred[0].fact == profile);
  const Expr& kept = lazy.facts.facts[profile].args.at(0);
  CHECK(kept.text == R"({ email: user.email, plan: "pro" })");  // what the aliases read
  CHECK(kept.names.empty());
  for (const char* name : {"endpoint", "ip", "SESSION_COOKIE_AGE", "send"}) {
    CAPTURE(name);
    CHECK_FALSE(deferred_value(lazy, bind_index(name)).has_value());
  }
  CHECK(lazy.facts.facts[bind_index("endpoint")].args.at(0).strings == std::vector<std::string>{"https://api.example.com/v1"});
  CHECK(has(lazy.facts.facts[bind_index("ip")].args.at(0).names, "req.ip"));

  auto made = deferred_value(lazy, profile);
  REQUIRE(made.has_value());
  const Expr& want = eager.facts.facts[profile].args.at(0);
  CHECK(made->text == want.text);
  CHECK(made->names == want.names);
  CHECK(made->strings == want.strings);
  REQUIRE(made->fields.size() == want.fields.size());
  for (std::size_t i = 0; i < want.fields.size(); ++i) {
    CHECK(made->fields[i].key == want.fields[i].key);
    CHECK(made->fields[i].names == want.fields[i].names);
  }
  CHECK(has(made->names, "user.email"));

  // Without the tree kept, the parse stage settles deferred values itself.
  lazy_opts.keep_tree = false;
  ParsedFile settled = Parsers(lazy_opts).parse_text(sf, text);
  CHECK(settled.deferred.empty());
  CHECK(settled.facts.facts[profile].args.at(0).names == want.names);
}

// A returned value summarised late is the eager walk's summary, functions
// included (`return () => navigator.userAgent` reads the user agent).
TEST_CASE("a returned value summarised on demand equals the eager summary") {
  const std::string text = "function ua() {\n  return () => navigator.userAgent;\n}\n";
  auto interest = std::make_shared<FactInterest>();
  interest->by_language[static_cast<std::size_t>(Language::JavaScript)].reads.add("navigator.userAgent", 0);
  SourceFile sf{"a.js", "a.js", Language::JavaScript, text.size()};
  ParseOptions lazy_opts;
  lazy_opts.interest = interest;
  ParsedFile lazy = Parsers(lazy_opts).parse_text(sf, text);
  ParsedFile eager = Parsers(ParseOptions{}).parse_text(sf, text);
  auto first_return = [](const ParsedFile& p) -> const Fact* {
    for (const auto& f : p.facts.facts)
      if (f.kind == FactKind::Return) return &f;
    return nullptr;
  };
  const Fact* l = first_return(lazy);
  const Fact* e = first_return(eager);
  REQUIRE(l);
  REQUIRE(e);
  REQUIRE(l->args.size() == 1);
  REQUIRE(e->args.size() == 1);
  CHECK(l->args[0].names == e->args[0].names);
  CHECK(has(l->args[0].names, "navigator.userAgent"));
}
