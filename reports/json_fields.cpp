#include "reports/json_fields.h"

#include "scanner/core/text.h"

namespace ps {

// Scanned code may hold invalid UTF-8; nlohmann::json throws on it at dump time.
static std::string clean(const std::string& s) { return sanitize_utf8(s); }

nlohmann::json point_json(const CollectionPoint& p) {
  nlohmann::json j = {
      {"path", clean(p.path)},
      {"line", p.line},
      {"column", p.column},
      {"language", std::string(language_name(p.language))},
      {"kind", p.kind},
      {"categories", p.categories},
      {"recipient", {{"id", p.recipient.id}, {"category", p.recipient.category}}},
      {"evidence", clean(p.evidence)},
      {"snippet", clean(p.snippet)},
      {"mapping_id", p.mapping_id},
  };
  if (p.retention_seconds) j["retention_seconds"] = *p.retention_seconds;
  if (!p.detail.empty()) j["detail"] = clean(p.detail);
  return j;
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
  return {{"path", clean(d.path)}, {"line", d.line},       {"column", d.column},
          {"severity", severity_name(d.severity)}, {"code", d.code}, {"message", clean(d.message)}};
}

}  // namespace ps
