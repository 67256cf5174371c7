#include "scanner/detect/duration_value.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "scanner/core/text.h"

namespace ps {
namespace {

// Seconds per unit word; matched case-insensitively on the last path segment.
std::optional<double> unit_word(std::string_view w) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"millisecond", 0.001}, {"milliseconds", 0.001}, {"ms", 0.001},  {"second", 1},     {"seconds", 1},
      {"sec", 1},             {"secs", 1},             {"s", 1},       {"minute", 60},    {"minutes", 60},
      {"min", 60},            {"mins", 60},            {"m", 60},      {"hour", 3600},    {"hours", 3600},
      {"h", 3600},            {"day", 86400},          {"days", 86400}, {"d", 86400},     {"week", 604800},
      {"weeks", 604800},      {"w", 604800},           {"month", 2592000}, {"months", 2592000},
      {"year", 31536000},     {"years", 31536000},     {"y", 31536000}};
  std::string l = to_lower(w);
  for (auto [name, s] : kUnits)
    if (l == name) return s;
  return std::nullopt;
}

// "ofDays", "FromDays", "toSeconds"-style method names -> seconds per unit.
std::optional<double> unit_method(std::string_view name) {
  std::string l = to_lower(name);
  for (std::string_view p : {"of", "from", "add", "plus"})
    if (starts_with(l, p)) return unit_word(std::string_view(l).substr(p.size()));
  return std::nullopt;
}

// "30d", "2h", "15m", "1y", "90 days" -> seconds.
std::optional<double> duration_string(std::string_view s) {
  s = trim(s);
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == 0) return std::nullopt;
  double n = std::strtod(std::string(s.substr(0, i)).c_str(), nullptr);
  auto unit = unit_word(trim(s.substr(i)));
  if (!unit) return std::nullopt;
  return n * *unit;
}

// "now" in many languages: an expiry written as now + lifetime is a lifetime.
bool is_now(std::string_view lower_path) {
  static constexpr std::string_view kNow[] = {"time", "date.now", "system.currenttimemillis", "datetime.now", "datetime.utcnow",
                                              "datetimeoffset.now", "datetimeoffset.utcnow", "time.now", "instant.now",
                                              "datetime.datetime.now", "datetime.datetime.utcnow", "timezone.now", "now",
                                              "clock.now", "localdatetime.now", "zoneddatetime.now"};
  for (auto n : kNow)
    if (lower_path == n) return true;
  return false;
}

struct Parser {
  std::string_view t;
  std::size_t i = 0;
  bool unit = false;

  void ws() { while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i; }
  bool eat(char c) { ws(); if (i < t.size() && t[i] == c) { ++i; return true; } return false; }
  std::string ident() {
    ws();
    std::size_t b = i;
    while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '_' || t[i] == '.' || t[i] == '$')) ++i;
    return std::string(t.substr(b, i - b));
  }

  std::optional<double> expr() {
    auto v = term();
    while (v) {
      if (eat('+')) { auto r = term(); if (!r) return std::nullopt; *v += *r; }
      else if (eat('-')) { auto r = term(); if (!r) return std::nullopt; *v -= *r; }
      else break;
    }
    return v;
  }
  std::optional<double> term() {
    auto v = factor();
    while (v) {
      if (eat('*')) { auto r = factor(); if (!r) return std::nullopt; *v *= *r; }
      else if (eat('/')) { auto r = factor(); if (!r || *r == 0) return std::nullopt; *v /= *r; }
      else break;
    }
    return v;
  }
  // Arguments of a call: keyword args (days=30, hours: 2) add up; one positional is the count.
  std::optional<double> call_args(std::optional<double> per_unit) {
    double total = 0;
    bool any = false;
    while (true) {
      ws();
      if (eat(')')) break;
      std::size_t save = i;
      std::string key = ident();
      std::optional<double> key_unit = key.empty() ? std::nullopt : unit_word(key);
      if (key_unit && (eat('=') || eat(':'))) {
        auto v = expr();
        if (!v) return std::nullopt;
        total += *v * *key_unit;
        unit = true;
      } else {
        i = save;
        auto v = expr();
        if (!v) return std::nullopt;
        total += per_unit ? *v * *per_unit : *v;
        if (per_unit) unit = true;
      }
      any = true;
      if (!eat(',')) { if (!eat(')')) return std::nullopt; break; }
    }
    if (!any) return std::nullopt;
    return total;
  }
  std::optional<double> factor() {
    ws();
    if (i >= t.size()) return std::nullopt;
    char c = t[i];
    if (c == '(') { ++i; auto v = expr(); if (!v || !eat(')')) return std::nullopt; return v; }
    if (c == '"' || c == '\'' || c == '`') {
      std::size_t e = t.find(c, i + 1);
      if (e == std::string_view::npos) return std::nullopt;
      auto v = duration_string(t.substr(i + 1, e - i - 1));
      i = e + 1;
      if (v) unit = true;
      return v;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t b = i;
      std::string digits;
      while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '_' || t[i] == '\'' ||
                              (t[i] == '.' && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]))))) {
        if (t[i] != '_' && t[i] != '\'') digits.push_back(t[i]);
        ++i;
      }
      if (i + 1 < t.size() && (t[i] == 'e' || t[i] == 'E') && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
        digits.push_back('e');  // 864e5
        ++i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) digits.push_back(t[i++]);
      }
      while (i < t.size() && std::string_view("LlUuFf").find(t[i]) != std::string_view::npos) ++i;  // 1000L
      if (digits.empty() || i == b) return std::nullopt;
      double v = std::strtod(digits.c_str(), nullptr);
      // 30.days (Ruby, Kotlin), 2.hours
      if (i < t.size() && t[i] == '.') {
        std::size_t save = i++;
        std::string w = ident();
        if (auto u = unit_word(w)) { unit = true; return v * *u; }
        i = save;
      }
      return v;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      std::string path = ident();
      std::string_view last = path;
      if (auto dot = last.rfind('.'); dot != std::string_view::npos) last = last.substr(dot + 1);
      std::string lower = to_lower(path);
      if (lower == "new") return factor();  // new Date(...), new Duration(...)
      if (eat('(')) {
        if (lower == "date") return call_args(std::nullopt);  // new Date(Date.now() + ms)
        // TimeUnit.DAYS.toSeconds(30): the unit is the segment before the method.
        if (auto p = lower.find("timeunit."); p != std::string::npos) {
          auto rest = std::string_view(lower).substr(p + 9);
          auto u = unit_word(rest.substr(0, rest.find('.')));
          auto conv = unit_word(rest.substr(rest.find('.') + 4));  // "toSeconds" -> "seconds"
          auto v = call_args(std::nullopt);
          if (!u || !v) return std::nullopt;
          unit = true;
          (void)conv;
          return *v * *u;
        }
        if (auto u = unit_method(last)) return call_args(u);
        if (is_now(lower)) {  // time(), Date.now(), new Date() as the base of an expiry
          int depth = 1;
          while (i < t.size() && depth > 0) { if (t[i] == '(') ++depth; else if (t[i] == ')') --depth; ++i; }
          return depth == 0 ? std::optional<double>(0) : std::nullopt;
        }
        if (lower == "ms" || lower == "timedelta" || lower == "datetime.timedelta" || ends_with(lower, ".duration") ||
            lower == "duration")
          return call_args(std::nullopt);
        return std::nullopt;
      }
      if (is_now(lower)) return 0;  // DateTime.UtcNow + TimeSpan.FromDays(30)
      if (auto u = unit_word(last); u && path.find('.') != std::string::npos) {  // time.Hour, TimeUnit.DAYS
        unit = true;
        return *u;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<DurationValue> eval_duration(std::string_view text) {
  Parser p{trim(text)};
  auto v = p.expr();
  p.ws();
  if (!v || p.i != p.t.size()) return std::nullopt;
  return DurationValue{*v, p.unit};
}

}  // namespace ps
