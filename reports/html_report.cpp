// The audit report: one self-contained HTML file (inline CSS, no script at
// all, and a Content-Security-Policy that forbids any), with a summary, the
// findings grouped by rule, the data map (categories x recipients x
// locations) and the policy's statements with the code that backs each.
#include <fmt/format.h>

#include <map>

#include "reports/data_map.h"
#include "reports/escape.h"
#include "reports/scan_report.h"

namespace ps {

namespace {

const char* kStyle = R"(body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d2433;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5fa}code,pre{font:12px/1.4 ui-monospace,monospace;background:#f6f7f9;padding:.1rem .25rem;border-radius:3px}
pre{padding:.5rem;white-space:pre-wrap;word-break:break-all}.error{color:#b3261e}.warning{color:#a15c00}.note{color:#0b6bcb}
.badge{display:inline-block;min-width:2.2rem;padding:.15rem .5rem;border-radius:1rem;background:#eef;margin-right:.4rem;text-align:center}
.muted{color:#667}.cell{font-size:12px}.summary td{font-size:1.1rem}blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid #ccd;color:#445})";

std::string loc(const std::string& path, int line) { return html_escape(path) + ":" + std::to_string(line); }

}  // namespace

std::string report_html(const ScanReport& r) {
  std::size_t counts[3] = {0, 0, 0}, suppressed = 0;
  std::map<std::string, std::vector<const Finding*>> by_rule;
  for (const auto& f : r.findings) {
    if (f.suppressed) { ++suppressed; continue; }
    ++counts[static_cast<int>(f.severity)];
    by_rule[f.rule].push_back(&f);
  }
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  h += "<title>policyscan audit: " + html_escape(r.root) + "</title>\n<style>" + std::string(kStyle) + "</style></head><body>\n";
  h += "<h1>Privacy audit</h1>\n<p class=\"muted\">" + html_escape(r.root) + " against " + html_escape(r.policy_file) +
       " &middot; policyscan " + html_escape(r.tool_version) + "</p>\n";

  h += "<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\"><tr>";
  h += fmt::format("<td><span class=\"error\">{}</span> errors</td><td><span class=\"warning\">{}</span> warnings</td>"
                   "<td><span class=\"note\">{}</span> notes</td><td>{} suppressed</td><td>{} collection points</td>"
                   "<td>{} files</td></tr></table>\n",
                   counts[0], counts[1], counts[2], suppressed, r.points.size(), r.files_scanned);

  h += "<h2 id=\"findings\">Findings by rule</h2>\n";
  if (by_rule.empty()) h += "<p>The code agrees with the privacy policy.</p>\n";
  for (const auto& [rule, list] : by_rule) {
    const RuleInfo* info = find_rule(rule);
    h += fmt::format("<h3><code>{}</code> <span class=\"badge\">{}</span>{}</h3>\n", html_escape(rule), list.size(),
                     info ? html_escape(info->short_description) : "");
    h += "<table><tr><th>Where</th><th>What</th><th>Data</th><th>Policy</th></tr>\n";
    for (const Finding* f : list) {
      std::string cats;
      for (const auto& c : f->categories) cats += "<code>" + html_escape(c) + "</code> ";
      std::string policy;
      if (f->policy)
        policy = loc(f->policy->file, f->policy->line) + "<blockquote>" + html_escape(f->policy->quote) + "</blockquote>";
      h += fmt::format("<tr><td><code>{}</code><pre>{}</pre></td><td class=\"{}\">{}<div class=\"muted\">{}</div></td>"
                       "<td>{}{}</td><td>{}</td></tr>\n",
                       loc(f->path, f->line), html_escape(f->snippet), severity_name(f->severity), html_escape(f->message),
                       html_escape(f->fix), cats, f->recipient.id.empty() ? "" : " &rarr; " + html_escape(f->recipient.id),
                       policy);
    }
    h += "</table>\n";
  }

  DataMap map = build_data_map(r.points);
  h += "<h2 id=\"data-map\">Data map</h2>\n<p class=\"muted\">Rows: data categories. Columns: who receives them. "
       "Cells: where in the code.</p>\n<table><tr><th>Category</th>";
  for (const auto& rc : map.recipients) h += "<th>" + html_escape(rc) + "</th>";
  h += "</tr>\n";
  for (const auto& c : map.categories) {
    h += "<tr><th><code>" + html_escape(c) + "</code></th>";
    for (const auto& rc : map.recipients) {
      h += "<td class=\"cell\">";
      if (auto it = map.cells.find({c, rc}); it != map.cells.end()) {
        std::size_t shown = 0;
        for (auto i : it->second.points) {
          if (shown++ == 5) { h += fmt::format("&hellip; {} more", it->second.points.size() - 5); break; }
          h += loc(r.points[i].path, r.points[i].line) + "<br>";
        }
      }
      h += "</td>";
    }
    h += "</tr>\n";
  }
  h += "</table>\n";

  h += "<h2 id=\"statements\">Policy statements and the code behind them</h2>\n";
  h += "<table><tr><th>Statement</th><th>Sentence</th><th>Backed by</th></tr>\n";
  for (const auto& s : r.statements) {
    std::string backing;
    for (std::size_t k = 0; k < s.backing_points.size() && k < 5; ++k) {
      const auto& p = r.points[s.backing_points[k]];
      backing += loc(p.path, p.line) + " <span class=\"muted\">" + html_escape(p.kind) + "</span><br>";
    }
    if (s.backing_points.size() > 5) backing += fmt::format("&hellip; {} more", s.backing_points.size() - 5);
    if (backing.empty()) backing = "<span class=\"muted\">nothing in the scanned code</span>";
    h += fmt::format("<tr><td><code>{}</code> {}<div class=\"muted\">{} &middot; {}</div></td><td><blockquote>{}</blockquote></td>"
                     "<td>{}</td></tr>\n",
                     html_escape(s.id), html_escape(s.section), html_escape(s.summary), loc(s.file, s.line),
                     html_escape(s.quote), backing);
  }
  h += "</table>\n";

  if (!r.diags.empty()) {
    h += "<h2 id=\"problems\">Input problems</h2>\n<ul>\n";
    for (const auto& d : r.diags)
      h += fmt::format("<li><code>{}:{}:{}</code> {} <span class=\"muted\">[{}]</span></li>\n", html_escape(d.path), d.line,
                       d.column, html_escape(d.message), html_escape(d.code));
    h += "</ul>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace ps
