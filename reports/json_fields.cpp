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

CollectionPoint point_from_json(const nlohmann::json& j) {
  CollectionPoint p;
  p.path = j.at("path").get<std::string>();
  p.line = j.at("line").get<int>();
  p.column = j.at("column").get<int>();
  auto lang = language_from_name(j.at("language").get<std::string>());
  if (!lang) throw nlohmann::json::other_error::create(501, "unknown language " + j.at("language").get<std::string>(), &j);
  p.language = *lang;
  p.kind = j.at("kind").get<std::string>();
  p.categories = j.at("categories").get<std::vector<std::string>>();
  p.recipient.id = j.at("recipient").at("id").get<std::string>();
  p.recipient.category = j.at("recipient").at("category").get<std::string>();
  p.evidence = j.at("evidence").get<std::string>();
  p.snippet = j.at("snippet").get<std::string>();
  p.mapping_id = j.at("mapping_id").get<std::string>();
  if (j.contains("retention_seconds")) p.retention_seconds = j["retention_seconds"].get<std::int64_t>();
  if (j.contains("detail")) p.detail = j["detail"].get<std::string>();
  return p;
}

Diagnostic diagnostic_from_json(const nlohmann::json& j) {
  Diagnostic d;
  auto sev = j.at("severity").get<std::string>();
  d.severity = sev == "error" ? Severity::Error : sev == "warning" ? Severity::Warning : Severity::Note;
  d.code = j.at("code").get<std::string>();
  d.path = j.at("path").get<std::string>();
  d.line = j.at("line").get<int>();
  d.column = j.at("column").get<int>();
  d.message = j.at("message").get<std::string>();
  return d;
}

}  // namespace ps
